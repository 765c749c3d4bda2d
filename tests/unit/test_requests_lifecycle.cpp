// The lifecycle table (lib/requests/lifecycle.cpp) against SPEC §4 "Who may
// act", and the reference format.
#include "requests/lifecycle.hpp"
#include "requests/reference.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace imi;

TEST_CASE("requests::lifecycle")
{
  SUBCASE("SPEC 4: each action from its states to its state, by the right side")
  {
    struct Row {
      const char* action;
      RequestState from;
      std::optional<RequestState> to;
      Side side;
    };
    using S = RequestState;
    for (const Row& row : std::vector<Row>{{"send", S::draft, S::sent, Side::requesting},
                                           {"accept", S::sent, S::accepted, Side::responding},
                                           {"refuse", S::sent, S::refused, Side::responding},
                                           {"forward", S::sent, S::sent, Side::responding},
                                           {"forward", S::accepted, S::sent, Side::responding},
                                           {"reply", S::accepted, S::answered, Side::responding},
                                           {"reopen", S::answered, S::accepted, Side::requesting},
                                           {"close", S::answered, S::closed, Side::requesting},
                                           {"due-propose", S::sent, std::nullopt, Side::responding},
                                           {"due-agree", S::accepted, std::nullopt, Side::requesting}}) {
      CAPTURE(row.action);
      const Transition* t = transition_from(row.action, row.from);
      REQUIRE(t != nullptr);
      CHECK(t->to == row.to);
      CHECK(t->side == row.side);
    }
    const Transition* discard = transition_from("discard", S::draft);
    REQUIRE(discard);
    CHECK(discard->deletes);
  }
  SUBCASE("closed and refused requests are final")
  {
    CHECK(actions_in_state(RequestState::closed).empty());
    CHECK(actions_in_state(RequestState::refused).empty());
    CHECK(transition_from("accept", RequestState::accepted) == nullptr);
  }
  SUBCASE("the responding side's handler rows need assignment under allocation")
  {
    for (const auto& t : lifecycle()) {
      CAPTURE(t.action);
      CHECK(t.needs_assignment == (t.side == Side::responding && t.role == Role::handler));
      CHECK(!t.from.empty());
    }
  }
  SUBCASE("refusal needs a reason of the guide; reopen a comment")
  {
    CHECK((transition_from("refuse", RequestState::sent)->required & input_refusal_reason));
    CHECK((transition_from("reopen", RequestState::answered)->required & input_comment));
    CHECK(refusal_reasons() == std::vector<std::string>{"insufficient-motivation", "out-of-scope"});
  }
  SUBCASE("notifications as B3 says")
  {
    CHECK(transition_from("send", RequestState::draft)->notices == notice_responder_intake);
    CHECK((transition_from("forward", RequestState::sent)->notices & notice_sender));
    CHECK((transition_from("reply", RequestState::accepted)->notices & notice_sender));
    CHECK(transition_from("assign", RequestState::sent)->notices == notice_assignees);
  }
  SUBCASE("open requests")
  {
    std::set<RequestState> open(open_request_states().begin(), open_request_states().end());
    CHECK(open == std::set<RequestState>{RequestState::sent, RequestState::accepted, RequestState::answered});
    CHECK(parse_request_state(" Sent ") == RequestState::sent);
  }
}

TEST_CASE("requests::reference")
{
  CHECK(format_reference("NL", 2026, 123) == "NL-2026-000123");
  CHECK(is_reference("NL-2026-000123"));
  CHECK_FALSE(is_reference("nl-2026-000123"));
  CHECK_FALSE(is_reference("NL-2026-00012"));
  CHECK_FALSE(is_reference("NL-20X6-000123"));
}
