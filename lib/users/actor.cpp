#include "users/actor.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "util/text.hpp"

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
  SQLite::Statement q(db, "SELECT id, username, authority_id, status FROM user "
                          "WHERE username = ?1 OR (lower(email) = lower(?1) AND status <> 'deleted') "
                          "ORDER BY username = ?1 DESC LIMIT 1");
  q.bind(1, *name);
  if (!q.executeStep()) {
    NotFoundError e(fmt::format("acting user '{}' does not exist", *name));
    std::vector<std::string> names;
    SQLite::Statement all(db, "SELECT username FROM user WHERE status <> 'deleted'");
    while (all.executeStep())
      names.push_back(all.getColumn(0).getString());
    for (const auto& n : util::nearest_matches(*name, names, 1))
      e.hint(fmt::format("did you mean '{}'?", n));
    throw e;
  }
  Actor a;
  a.user_id = q.getColumn(0).getInt64();
  a.username = q.getColumn(1).getString();
  a.authority_id = q.getColumn(2).getInt64();
  const std::string status = q.getColumn(3).getString();
  if (status == "locked" || status == "deleted")
    throw PermissionError(fmt::format("acting user '{}' is {}", a.username, status));
  a.roles = {Role::basic};
  SQLite::Statement roles(db, "SELECT role FROM user_role WHERE user_id = ?");
  roles.bind(1, a.user_id);
  while (roles.executeStep())
    if (auto r = parse_role(roles.getColumn(0).getString())) a.roles.insert(*r);
  return a;
}

} // namespace imi
