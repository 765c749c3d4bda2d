// user restore: undo a delete within the retention period (user_admin.hpp).
// A deleted user keeps name and e-mail until purge removes them after
// [retention] delete_after; until then an LDA who deleted the wrong person
// can bring the account back instead of creating a new username.
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_admin.hpp"
#include "users/user_admin_internal.hpp"
#include "util/i18n.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

using namespace user_admin;

namespace {

struct Deletion {
  util::Instant at = 0; // users deleted before it was recorded: their last change (migration 013)
  bool purged = false;  // purge has wiped the personal data (migration 014)
};
Deletion deletion_of(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(
      db, "SELECT coalesce(deleted_at, updated_at), purged_at IS NOT NULL FROM user WHERE id = ?");
  q.bind(1, user_id);
  q.executeStep();
  return {util::parse_iso8601(q.getColumn(0).getString()).value_or(0), q.getColumn(1).getInt() != 0};
}

void check_email_free(SQLite::Database& db, const UserRef& user)
{
  SQLite::Statement q(db, "SELECT o.username FROM user u JOIN user o ON o.authority_id = u.authority_id "
                          "AND lower(o.email) = lower(u.email) AND o.id <> u.id AND o.status <> 'deleted' "
                          "WHERE u.id = ?");
  q.bind(1, user.id);
  if (q.executeStep())
    throw ConflictError(
        _f("the e-mail address of '{}' now belongs to '{}'", user.username, q.getColumn(0).getString()),
        {_("give one of them another address first: imictl user edit USER --email ADDR")});
}

} // namespace

UserView restore_user(Session& session, const Actor& actor, std::string_view user, bool dry_run)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage(session, actor, db, user, Permission::manage_users);
  if (t.user.status != "deleted")
    // TRANSLATORS: a username, then its state code (pending, active, locked)
    throw ConflictError(
        _f("user '{}' is {}, not deleted", t.user.username, C_("status", t.user.status.c_str())));
  const util::Period keep = session.config().period("retention.delete_after");
  const Deletion deletion = deletion_of(db, t.user.id);
  const util::Instant until = util::add_period(deletion.at, keep);
  if (deletion.purged || session.now() >= until)
    throw ConflictError(
        // TRANSLATORS: a username, then a period from the configuration, e.g. "6 months"
        _f("'{}' was deleted more than {} ago: the retention period is over", t.user.username,
           session.config().text("retention.delete_after")),
        {_("purge removes the personal data of such users; add the person again with imictl user add")});
  check_email_free(db, t.user);
  // Pending again without a password: the next `user issue-credentials`
  // mails a new temporary password, as for a new user (H6.1).
  SQLite::Statement q(db, "UPDATE user SET status = 'pending', deleted_at = NULL, failed_logins = 0, "
                          "credentials_queued_at = NULL, updated_at = ? WHERE id = ?");
  q.bind(1, session.now_iso());
  q.bind(2, t.user.id);
  q.exec();
  append_audit(db, session.now(), t.actor.username, "user.restore", "user:" + t.user.username,
               "restored as pending; roles to be granted again");
  UserView view = load_user_view(db, t.user.id);
  if (dry_run) return view; // rolled back: see user_admin.hpp
  tx.commit();
  session.reporter().note(_f("'{}' is a basic user again; grant other roles with imictl role grant {} ROLE",
                             t.user.username, t.user.username));
  return view;
}

} // namespace imi
