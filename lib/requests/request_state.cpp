// Request states (SPEC §1 enumerations) and the one definition of an open
// request: someone still has to act on it.
#include "core/error.hpp"
#include "requests/lifecycle.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi {

namespace {
using S = RequestState;
} // namespace

const char* request_state_slug(RequestState s)
{
  switch (s) {
  case S::draft: return "draft";
  case S::sent: return "sent";
  case S::accepted: return "accepted";
  case S::answered: return "answered";
  case S::closed: return "closed";
  case S::refused: return "refused";
  }
  return "draft";
}

const char* request_state_label(RequestState s)
{
  // TRANSLATORS: the states of a request. Tables and messages show them;
  // the codes stay in JSON and CSV.
  switch (s) {
  case S::draft: return C_("state", "draft");
  case S::sent: return C_("state", "sent");
  case S::accepted: return C_("state", "accepted");
  case S::answered: return C_("state", "answered");
  case S::closed: return C_("state", "closed");
  case S::refused: return C_("state", "refused");
  }
  return C_("state", "draft");
}

RequestState parse_request_state(std::string_view text)
{
  const std::string t = util::to_lower_ascii(util::trim(std::string(text)));
  for (S s : {S::draft, S::sent, S::accepted, S::answered, S::closed, S::refused})
    if (t == request_state_slug(s)) return s;
  throw InvalidInputError(_f("unknown request state '{}'", text),
                          {_("states: draft, sent, accepted, answered, closed, refused")});
}

const std::vector<RequestState>& open_request_states()
{
  static const std::vector<RequestState> open = {S::sent, S::accepted, S::answered};
  return open;
}

bool is_open_state(RequestState s)
{
  const auto& open = open_request_states();
  return std::find(open.begin(), open.end(), s) != open.end();
}

} // namespace imi
