// An existing account's state (user rename, delete, lock, unlock, reset-password), with the
// last-LDA and open-request rules; its fields are edited in user_add_edit.cpp.
#include "access/permissions.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "notify/outbox.hpp"
#include "requests/requests.hpp"
#include "users/role_admin.hpp"
#include "users/user_admin.hpp"
#include "users/user_admin_internal.hpp"
#include "users/username.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

void set_status(SQLite::Database& db, std::int64_t user_id, const std::string& status, const std::string& now)
{
  SQLite::Statement q(db, "UPDATE user SET status = ?, updated_at = ? WHERE id = ?");
  q.bind(1, status);
  q.bind(2, now);
  q.bind(3, user_id);
  q.exec();
}

// active when the user has ever set a password, else pending.
std::string unlocked_status(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(db,
                      "SELECT last_login_at IS NOT NULL OR password_hash IS NOT NULL FROM user WHERE id = ?");
  q.bind(1, user_id);
  q.executeStep();
  return q.getColumn(0).getInt() ? "active" : "pending";
}

} // namespace

using namespace user_admin;

UserView rename_user(Session& session, const Actor& actor, std::string_view user,
                     std::string_view new_username)
{
  const std::string wanted = util::trim(new_username);
  check_username_syntax(wanted);
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage(session, actor, db, user, Permission::manage_users);
  if (t.user.status != "pending")
    // TRANSLATORS: a username, then its status (active, locked, deleted, translated as in tables)
    throw ConflictError(_f("'{}' is {}: a username can change only while the user is pending (H6.1)",
                           t.user.username, C_("status", t.user.status.c_str())));
  if (wanted == t.user.username) return load_user_view(db, t.user.id);
  SQLite::Statement taken(db, "SELECT 1 FROM user WHERE username = ?");
  taken.bind(1, wanted);
  if (taken.executeStep()) throw ConflictError(_f("username '{}' is taken", wanted));
  SQLite::Statement q(db, "UPDATE user SET username = ?, updated_at = ? WHERE id = ?");
  q.bind(1, wanted);
  q.bind(2, session.now_iso());
  q.bind(3, t.user.id);
  q.exec();
  append_audit(db, session.now(), t.actor.username, "user.rename", "user:" + wanted,
               fmt::format("renamed from {}", t.user.username));
  UserView view = load_user_view(db, t.user.id);
  tx.commit();
  return view;
}

UserView delete_user(Session& session, const Actor& actor, std::string_view user,
                     const DeleteOptions& options)
{
  const auto& reassign_to = options.reassign_to;
  Reporter& reporter = session.reporter();
  if (!options.yes && !options.dry_run && !reporter.can_confirm())
    throw UsageError(_("user delete: confirm with --yes (no terminal to ask on)"),
                     {_("try it first with --dry-run")});
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage(session, actor, db, user, Permission::manage_users);
  if (t.user.status == "deleted") throw ConflictError(_f("user '{}' is already deleted", t.user.username));
  SQLite::Statement lda(db, "SELECT 1 FROM user_role WHERE user_id = ? AND role = 'lda'");
  lda.bind(1, t.user.id);
  const bool was_lda = lda.executeStep();
  if (was_lda && count_usable_ldas(db, t.user.authority_id, t.user.id) == 0)
    throw ConflictError(
        _f("'{}' is the last local data administrator and cannot be deleted", t.user.username),
        {_("grant lda to another user first: imictl role grant USER lda")});
  const std::int64_t open = count_open_assigned_requests(db, t.user.id);
  std::string summary = "deleted";
  if (open > 0 && !reassign_to)
    throw ConflictError(_n("'{}' has {} open assigned request; reassign it first",
                           "'{}' has {} open assigned requests; reassign them first",
                           static_cast<unsigned long>(open), t.user.username, open),
                        {fmt::format("imictl user delete {} --reassign-to USER", t.user.username)});
  if (reassign_to) {
    const UserRef to = find_user(db, *reassign_to);
    if (to.id == t.user.id)
      throw InvalidInputError(_("--reassign-to: cannot reassign to the user being deleted"));
    if (to.authority_id != t.user.authority_id || (to.status != "active" && to.status != "pending"))
      throw ConflictError(
          to.status == "deleted"
              ? _f("--reassign-to: '{}' is deleted and cannot take over requests", to.username)
          : to.status == "locked"
              ? _f("--reassign-to: '{}' is locked and cannot take over requests", to.username)
              // TRANSLATORS: the user belongs to another authority
              : _f("--reassign-to: '{}' is elsewhere and cannot take over requests", to.username));
    SQLite::Statement h(db, "SELECT 1 FROM user_role WHERE user_id = ? AND role = 'handler'");
    h.bind(1, to.id);
    if (!h.executeStep())
      throw ConflictError(_f("--reassign-to: '{}' is not a handler", to.username),
                          {fmt::format("imictl role grant {} handler --service KW", to.username)});
    reassign_open_requests(db, t.user.id, to.id);
    summary += fmt::format("; {} open request(s) reassigned to {}", open, to.username);
  }
  for (const char* sql :
       {"DELETE FROM user_role WHERE user_id = ?", "DELETE FROM user_service WHERE user_id = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, t.user.id);
    q.exec();
  }
  SQLite::Statement q(
      db,
      "UPDATE user SET status = 'deleted', os_user = NULL, password_hash = NULL, temp_password_hash = NULL, "
      "security_code_sealed = NULL, updated_at = ?1, deleted_at = ?1 WHERE id = ?2");
  q.bind(1, session.now_iso());
  q.bind(2, t.user.id);
  q.exec();
  append_audit(db, session.now(), t.actor.username, "user.delete", "user:" + t.user.username, summary);
  UserView view = load_user_view(db, t.user.id);
  if (options.dry_run) return view;
  const std::string question =
      open > 0 ? _n("Delete user {} ({} {}), {} open request reassigned?",
                    "Delete user {} ({} {}), {} open requests reassigned?", static_cast<unsigned long>(open),
                    t.user.username, view.first_name, view.last_name, open)
               : _f("Delete user {} ({} {})?", t.user.username, view.first_name, view.last_name);
  if (!options.yes && !reporter.confirm(question))
    throw FailureError(_("user delete cancelled; nothing was changed"));
  tx.commit();
  if (was_lda) warn_about_role_setup(db, t.user.authority_id, {Role::lda}, session.reporter());
  return view;
}

UserView lock_user(Session& session, const Actor& actor, std::string_view user, bool dry_run)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::manage_users);
  if (t.user.id == t.actor.user_id)
    throw ConflictError(_("you cannot lock your own account"), {_("another local data administrator can")});
  if (t.user.status != "locked") {
    set_status(db, t.user.id, "locked", session.now_iso());
    append_audit(db, session.now(), t.actor.username, "user.lock", "user:" + t.user.username, "locked");
  }
  UserView view = load_user_view(db, t.user.id);
  if (dry_run) return view;
  tx.commit();
  return view;
}

UserView unlock_user(Session& session, const Actor& actor, std::string_view user)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::manage_users);
  if (t.user.status == "locked") {
    set_status(db, t.user.id, unlocked_status(db, t.user.id), session.now_iso());
    SQLite::Statement reset(db, "UPDATE user SET failed_logins = 0 WHERE id = ?");
    reset.bind(1, t.user.id);
    reset.exec();
    append_audit(db, session.now(), t.actor.username, "user.unlock", "user:" + t.user.username, "unlocked");
  }
  UserView view = load_user_view(db, t.user.id);
  tx.commit();
  return view;
}

UserView reset_user_password(Session& session, const Actor& actor, std::string_view user, bool dry_run)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::reset_password);
  // The security code goes too: activation sets a new one with the new
  // password, and a code nobody can use should not linger in the database.
  // The reset mail also counts as the credentials of a user reset within
  // the first 24 hours, so the cron job does not send a second password
  // that would void this one.
  SQLite::Statement q(
      db, "UPDATE user SET password_hash = NULL, temp_password_hash = NULL, security_code_sealed = NULL, "
          "failed_logins = 0, credentials_queued_at = coalesce(credentials_queued_at, ?1), "
          "updated_at = ?1 WHERE id = ?2");
  q.bind(1, session.now_iso());
  q.bind(2, t.user.id);
  q.exec();
  std::string summary = "password cleared; new temporary password queued";
  if (t.user.status == "locked") {
    set_status(db, t.user.id, unlocked_status(db, t.user.id), session.now_iso());
    summary += "; unlocked";
  }
  enqueue_user_mail(session, t.user.id, MailKind::password_reset);
  append_audit(db, session.now(), t.actor.username, "user.reset-password", "user:" + t.user.username,
               summary);
  UserView view = load_user_view(db, t.user.id);
  if (dry_run) return view;
  tx.commit();
  return view;
}

} // namespace imi
