#include "users/user_store.hpp"

#include "core/database.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::vector<std::string> strings(SQLite::Database& db, const char* sql, std::int64_t id)
{
  SQLite::Statement q(db, sql);
  q.bind(1, id);
  std::vector<std::string> out;
  while (q.executeStep())
    out.push_back(q.getColumn(0).getString());
  return out;
}

} // namespace

std::optional<UserRef> try_find_user(SQLite::Database& db, std::string_view user)
{
  SQLite::Statement q(db, "SELECT id, authority_id, username, status FROM user "
                          "WHERE username = lower(?1) OR (lower(email) = lower(?1) AND status <> 'deleted') "
                          "ORDER BY username = lower(?1) DESC LIMIT 1");
  q.bind(1, std::string(util::trim(user)));
  if (!q.executeStep()) return std::nullopt;
  return UserRef{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                 q.getColumn(3).getString()};
}

std::optional<std::string> nearest_username(SQLite::Database& db, std::string_view user)
{
  std::vector<std::string> names;
  SQLite::Statement all(db, "SELECT username FROM user WHERE status <> 'deleted'");
  while (all.executeStep())
    names.push_back(all.getColumn(0).getString());
  const bool is_email = user.find('@') != std::string_view::npos;
  const auto near = util::nearest_matches(is_email ? user.substr(0, user.find('@')) : user, names, 1);
  if (near.empty()) return std::nullopt;
  return near.front();
}

UserRef find_user(SQLite::Database& db, std::string_view user)
{
  if (auto found = try_find_user(db, user)) return *found;
  NotFoundError e(_f("user '{}' does not exist", user));
  if (auto near = nearest_username(db, user))
    e.hint(_f("did you mean '{}'?", *near));
  else
    e.hint(_("list the users with: imictl user list"));
  throw e;
}

const char* const user_view_columns =
    "u.id, u.username, u.first_name, u.last_name, u.email, u.language, u.status, a.name, u.created_at, "
    "u.updated_at, u.phone, u.function, u.last_login_at, u.functional, u.os_user";

void read_user_columns(SQLite::Statement& row, UserView& v)
{
  v.id = row.getColumn(0).getInt64();
  v.username = row.getColumn(1).getString();
  v.first_name = row.getColumn(2).getString();
  v.last_name = row.getColumn(3).getString();
  v.email = row.getColumn(4).getString();
  v.language = row.getColumn(5).getString();
  v.status = row.getColumn(6).getString();
  v.authority = row.getColumn(7).getString();
  v.created_at = row.getColumn(8).getString();
  v.updated_at = row.getColumn(9).getString();
  v.phone = optional_text(row.getColumn(10));
  v.function = optional_text(row.getColumn(11));
  v.last_login_at = optional_text(row.getColumn(12));
  v.functional = row.getColumn(13).getInt() != 0;
  v.os_user = optional_text(row.getColumn(14));
}

UserView load_user_view(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(db, fmt::format("SELECT {} FROM user u JOIN authority a ON a.id = u.authority_id "
                                      "WHERE u.id = ?",
                                      user_view_columns));
  q.bind(1, user_id);
  if (!q.executeStep()) throw NotFoundError(_f("user #{} does not exist", user_id));
  UserView v;
  read_user_columns(q, v);
  v.roles = strings(db, "SELECT role FROM user_role WHERE user_id = ? ORDER BY role", user_id);
  v.services = strings(db, "SELECT keyword FROM user_service WHERE user_id = ? ORDER BY keyword", user_id);
  v.departments =
      strings(db,
              "SELECT d.name FROM user_department ud JOIN department d ON d.id = ud.department_id "
              "WHERE ud.user_id = ? ORDER BY d.position, d.name",
              user_id);
  return v;
}

const std::vector<std::string>& user_record_columns()
{
  static const std::vector<std::string> columns = {
      "username",   "first_name", "last_name",  "email",         "phone",     "language",
      "status",     "roles",      "services",   "departments",   "authority", "function",
      "functional", "created_at", "updated_at", "last_login_at", "os_user"};
  return columns;
}

std::vector<std::string> shown_roles(const UserView& u)
{
  std::vector<std::string> roles;
  if (u.status != "deleted") roles.emplace_back("basic");
  for (const auto& r : u.roles)
    if (r != "basic") roles.push_back(r);
  return roles;
}

Record user_record(const UserView& u)
{
  return {
      {"username", u.username},     {"first_name", u.first_name},
      {"last_name", u.last_name},   {"email", u.email},
      {"phone", u.phone},           {"language", u.language},
      {"status", u.status},         {"roles", shown_roles(u)},
      {"services", u.services},     {"departments", u.departments},
      {"authority", u.authority},   {"function", u.function},
      {"functional", u.functional}, {"created_at", u.created_at},
      {"updated_at", u.updated_at}, {"last_login_at", u.last_login_at},
      {"os_user", u.os_user},
  };
}

std::vector<MailRecipient> users_with_role(SQLite::Database& db, std::int64_t authority_id, Role role)
{
  SQLite::Statement q(db, "SELECT u.id, u.username, u.email, u.language FROM user u "
                          "JOIN user_role r ON r.user_id = u.id WHERE u.authority_id = ? AND r.role = ? "
                          "AND u.status IN ('pending', 'active') ORDER BY u.username");
  q.bind(1, authority_id);
  q.bind(2, role_slug(role));
  std::vector<MailRecipient> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

std::optional<MailRecipient> mail_recipient(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(db, "SELECT id, username, email, language FROM user WHERE id = ? "
                          "AND status IN ('pending', 'active')");
  q.bind(1, user_id);
  if (!q.executeStep()) return std::nullopt;
  return MailRecipient{q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString()};
}

std::int64_t count_usable_ldas(SQLite::Database& db, std::int64_t authority_id, std::int64_t except_user_id)
{
  SQLite::Statement q(db, "SELECT count(*) FROM user u JOIN user_role r ON r.user_id = u.id "
                          "WHERE u.authority_id = ? AND r.role = 'lda' AND u.status IN ('pending', 'active') "
                          "AND u.id <> ?");
  q.bind(1, authority_id);
  q.bind(2, except_user_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

} // namespace imi
