#include "users/user_list.hpp"

#include "access/permissions.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "users/role.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

// group_concat with a separator no name contains (the unit separator).
constexpr char separator = '\x1f';

std::vector<std::string> split_list(const SQLite::Column& c)
{
  if (c.isNull()) return {};
  return util::split(c.getString(), separator);
}

std::string check_department_exists(SQLite::Database& db, const std::string& name)
{
  SQLite::Statement q(db, "SELECT name FROM department WHERE lower(name) = lower(?)");
  q.bind(1, name);
  if (q.executeStep()) return q.getColumn(0).getString();
  NotFoundError e(_f("department '{}' does not exist", name));
  std::vector<std::string> names;
  SQLite::Statement all(db, "SELECT name FROM department");
  while (all.executeStep())
    names.push_back(all.getColumn(0).getString());
  for (const auto& n : util::nearest_matches(name, names, 3))
    e.hint(_f("did you mean '{}'?", n));
  throw e;
}

} // namespace

std::string check_user_status(std::string_view status)
{
  static const std::vector<std::string> statuses = {"pending", "active", "locked", "deleted"};
  std::string s = util::to_lower_ascii(util::trim(status));
  if (std::find(statuses.begin(), statuses.end(), s) == statuses.end()) {
    InvalidInputError e(_f("unknown user status '{}'", status));
    auto near = util::nearest_matches(status, statuses, 1);
    if (!near.empty()) e.hint(_f("did you mean '{}'?", near.front()));
    e.hint(_("states: pending, active, locked, deleted"));
    throw e;
  }
  return s;
}

void list_users(SQLite::Database& db, const UserFilter& filter,
                const std::function<void(const UserView&)>& sink)
{
  std::string where = "1";
  std::vector<std::string> params;
  if (filter.authority_id) where += fmt::format(" AND u.authority_id = {}", filter.authority_id);
  if (filter.role) {
    const Role r = parse_role_or_throw(*filter.role);
    if (r != Role::basic) {
      where += " AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = ?)";
      params.emplace_back(role_slug(r));
    }
  }
  if (filter.status) {
    const std::string s = check_user_status(*filter.status);
    where += " AND u.status = ?";
    params.push_back(s);
  } else if (!filter.include_deleted) {
    where += " AND u.status <> 'deleted'";
  }
  if (filter.department) {
    where += " AND EXISTS (SELECT 1 FROM user_department ud JOIN department d ON d.id = ud.department_id "
             "WHERE ud.user_id = u.id AND d.name = ?)";
    params.push_back(check_department_exists(db, *filter.department));
  }
  if (filter.text) {
    where += " AND (instr(u.username, lower(?)) > 0 OR instr(lower(u.first_name || ' ' || u.last_name), "
             "lower(?)) > 0"
             " OR instr(lower(u.email), lower(?)) > 0)";
    params.insert(params.end(), 3, util::trim(*filter.text));
  }
  const std::string sql = fmt::format(
      "SELECT {}, "
      "(SELECT group_concat(role, char(31)) FROM (SELECT role FROM user_role WHERE user_id = u.id ORDER BY "
      "role)), "
      "(SELECT group_concat(keyword, char(31)) FROM (SELECT keyword FROM user_service WHERE user_id = u.id "
      "ORDER BY keyword)), "
      "(SELECT group_concat(name, char(31)) FROM (SELECT d.name FROM user_department ud JOIN department d "
      "ON d.id = ud.department_id WHERE ud.user_id = u.id ORDER BY d.position, d.name)) "
      "FROM user u JOIN authority a ON a.id = u.authority_id WHERE {} ORDER BY u.username",
      user_view_columns, where);
  SQLite::Statement q(db, sql);
  int index = 0;
  for (const auto& p : params)
    q.bind(++index, p);
  UserView v;
  while (q.executeStep()) {
    read_user_columns(q, v);
    v.roles = split_list(q.getColumn(user_view_column_count));
    v.services = split_list(q.getColumn(user_view_column_count + 1));
    v.departments = split_list(q.getColumn(user_view_column_count + 2));
    sink(v);
  }
}

void list_own_users(Session& session, const Actor& actor, UserFilter filter,
                    const std::function<void(const UserView&)>& sink)
{
  auto& db = session.db();
  const OwnAuthority own = load_own_authority(db);
  require(session, actor, Permission::view_users, own.id, "authority:" + std::to_string(own.id));
  filter.authority_id = own.id;
  list_users(db, filter, sink);
}

UserView show_user(Session& session, const Actor& actor, std::string_view user)
{
  auto& db = session.db();
  const UserRef ref = find_user(db, user);
  require(session, actor, Permission::view_users, ref.authority_id, "user:" + ref.username);
  return load_user_view(db, ref.id);
}

} // namespace imi
