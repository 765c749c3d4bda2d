// Resolving who is acting (SPEC §5). Personal mode trusts --as: whoever can
// run imictl on the database owns the file and could edit it directly. Shared
// mode trusts only the OS: the database belongs to a service account, people
// run imictl through sudo, and sudo tells us who they are.
#include "access/actor.hpp"
#include "access/invocation.hpp"
#include "authority/authority.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_store.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sys/stat.h>

namespace imi {
namespace {

Actor load_user(SQLite::Database& db, const UserRef& found)
{
  Actor a;
  a.user_id = found.id;
  a.username = found.username;
  a.authority_id = found.authority_id;
  a.status = found.status;
  if (found.status == "locked" || found.status == "deleted") {
    a.kind = Actor::Kind::inactive;
    return a;
  }
  a.kind = Actor::Kind::user;
  a.roles = {Role::basic};
  SQLite::Statement roles(db, "SELECT role FROM user_role WHERE user_id = ?");
  roles.bind(1, a.user_id);
  while (roles.executeStep())
    if (auto r = parse_role(roles.getColumn(0).getString())) a.roles.insert(*r);
  return a;
}

Actor by_name(SQLite::Database& db, const std::string& name)
{
  if (auto found = try_find_user(db, name)) return load_user(db, *found);
  Actor a;
  a.kind = Actor::Kind::unknown;
  a.username = name;
  return a;
}

// Root, and the account that owns the database file, can edit the file
// directly: for them shared mode adds nothing, and --as is trusted as in
// personal mode (that is how the first LDA links the first people).
bool may_name_anyone(const OsAccount& who, const std::string& db_path)
{
  if (who.uid == 0) return true;
  struct stat st {};
  return ::stat(db_path.c_str(), &st) == 0 && st.st_uid == who.uid;
}

Actor identify_by_os(Session& session, SQLite::Database& db)
{
  const OsAccount who = invoking_account();
  const auto& named = session.actor_name();
  if (may_name_anyone(who, session.database_path())) return named ? by_name(db, *named) : Actor{};
  SQLite::Statement q(db, "SELECT id, authority_id, username, status FROM user WHERE os_user = ?");
  q.bind(1, who.login);
  if (!q.executeStep()) {
    // The audit log keeps the English text (stored data); the person reads theirs.
    session.audit_after_rollback("os:" + who.login, "denied:identify", "",
                                 fmt::format("OS account '{}' is not linked to an imictl user", who.login));
    throw PermissionError(
        _f("OS account '{}' is not linked to an imictl user", who.login),
        {_f("a local data administrator links it with: imictl user link USER --os-user {}", who.login)});
  }
  const UserRef linked{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                       q.getColumn(3).getString()};
  if (named) {
    const auto other = try_find_user(db, *named);
    if (!other || other->id != linked.id) {
      session.audit_after_rollback(linked.username, "denied:identify", "user:" + *named,
                                   fmt::format("OS account '{}' acts as '{}' and may not act as '{}'",
                                               who.login, linked.username, *named));
      throw PermissionError(
          _f("OS account '{}' acts as '{}' and may not act as '{}'", who.login, linked.username, *named),
          {_("in shared mode ([security] identity = \"os\") --as can only name yourself")});
    }
  }
  return load_user(db, linked);
}

} // namespace

Actor identify(Session& session)
{
  const auto& named = session.actor_name();
  if (named && *named == system_actor_name) {
    session.audit_after_rollback(system_actor_name, "denied:identify", "", "'system' named with --as");
    throw PermissionError(
        _("'system' is the built-in actor of cron-run commands and cannot be named with --as"),
        {_("purge, notify send and user issue-credentials act as it without --as")});
  }
  const bool os_mode = session.config().text("security.identity") == "os";
  if (!os_mode && (!named || named->empty())) return Actor{};
  auto& db = session.db();
  if (os_mode) return identify_by_os(session, db);
  return by_name(db, *named);
}

Actor system_actor(Session& session)
{
  Actor a;
  a.kind = Actor::Kind::system;
  a.username = system_actor_name;
  a.roles = {Role::basic};
  a.authority_id = own_authority_id(session.db());
  return a;
}

} // namespace imi
