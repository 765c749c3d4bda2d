#include "import/table_writer.hpp"

#include "core/reporter.hpp"
#include "import/username_allocator.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace imi {
namespace {

// Requests a user must still work on (user delete, H6.2).
constexpr const char* open_states = "('sent', 'accepted', 'answered')";

std::string join_laws(const std::vector<std::string>& laws)
{
  return util::join(laws, "\n");
}

std::string folded_key(std::string_view name)
{
  return util::to_lower_ascii(name);
}

std::vector<std::string> role_slugs(RoleMask mask)
{
  std::vector<std::string> out;
  for (Role r : roles_in(mask)) out.emplace_back(role_slug(r));
  return out;
}

std::string shown_name(const std::string& first, const std::string& last)
{
  return first.empty() ? last : first + " " + last;
}

} // namespace

void RowErrors::add(RowError e)
{
  ++total;
  if (list.size() < limit) list.push_back(std::move(e));
}

void add_plan_row(ImportResult& result, size_t limit, PlanRow row)
{
  if (result.plan.size() < limit) result.plan.push_back(std::move(row));
  else ++result.plan_rows_omitted;
}

void create_import_row_table(SQLite::Database& db)
{
  db.exec("DROP TABLE IF EXISTS temp.import_row");
  db.exec("CREATE TEMP TABLE import_row (line INTEGER NOT NULL, email_key TEXT NOT NULL, email TEXT NOT NULL, "
          "first TEXT NOT NULL, last TEXT NOT NULL, function TEXT NOT NULL, functional INTEGER NOT NULL, "
          "roles INTEGER NOT NULL, dept INTEGER)");
}

ImportRowInserter::ImportRowInserter(SQLite::Database& db)
    : stmt_(db, "INSERT INTO temp.import_row VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
{
}

void ImportRowInserter::insert(const TableRow& row, std::int64_t department_index)
{
  stmt_.reset();
  stmt_.bind(1, static_cast<std::int64_t>(row.line));
  stmt_.bind(2, util::to_lower_ascii(row.email));
  stmt_.bind(3, row.email);
  stmt_.bind(4, row.name.first);
  stmt_.bind(5, row.name.last);
  stmt_.bind(6, row.name.function);
  stmt_.bind(7, row.name.functional ? 1 : 0);
  stmt_.bind(8, static_cast<int>(row.roles));
  if (department_index >= 0) stmt_.bind(9, department_index);
  else stmt_.bind(9);
  stmt_.exec();
}

std::int64_t count_ldas(SQLite::Database& db, std::int64_t authority_id)
{
  SQLite::Statement q(db, "SELECT count(*) FROM user_role r JOIN user u ON u.id = r.user_id "
                          "WHERE r.role = 'lda' AND u.authority_id = ? AND u.status IN ('pending', 'active')");
  q.bind(1, authority_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void apply_departments(WriteContext& ctx, std::vector<ImportDepartment>& departments)
{
  struct Existing {
    std::int64_t id;
    std::string laws;
  };
  std::map<std::string, Existing> existing;
  std::int64_t position = 0;
  SQLite::Statement all(ctx.db, "SELECT id, name, laws, position FROM department WHERE authority_id = ?");
  all.bind(1, ctx.authority_id);
  while (all.executeStep()) {
    existing[folded_key(all.getColumn(1).getString())] = {all.getColumn(0).getInt64(), all.getColumn(2).getString()};
    position = std::max(position, all.getColumn(3).getInt64());
  }
  SQLite::Statement insert(ctx.db, "INSERT INTO department (authority_id, name, laws, position) VALUES (?, ?, ?, ?)");
  SQLite::Statement update(ctx.db, "UPDATE department SET laws = ? WHERE id = ?");
  for (auto& d : departments) {
    PlanRow row{d.line, "department", "unchanged", d.name, "", "", {}, {}};
    const std::string laws = join_laws(d.laws);
    auto it = existing.find(folded_key(d.name));
    if (it == existing.end()) {
      insert.reset();
      insert.bind(1, ctx.authority_id);
      insert.bind(2, d.name);
      insert.bind(3, laws);
      insert.bind(4, ++position);
      insert.exec();
      d.id = ctx.db.getLastInsertRowid();
      row.action = "create";
      ++ctx.result.created.departments;
    } else {
      d.id = it->second.id;
      // Laws left empty in the file keep what the database has.
      if (!laws.empty() && laws != it->second.laws) {
        update.reset();
        update.bind(1, laws);
        update.bind(2, d.id);
        update.exec();
        row.action = "update";
        row.changes.push_back("laws");
        ++ctx.result.updated.departments;
      } else {
        ++ctx.result.unchanged.departments;
      }
    }
    add_plan_row(ctx.result, ctx.plan_limit, std::move(row));
  }
}

namespace {

// Prepared once per import.
struct UserStatements {
  explicit UserStatements(SQLite::Database& db)
      : find(db, "SELECT id, username, first_name, last_name, ifnull(function, ''), status FROM user "
                 "WHERE authority_id = ? AND lower(email) = ? AND status <> 'deleted'"),
        roles(db, "SELECT role FROM user_role WHERE user_id = ?"),
        departments(db, "SELECT department_id FROM user_department WHERE user_id = ?"),
        has_service(db, "SELECT 1 FROM user_service WHERE user_id = ? LIMIT 1"),
        open_requests(db, std::string("SELECT count(*) FROM request_assignee ra JOIN request r ON r.id = "
                                      "ra.request_id WHERE ra.user_id = ? AND r.state IN ")
                            + open_states),
        insert_user(db, "INSERT INTO user (authority_id, username, first_name, last_name, email, language, function, "
                        "functional, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
        update_user(db, "UPDATE user SET first_name = ?, last_name = ?, function = ?, updated_at = ? WHERE id = ?"),
        insert_role(db, "INSERT OR IGNORE INTO user_role (user_id, role) VALUES (?, ?)"),
        delete_role(db, "DELETE FROM user_role WHERE user_id = ? AND role = ?"),
        insert_member(db, "INSERT OR IGNORE INTO user_department (user_id, department_id) VALUES (?, ?)"),
        delete_member(db, "DELETE FROM user_department WHERE user_id = ? AND department_id = ?"),
        insert_service(db, "INSERT OR IGNORE INTO user_service (user_id, keyword) VALUES (?, ?)"),
        touch(db, "UPDATE user SET updated_at = ? WHERE id = ?")
  {
  }
  SQLite::Statement find, roles, departments, has_service, open_requests, insert_user, update_user, insert_role,
    delete_role, insert_member, delete_member, insert_service, touch;
};

void run(SQLite::Statement& s, std::int64_t a, const std::string& b)
{
  s.reset();
  s.bind(1, a);
  s.bind(2, b);
  s.exec();
}

void run(SQLite::Statement& s, std::int64_t a, std::int64_t b)
{
  s.reset();
  s.bind(1, a);
  s.bind(2, b);
  s.exec();
}

std::set<std::int64_t> parse_department_list(const std::string& list,
                                             const std::vector<ImportDepartment>& departments)
{
  std::set<std::int64_t> ids;
  for (const auto& part : util::split(list, ','))
    if (!part.empty()) ids.insert(departments.at(std::stoul(part)).id);
  return ids;
}

} // namespace

void apply_users(WriteContext& ctx, const std::vector<ImportDepartment>& departments)
{
  ctx.db.exec("CREATE INDEX temp.import_row_email ON import_row (email_key)");
  std::int64_t total = 0;
  if (ctx.show_progress) {
    SQLite::Statement n(ctx.db, "SELECT count(DISTINCT email_key) FROM temp.import_row");
    n.executeStep();
    total = n.getColumn(0).getInt64();
  }
  UserStatements st(ctx.db);
  UsernameAllocator usernames(ctx.db);
  SQLite::Statement names(ctx.db, "SELECT line, first, last FROM temp.import_row WHERE email_key = ? ORDER BY line");
  // The first row of each mailbox gives the name; roles and departments are
  // the union over all its rows.
  SQLite::Statement users(
    ctx.db, "SELECT f.email_key, f.line, r.email, r.first, r.last, r.function, r.functional, f.roles, f.depts, f.clash "
            "FROM (SELECT email_key, min(line) AS line, max(roles & 1) | max(roles & 2) | max(roles & 4) AS roles, "
            "group_concat(dept) AS depts, min(first || char(31) || last) <> max(first || char(31) || last) AS clash "
            "FROM temp.import_row GROUP BY email_key) f "
            "JOIN temp.import_row r ON r.email_key = f.email_key AND r.line = f.line ORDER BY f.line");
  const std::string& name_column = ctx.columns.name(TableColumn::name);
  std::int64_t done = 0;
  while (users.executeStep()) {
    if (ctx.show_progress && ++done % 1000 == 0) ctx.reporter.progress("writing", static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total));
    const std::string key = users.getColumn(0).getString();
    const auto line = static_cast<std::uint64_t>(users.getColumn(1).getInt64());
    const std::string email = users.getColumn(2).getString();
    const std::string first = users.getColumn(3).getString(), last = users.getColumn(4).getString();
    const std::string function = users.getColumn(5).getString();
    const bool functional = users.getColumn(6).getInt() != 0;
    const auto roles = static_cast<RoleMask>(users.getColumn(7).getInt());
    const auto member_of = parse_department_list(users.getColumn(8).getString(), departments);
    if (users.getColumn(9).getInt() != 0) {
      // One mailbox is one user: every row must give the same name.
      names.reset();
      names.bind(1, key);
      while (names.executeStep())
        if (names.getColumn(1).getString() != first || names.getColumn(2).getString() != last)
          ctx.errors.add({static_cast<std::uint64_t>(names.getColumn(0).getInt64()), name_column,
                          fmt::format("'{}' differs from '{}' on line {} for the same mailbox '{}'",
                                      shown_name(names.getColumn(1).getString(), names.getColumn(2).getString()),
                                      shown_name(first, last), line, email)});
      continue;
    }

    PlanRow row{line, "user", "unchanged", "", "", email, role_slugs(roles), {}};
    std::int64_t user_id = 0;
    bool needs_services = false;
    st.find.reset();
    st.find.bind(1, ctx.authority_id);
    st.find.bind(2, key);
    if (!st.find.executeStep()) {
      row.action = "create";
      row.username = usernames.allocate(first, last);
      auto& ins = st.insert_user;
      ins.reset();
      ins.bind(1, ctx.authority_id);
      ins.bind(2, row.username);
      ins.bind(3, first);
      ins.bind(4, last);
      ins.bind(5, email);
      ins.bind(6, ctx.language);
      if (function.empty()) ins.bind(7);
      else ins.bind(7, function);
      ins.bind(8, functional ? 1 : 0);
      ins.bind(9, ctx.now);
      ins.bind(10, ctx.now);
      ins.exec();
      user_id = ctx.db.getLastInsertRowid();
      for (Role r : roles_in(roles)) run(st.insert_role, user_id, std::string(role_slug(r)));
      for (auto d : member_of) run(st.insert_member, user_id, d);
      needs_services = roles & role_bit(Role::handler);
      ++ctx.result.created.users;
    } else {
      user_id = st.find.getColumn(0).getInt64();
      row.username = st.find.getColumn(1).getString();
      const std::string old_first = st.find.getColumn(2).getString(), old_last = st.find.getColumn(3).getString();
      const std::string old_function = st.find.getColumn(4).getString();
      // The same full name keeps the database's own split into first and last name.
      const bool name_changed = shown_name(old_first, old_last) != shown_name(first, last);
      if (name_changed) row.changes.push_back("name");
      if (old_function != function) row.changes.push_back("function");
      if (name_changed) {
        st.open_requests.reset();
        st.open_requests.bind(1, user_id);
        st.open_requests.executeStep();
        if (const auto open = st.open_requests.getColumn(0).getInt64(); open > 0)
          ctx.errors.add({line, name_column,
                          fmt::format("'{}' ({}) has {} open assigned request(s); the name cannot change from '{}' "
                                      "until they are reassigned",
                                      row.username, email, open, shown_name(old_first, old_last))});
      }
      if (name_changed || old_function != function) {
        auto& up = st.update_user;
        up.reset();
        up.bind(1, name_changed ? first : old_first);
        up.bind(2, name_changed ? last : old_last);
        if (function.empty()) up.bind(3);
        else up.bind(3, function);
        up.bind(4, ctx.now);
        up.bind(5, user_id);
        up.exec();
      }
      RoleMask old_roles = 0;
      st.roles.reset();
      st.roles.bind(1, user_id);
      while (st.roles.executeStep())
        if (auto r = parse_role(st.roles.getColumn(0).getString())) old_roles |= role_bit(*r);
      if (old_roles != roles) {
        row.changes.push_back("roles");
        for (Role r : roles_in(old_roles & ~roles)) run(st.delete_role, user_id, std::string(role_slug(r)));
        for (Role r : roles_in(roles & ~old_roles)) run(st.insert_role, user_id, std::string(role_slug(r)));
      }
      std::set<std::int64_t> old_members;
      st.departments.reset();
      st.departments.bind(1, user_id);
      while (st.departments.executeStep()) old_members.insert(st.departments.getColumn(0).getInt64());
      if (old_members != member_of) {
        row.changes.push_back("departments");
        for (auto d : old_members)
          if (!member_of.count(d)) run(st.delete_member, user_id, d);
        for (auto d : member_of)
          if (!old_members.count(d)) run(st.insert_member, user_id, d);
      }
      // Default services go to new handlers only; an existing handler's
      // services are their own business.
      if ((roles & role_bit(Role::handler)) && !(old_roles & role_bit(Role::handler))) {
        st.has_service.reset();
        st.has_service.bind(1, user_id);
        needs_services = !st.has_service.executeStep();
        if (needs_services) row.changes.push_back("services");
      }
      if (!row.changes.empty()) {
        row.action = "update";
        if (!name_changed && old_function == function) {
          st.touch.reset();
          st.touch.bind(1, ctx.now);
          st.touch.bind(2, user_id);
          st.touch.exec();
        }
        ++ctx.result.updated.users;
      } else {
        ++ctx.result.unchanged.users;
      }
    }
    if (needs_services) {
      const auto& services = ctx.default_services();
      if (services.empty())
        ctx.errors.add({line, ctx.columns.name(TableColumn::roles),
                        fmt::format("'{}' is a handler and needs a service (keyword), but the authority has no "
                                    "keywords: give --default-service KW",
                                    email)});
      for (const auto& kw : services) run(st.insert_service, user_id, kw);
    }
    for (auto d : member_of)
      for (const auto& dep : departments)
        if (dep.id == d && row.department.empty()) row.department = dep.name;
    add_plan_row(ctx.result, ctx.plan_limit, std::move(row));
  }
  if (ctx.show_progress) ctx.reporter.progress_done();
}

std::int64_t prune_users(WriteContext& ctx, const std::string& file_label)
{
  SQLite::Statement q(ctx.db, "SELECT id, username, email FROM user WHERE authority_id = ? AND status <> 'deleted' "
                              "AND id <> ? AND lower(email) NOT IN (SELECT email_key FROM temp.import_row)");
  q.bind(1, ctx.authority_id);
  q.bind(2, ctx.actor_user_id);
  SQLite::Statement open(ctx.db, std::string("SELECT count(*) FROM request_assignee ra JOIN request r ON r.id = "
                                             "ra.request_id WHERE ra.user_id = ? AND r.state IN ")
                                   + open_states);
  std::vector<std::pair<std::int64_t, std::string>> doomed;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    const std::string username = q.getColumn(1).getString();
    open.reset();
    open.bind(1, id);
    open.executeStep();
    if (const auto n = open.getColumn(0).getInt64(); n > 0) {
      ctx.reporter.warning(fmt::format("not deleting '{}' (not in {}): {} open assigned request(s); reassign them "
                                       "with 'imictl user delete {} --reassign-to USER'",
                                       username, file_label, n, username));
      continue;
    }
    doomed.emplace_back(id, username);
    add_plan_row(ctx.result, ctx.plan_limit, PlanRow{0, "user", "delete", "", username, q.getColumn(2).getString(), {}, {}});
  }
  for (const auto& [id, username] : doomed) {
    for (const char* sql : {"DELETE FROM user_role WHERE user_id = ?", "DELETE FROM user_service WHERE user_id = ?"}) {
      SQLite::Statement del(ctx.db, sql);
      del.bind(1, id);
      del.exec();
    }
    SQLite::Statement up(ctx.db, "UPDATE user SET status = 'deleted', password_hash = NULL, temp_password_hash = NULL, "
                                 "security_code_sealed = NULL, updated_at = ? WHERE id = ?");
    up.bind(1, ctx.now);
    up.bind(2, id);
    up.exec();
  }
  ctx.result.deleted.users = static_cast<std::int64_t>(doomed.size());
  return ctx.result.deleted.users;
}

} // namespace imi
