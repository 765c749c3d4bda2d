// The one gate of every request action: may this actor see this request
// (access layer, SPEC §4 "Visibility"), is the action possible in its state
// (the lifecycle table), and may this actor take it (side, role, allocation).
#pragma once

#include "core/error.hpp"
#include "requests/request_store.hpp"

namespace imi {

class Session;

namespace request_gate {

RequestView view_of(SQLite::Database& db, const Actor& actor, const RequestDetails& r, bool reveal_blocked);

// What view_of looks up besides the request, for a listing that reads it in
// the same query as the requests instead of asking for each one.
struct ViewFacts {
  bool responder_allocation = false;
  bool responder_coordinator_can_view = false;
  std::string responder_country;
  bool actor_assigned = false;      // the actor is a handler with a row in request_assignee
  std::string actor_authority_type; // needed only when the actor's authority is not involved
  std::string actor_country;
};
RequestView view_with(const Actor& actor, const RequestDetails& r, const ViewFacts& facts,
                      bool reveal_blocked);

struct Refusal {
  ErrorKind kind;
  std::string message; // in the interface language
  std::vector<std::string> hints;
  std::string audit; // the message in English, for the audit log (permission refusals)
};
// Why the actor may not take `action` on r now; empty when they may.
std::optional<Refusal> check_action(SQLite::Database& db, const Actor& actor, const RequestDetails& r,
                                    std::string_view action);

// Throws the refusal (4 audited, 5, 3) or returns the row that applies.
const Transition& authorize_action(Session& session, const Actor& actor, const RequestDetails& r,
                                   std::string_view action);

// Refuses (4, audited) an actor who may not see r at all.
void require_visible(Session& session, const Actor& actor, const RequestDetails& r, RequestView view,
                     std::string_view action);

} // namespace request_gate
} // namespace imi
