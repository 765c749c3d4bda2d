#include "users/actor.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

Actor resolve_actor(Session& session)
{
  const auto& name = session.actor_name();
  if (!name || name->empty())
    throw PermissionError("this command needs an acting user: it changes data or shows personal data",
                          {"name yourself with --as USERNAME or IMICTL_USER"});
  auto& db = session.db();
  if (*name == system_actor) {
    Actor a;
    a.username = system_actor;
    a.roles = {Role::basic};
    SQLite::Statement own(db, "SELECT id FROM authority WHERE is_own = 1");
    if (own.executeStep()) a.authority_id = own.getColumn(0).getInt64();
    return a;
  }
  const auto found = try_find_user(db, *name);
  if (!found) {
    NotFoundError e(fmt::format("acting user '{}' does not exist", *name));
    if (auto near = nearest_username(db, *name)) e.hint(fmt::format("did you mean '{}'?", *near));
    throw e;
  }
  if (found->status == "locked" || found->status == "deleted")
    throw PermissionError(fmt::format("acting user '{}' is {}", found->username, found->status));
  Actor a;
  a.user_id = found->id;
  a.username = found->username;
  a.authority_id = found->authority_id;
  a.roles = {Role::basic};
  SQLite::Statement roles(db, "SELECT role FROM user_role WHERE user_id = ?");
  roles.bind(1, a.user_id);
  while (roles.executeStep())
    if (auto r = parse_role(roles.getColumn(0).getString())) a.roles.insert(*r);
  return a;
}

} // namespace imi
