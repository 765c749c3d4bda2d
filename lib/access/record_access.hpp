// Record-level questions: not "may this role do X in this authority" (the
// permission table) but "may this actor see this record's personal data".
// Users' own data and information requests (SPEC §4 "Visibility") are
// decided here and nowhere else.
#pragma once

#include "access/actor.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>

namespace imi {

// Names, mailboxes, roles of the users of an authority: any user of that
// authority who can act; nobody else (not system, not other authorities).
bool may_see_user_data(const Actor& actor, std::int64_t authority_id);

// Whether the actor is one of the handlers assigned to the request.
bool is_assigned_handler(SQLite::Database& db, const Actor& actor, std::int64_t request_id);

// What an actor may see of an information request.
enum class RequestView {
  none,                  // refused (4)
  without_personal_data, // personal_data null, attachments by name only
  full,
};
struct RequestFacts {
  std::int64_t requesting_authority_id = 0;
  std::int64_t responding_authority_id = 0; // 0 while a draft
  bool responder_uses_allocation = false;   // the responding authority's setting
  bool actor_is_assigned = false;           // is_assigned_handler()
  bool actor_is_coordinator = false;        // the actor's authority coordinates the responder
  bool coordinator_can_view = false;        // the responding authority allows coordinators
  bool blocked = false;                     // retention: blocked after closure
  bool reveal_blocked = false;              // an LDA passed --reveal-blocked --reason
};
RequestView request_view(const Actor& actor, const RequestFacts& request);

} // namespace imi
