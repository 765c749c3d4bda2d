#include "access/record_access.hpp"

#include "access/permissions.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi {

// The permission table's rule for viewing users, so that the listings that
// refuse (require) and the views that leave users out decide alike.
bool may_see_user_data(const Actor& actor, std::int64_t authority_id)
{
  return allowed(actor, Permission::view_users, authority_id);
}

bool is_assigned_handler(SQLite::Database& db, const Actor& actor, std::int64_t request_id)
{
  if (actor.kind != Actor::Kind::user || !actor.has(Role::handler)) return false;
  SQLite::Statement q(db, "SELECT 1 FROM request_assignee WHERE request_id = ? AND user_id = ?");
  q.bind(1, request_id);
  q.bind(2, actor.user_id);
  return q.executeStep();
}

// SPEC §4 "Visibility", in the order the rules are written there.
RequestView request_view(const Actor& actor, const RequestFacts& r)
{
  if (actor.kind != Actor::Kind::user) return RequestView::none;
  const bool requester = actor.authority_id == r.requesting_authority_id;
  const bool responder = r.responding_authority_id != 0 && actor.authority_id == r.responding_authority_id;
  if (r.blocked) // only an LDA of an involved authority who gives a reason
    return (requester || responder) && actor.has(Role::lda) && r.reveal_blocked ? RequestView::full
                                                                                : RequestView::none;
  if (requester && actor.has(Role::handler)) return RequestView::full;
  if (responder && actor.has(Role::handler) && (!r.responder_uses_allocation || r.actor_is_assigned))
    return RequestView::full;
  if (requester || responder) return RequestView::without_personal_data;
  if (r.actor_is_coordinator && r.coordinator_can_view) return RequestView::without_personal_data;
  return RequestView::none;
}

} // namespace imi
