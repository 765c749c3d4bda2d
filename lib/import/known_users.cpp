// UserWriter, second half: the users the authority had, compared once the
// whole file is known; the plan rows in file order; --prune.
#include "core/reporter.hpp"
#include "import/table_writer.hpp"
#include "import/user_writer_parts.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace imi {

using namespace user_writer;

void UserWriter::finish(const DepartmentTable& departments)
{
  auto& db = ctx_.db;
  const std::string& name_column = ctx_.columns.name(TableColumn::name);
  st_->flush();
  db.exec("CREATE INDEX temp.import_repeat_user ON import_repeat (user_id, line)");
  std::int64_t total = 0, done = 0;
  if (ctx_.show_progress) {
    SQLite::Statement n(db, "SELECT count(*) FROM temp.import_seen");
    n.executeStep();
    total = n.getColumn(0).getInt64();
  }
  // The parked rows with what the database holds for them, in one statement.
  SQLite::Statement seen(
      db, "SELECT s.user_id, s.line, s.email, s.first, s.last, s.function, s.roles, s.dept, u.username, "
          "u.first_name, "
          "u.last_name, ifnull(u.function, ''), (SELECT group_concat(role) FROM user_role WHERE user_id = "
          "s.user_id), "
          "(SELECT group_concat(department_id) FROM user_department WHERE user_id = s.user_id) "
          "FROM temp.import_seen s JOIN user u ON u.id = s.user_id ORDER BY s.rowid");
  SQLite::Statement repeats(db,
                            "SELECT line, first, last, roles, dept FROM temp.import_repeat WHERE user_id = ? "
                            "ORDER BY line");
  Parked p;
  while (seen.executeStep()) {
    if (ctx_.show_progress && ++done % 1000 == 0)
      // TRANSLATORS: the label of a progress bar while the known users are updated.
      ctx_.reporter.progress(_("writing"), static_cast<std::uint64_t>(done),
                             static_cast<std::uint64_t>(total));
    p.id = seen.getColumn(0).getInt64();
    p.line = static_cast<std::uint64_t>(seen.getColumn(1).getInt64());
    p.email = seen.getColumn(2).getString();
    p.first = seen.getColumn(3).getString();
    p.last = seen.getColumn(4).getString();
    p.function = seen.getColumn(5).getString();
    p.roles = static_cast<RoleMask>(seen.getColumn(6).getInt());
    p.departments.clear();
    if (const auto d = seen.getColumn(7).getInt64()) p.departments.insert(d);
    p.username = seen.getColumn(8).getString();
    p.old_first = seen.getColumn(9).getString();
    p.old_last = seen.getColumn(10).getString();
    p.old_function = seen.getColumn(11).getString();
    p.old_roles = 0;
    for (const auto& slug : util::split(seen.getColumn(12).getString(), ','))
      if (auto r = parse_role(slug)) p.old_roles |= role_bit(*r);
    p.old_departments.clear();
    for (const auto& id : util::split(seen.getColumn(13).getString(), ','))
      if (!id.empty()) p.old_departments.insert(std::stoll(id));
    bool clash = false;
    if (st_->repeated.test(p.id)) {
      repeats.reset();
      repeats.bind(1, p.id);
      while (repeats.executeStep()) {
        const std::string first = repeats.getColumn(1).getString(), last = repeats.getColumn(2).getString();
        if (first != p.first || last != p.last) {
          clash = true;
          ctx_.errors.add(name_clash(static_cast<std::uint64_t>(repeats.getColumn(0).getInt64()), name_column,
                                     shown_name(first, last), shown_name(p.first, p.last), p.line, p.email));
        }
        p.roles |= static_cast<RoleMask>(repeats.getColumn(3).getInt());
        if (const auto d = repeats.getColumn(4).getInt64()) p.departments.insert(d);
      }
    }
    if (!clash) apply_parked(p, departments);
  }
  flush_created_plan_rows(UINT64_MAX, departments);
  st_->flush();
  if (ctx_.show_progress && total > 0) ctx_.reporter.progress_done();
}

void UserWriter::apply_parked(Parked& p, const DepartmentTable& departments)
{
  auto& st = *st_;
  const std::string& name_column = ctx_.columns.name(TableColumn::name);
  PlanRow row{p.line, "user", "unchanged", "", p.username, p.email, role_slugs(p.roles), {}};
  const std::string& old_first = p.old_first;
  const std::string& old_last = p.old_last;
  const std::string& old_function = p.old_function;
  const RoleMask old_roles = p.old_roles;
  // The same full name keeps the database's own split into first and last name.
  const bool name_changed = shown_name(old_first, old_last) != shown_name(p.first, p.last);
  if (name_changed) row.changes.push_back("name");
  if (old_function != p.function) row.changes.push_back("function");
  if (name_changed) {
    st.open_requests.reset();
    st.open_requests.bind(1, p.id);
    st.open_requests.executeStep();
    if (const auto open = st.open_requests.getColumn(0).getInt64(); open > 0)
      ctx_.errors.add(
          {p.line, name_column,
           _n("'{}' ({}) has {} open assigned request; the name cannot change from '{}' until it is "
              "reassigned",
              "'{}' ({}) has {} open assigned requests; the name cannot change from '{}' until they are "
              "reassigned",
              static_cast<unsigned long>(open), row.username, p.email, open,
              shown_name(old_first, old_last))});
  }
  if (name_changed || old_function != p.function) {
    auto& up = st.update_user;
    up.reset();
    up.bind(1, name_changed ? p.first : old_first);
    up.bind(2, name_changed ? p.last : old_last);
    if (p.function.empty())
      up.bind(3);
    else
      up.bind(3, p.function);
    up.bind(4, ctx_.now);
    up.bind(5, p.id);
    up.exec();
  }
  if (old_roles != p.roles) {
    row.changes.push_back("roles");
    if (p.id == ctx_.actor_user_id && (old_roles & role_bit(Role::lda)) && !(p.roles & role_bit(Role::lda))) {
      row.changes.push_back("self-demotion");
      if (ctx_.result.self_demotion_line == 0) ctx_.result.self_demotion_line = p.line;
    }
    for (Role r : roles_in(old_roles & ~p.roles))
      run(st.delete_role, p.id, role_slug(r));
    for (Role r : roles_in(p.roles & ~old_roles))
      st.insert_role.add(p.id, role_slug(r));
  }
  const auto& old_members = p.old_departments;
  if (old_members != p.departments) {
    row.changes.push_back("departments");
    for (auto d : old_members)
      if (!p.departments.count(d)) run(st.delete_member, p.id, d);
    for (auto d : p.departments)
      if (!old_members.count(d)) st.insert_member.add(p.id, d);
  }
  // Default services go to new handlers only; an existing handler's
  // services are their own business.
  if ((p.roles & role_bit(Role::handler)) && !(old_roles & role_bit(Role::handler))) {
    st.has_service.reset();
    st.has_service.bind(1, p.id);
    if (!st.has_service.executeStep()) {
      row.changes.push_back("services");
      give_services(p.id, p.line, p.email);
    }
  }
  if (!row.changes.empty()) {
    row.action = "update";
    if (!name_changed && old_function == p.function) {
      st.touch.reset();
      st.touch.bind(1, ctx_.now);
      st.touch.bind(2, p.id);
      st.touch.exec();
    }
    ++ctx_.result.updated.users;
  } else {
    ++ctx_.result.unchanged.users;
  }
  if (!p.departments.empty()) row.department = departments.name_of(*p.departments.begin());
  flush_created_plan_rows(p.line, departments);
  add_plan_row(ctx_.result, ctx_.plan_limit, std::move(row));
}

// The plan rows of created users, interleaved with the others by line.
void UserWriter::flush_created_plan_rows(std::uint64_t before_line, const DepartmentTable& departments)
{
  const auto created = created_lines_.size();
  for (; plan_cursor_ < created && created_lines_[plan_cursor_] < before_line; ++plan_cursor_) {
    if (plan_cursor_ >= created_plan_.size()) {
      ++ctx_.result.plan_rows_omitted;
      continue;
    }
    auto& c = created_plan_[plan_cursor_];
    c.row.roles = role_slugs(c.roles);
    // The department with the lowest id, as for the users that were there.
    if (c.department_id) c.row.department = departments.name_of(c.department_id);
    add_plan_row(ctx_.result, ctx_.plan_limit, std::move(c.row));
  }
}

std::int64_t UserWriter::prune(const std::string& file_label)
{
  SQLite::Statement q(ctx_.db,
                      "SELECT id, username, email FROM user WHERE authority_id = ? AND status <> 'deleted' "
                      "AND id <> ? AND id <= ? AND id NOT IN (SELECT user_id FROM temp.import_seen)");
  q.bind(1, ctx_.authority_id);
  q.bind(2, ctx_.actor_user_id);
  q.bind(3, max_id_before_);
  std::vector<std::pair<std::int64_t, std::string>> doomed;
  auto& open = st_->open_requests;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    const std::string username = q.getColumn(1).getString();
    open.reset();
    open.bind(1, id);
    open.executeStep();
    if (const auto n = open.getColumn(0).getInt64(); n > 0) {
      ctx_.reporter.warning(
          _n("not deleting '{}' (not in {}): {} open assigned request; reassign it with 'imictl user "
             "delete {} --reassign-to USER'",
             "not deleting '{}' (not in {}): {} open assigned requests; reassign them with 'imictl user "
             "delete {} --reassign-to USER'",
             static_cast<unsigned long>(n), username, file_label, n, username));
      continue;
    }
    doomed.emplace_back(id, username);
    add_plan_row(ctx_.result, ctx_.plan_limit,
                 PlanRow{0, "user", "delete", "", username, q.getColumn(2).getString(), {}, {}});
  }
  SQLite::Statement roles(ctx_.db, "DELETE FROM user_role WHERE user_id = ?");
  SQLite::Statement services(ctx_.db, "DELETE FROM user_service WHERE user_id = ?");
  SQLite::Statement up(
      ctx_.db,
      "UPDATE user SET status = 'deleted', os_user = NULL, password_hash = NULL, temp_password_hash = NULL, "
      "security_code_sealed = NULL, updated_at = ? WHERE id = ?");
  for (const auto& [id, username] : doomed) {
    for (auto* del : {&roles, &services}) {
      del->reset();
      del->bind(1, id);
      del->exec();
    }
    up.reset();
    up.bind(1, ctx_.now);
    up.bind(2, id);
    up.exec();
  }
  ctx_.result.deleted.users = static_cast<std::int64_t>(doomed.size());
  return ctx_.result.deleted.users;
}

} // namespace imi
