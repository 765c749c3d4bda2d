#include "users/login.hpp"

#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "users/password_hash.hpp"
#include "users/password_policy.hpp"
#include "users/security_code.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

struct Credentials {
  UserRef user;
  std::optional<std::string> password_hash, temp_password_hash;
  std::vector<unsigned char> sealed_code;
  std::int64_t failed_logins = 0;
};

Credentials load_credentials(SQLite::Database& db, std::string_view user)
{
  Credentials c;
  c.user = find_user(db, user);
  SQLite::Statement q(db, "SELECT password_hash, temp_password_hash, security_code_sealed, failed_logins "
                          "FROM user WHERE id = ?");
  q.bind(1, c.user.id);
  q.executeStep();
  if (!q.getColumn(0).isNull()) c.password_hash = q.getColumn(0).getString();
  if (!q.getColumn(1).isNull()) c.temp_password_hash = q.getColumn(1).getString();
  if (!q.getColumn(2).isNull()) {
    const auto* p = static_cast<const unsigned char*>(q.getColumn(2).getBlob());
    c.sealed_code.assign(p, p + q.getColumn(2).getBytes());
  }
  c.failed_logins = q.getColumn(3).getInt64();
  return c;
}

// A locked or deleted account is refused before any secret is asked for. The
// attempt is audited here, committed before the refusal is thrown: someone
// trying a locked account is exactly what an administrator must be able to see.
void refuse_unusable(Session& session, const Credentials& c, const char* action)
{
  const UserRef& user = c.user;
  if (user.status != "locked" && user.status != "deleted") return;
  auto& db = session.db(Access::read_write);
  {
    WriteTransaction tx(db);
    append_audit(db, session.now(), user.username, action, "user:" + user.username,
                 fmt::format("refused: the account is {}; no secret was checked", user.status));
    tx.commit();
  }
  if (user.status == "locked")
    throw PermissionError(
        _f("the account '{}' is locked", user.username),
        {_f("a local data administrator unlocks it: imictl user unlock {}", user.username)});
  throw PermissionError(_f("the account '{}' is deleted", user.username));
}

bool awaits_activation(const Credentials& c)
{
  return c.user.status == "pending" || (c.user.status == "active" && !c.password_hash);
}

void check_activation_state(Session& session, const Credentials& c)
{
  refuse_unusable(session, c, "user.activate.refused");
  if (!awaits_activation(c))
    throw ConflictError(_f("'{}' is already activated", c.user.username),
                        {_f("log in with: imictl login {}", c.user.username)});
  if (!c.temp_password_hash)
    throw ConflictError(
        _f("no temporary password has been issued to '{}' yet", c.user.username),
        {_("it is mailed 24 hours after the user was created (imictl user issue-credentials), or "
           "after imictl user reset-password")});
}

// Login needs a usable, activated account; asked before any secret is read.
void check_login_state(Session& session, const Credentials& c)
{
  refuse_unusable(session, c, "login.refused");
  if (awaits_activation(c))
    throw ConflictError(_f("'{}' has not been activated yet", c.user.username),
                        {_f("first login: imictl user activate {}", c.user.username)});
}

// Records a failed attempt in its own committed transaction, then refuses.
[[noreturn]] void fail_attempt(Session& session, SQLite::Database& db, const Credentials& c,
                               const char* action)
{
  const std::int64_t failures = c.failed_logins + 1;
  const bool lock = failures >= max_failed_logins;
  {
    WriteTransaction tx(db);
    SQLite::Statement q(
        db, "UPDATE user SET failed_logins = ?, status = CASE WHEN ? THEN 'locked' ELSE status END, "
            "updated_at = ? WHERE id = ?");
    q.bind(1, failures);
    q.bind(2, lock ? 1 : 0);
    q.bind(3, session.now_iso());
    q.bind(4, c.user.id);
    q.exec();
    append_audit(db, session.now(), c.user.username, action, "user:" + c.user.username,
                 fmt::format("failed attempt {}{}", failures, lock ? "; account locked" : ""));
    tx.commit();
  }
  PermissionError e(_f("wrong credentials for '{}'", c.user.username));
  if (lock)
    e.hint(_n("after {} failed attempt the account is locked; a local data administrator unlocks it",
              "after {} failed attempts the account is locked; a local data administrator unlocks it",
              max_failed_logins, max_failed_logins));
  else
    e.hint(_n("{} attempt left before the account is locked", "{} attempts left before the account is locked",
              static_cast<unsigned long>(max_failed_logins - failures), max_failed_logins - failures));
  throw e;
}

std::size_t password_min_length(const Session& session)
{
  const std::int64_t n = session.config().integer("security.password_min_length");
  return n < 8 ? 8 : static_cast<std::size_t>(n);
}

} // namespace

UserRef prepare_activation(Session& session, std::string_view user)
{
  auto& db = session.db(Access::read_only);
  const Credentials c = load_credentials(db, user);
  check_activation_state(session, c);
  return c.user;
}

UserRef prepare_login(Session& session, std::string_view user)
{
  auto& db = session.db(Access::read_only);
  const Credentials c = load_credentials(db, user);
  check_login_state(session, c);
  return c.user;
}

UserView activate_user(Session& session, std::string_view user, const ActivationSecrets& secrets)
{
  auto& db = session.db(Access::read_write);
  const Credentials c = load_credentials(db, user);
  check_activation_state(session, c);
  if (!verify_password(*c.temp_password_hash, secrets.temporary_password))
    fail_attempt(session, db, c, "user.activate.failed");
  check_password_policy(secrets.new_password, c.user.username, secrets.temporary_password,
                        password_min_length(session));
  check_security_code(secrets.security_code);

  const std::string key_path = security_key_path(session);
  ensure_key_file(key_path);
  const SecretKey key = load_key_file(key_path);
  const auto sealed = seal_security_code(key, secrets.security_code);
  const std::string hash =
      hash_password(secrets.new_password, hash_profile(session.config().text("security.hash_profile")));

  WriteTransaction tx(db);
  SQLite::Statement q(
      db, "UPDATE user SET password_hash = ?, temp_password_hash = NULL, security_code_sealed = ?, "
          "status = 'active', failed_logins = 0, last_login_at = ?, updated_at = ? "
          "WHERE id = ? AND status = ?");
  q.bind(1, hash);
  q.bind(2, sealed.data(), static_cast<int>(sealed.size()));
  q.bind(3, session.now_iso());
  q.bind(4, session.now_iso());
  q.bind(5, c.user.id);
  q.bind(6, c.user.status);
  if (q.exec() != 1) throw ConflictError(_f("'{}' changed while activating; try again", c.user.username));
  append_audit(db, session.now(), c.user.username, "user.activate", "user:" + c.user.username,
               "password and security code set");
  UserView view = load_user_view(db, c.user.id);
  tx.commit();
  return view;
}

UserView login_user(Session& session, std::string_view user, const std::string& password,
                    const std::array<int, 3>& positions, const std::string& answer)
{
  auto& db = session.db(Access::read_write);
  const Credentials c = load_credentials(db, user);
  check_login_state(session, c);
  // Both secrets are always checked, so a failure does not tell which was wrong.
  const bool password_ok = verify_password(*c.password_hash, password);
  bool code_ok = false;
  if (!c.sealed_code.empty()) {
    const std::string code = open_security_code(load_key_file(security_key_path(session)), c.sealed_code);
    code_ok = check_code_answer(code, positions, answer);
  }
  if (!password_ok || !code_ok) fail_attempt(session, db, c, "login.failed");

  WriteTransaction tx(db);
  SQLite::Statement q(db, "UPDATE user SET failed_logins = 0, last_login_at = ? WHERE id = ?");
  q.bind(1, session.now_iso());
  q.bind(2, c.user.id);
  q.exec();
  append_audit(db, session.now(), c.user.username, "login", "user:" + c.user.username, "logged in");
  UserView view = load_user_view(db, c.user.id);
  tx.commit();
  return view;
}

} // namespace imi
