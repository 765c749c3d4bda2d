#include "users/user_link.hpp"

#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_admin_internal.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <pwd.h>

namespace imi {

using user_admin::manage_live;
using user_admin::Target;

UserView link_os_user(Session& session, const Actor& actor, std::string_view user, std::string_view os_login)
{
  const std::string login(os_login);
  if (login.empty() || ::getpwnam(login.c_str()) == nullptr)
    throw NotFoundError(_f("OS account '{}' does not exist on this machine", login),
                        {_f("create it first (useradd), or check the spelling: getent passwd {}", login)});
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::manage_users);
  SQLite::Statement taken(db, "SELECT username FROM user WHERE os_user = ? AND id <> ?");
  taken.bind(1, login);
  taken.bind(2, t.user.id);
  if (taken.executeStep())
    throw ConflictError(
        _f("OS account '{}' is already linked to '{}'", login, taken.getColumn(0).getString()),
        {_f("unlink it first: imictl user unlink {}", taken.getColumn(0).getString())});
  SQLite::Statement up(db, "UPDATE user SET os_user = ?, updated_at = ? WHERE id = ? AND os_user IS NOT ?");
  up.bind(1, login);
  up.bind(2, session.now_iso());
  up.bind(3, t.user.id);
  up.bind(4, login);
  if (up.exec() > 0)
    append_audit(db, session.now(), actor.username, "user.link", "user:" + t.user.username, "os:" + login);
  else
    // TRANSLATORS: a username, then an OS account's login
    session.reporter().note(_f("'{}' is already linked to '{}'", t.user.username, login));
  UserView view = load_user_view(db, t.user.id);
  tx.commit();
  return view;
}

UserView unlink_os_user(Session& session, const Actor& actor, std::string_view user)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::manage_users);
  SQLite::Statement up(db,
                       "UPDATE user SET os_user = NULL, updated_at = ? WHERE id = ? AND os_user IS NOT NULL");
  up.bind(1, session.now_iso());
  up.bind(2, t.user.id);
  if (up.exec() > 0)
    append_audit(db, session.now(), actor.username, "user.unlink", "user:" + t.user.username, "unlinked");
  else
    session.reporter().note(_f("'{}' is not linked to an OS account", t.user.username));
  UserView view = load_user_view(db, t.user.id);
  tx.commit();
  return view;
}

} // namespace imi
