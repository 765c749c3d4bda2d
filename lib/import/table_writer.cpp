#include "import/table_writer.hpp"

#include "core/reporter.hpp"
#include "import/link_batch.hpp"
#include "import/username_allocator.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <unordered_set>

namespace imi {
namespace {

// Requests a user must still work on (user delete, H6.2).
constexpr const char* open_states = "('sent', 'accepted', 'answered')";
// Ids are SQLite's own rowids, so dense; a bit per id up to this, a set above.
constexpr std::int64_t max_flagged_id = std::int64_t{1} << 27;

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

template <typename Value>
void run(SQLite::Statement& s, std::int64_t a, Value b)
{
  s.reset();
  s.bind(1, a);
  s.bind(2, b);
  s.exec();
}

// One mailbox is one user: every row must give the name of its first row.
RowError name_clash(std::uint64_t line, const std::string& column, const std::string& name,
                    const std::string& first_name, std::uint64_t first_line, const std::string& email)
{
  return {line, column,
          fmt::format("'{}' differs from '{}' on line {} for the same mailbox '{}'", name, first_name, first_line,
                      email)};
}

void bind_text(SQLite::Statement& s, int index, const std::string& text)
{
  s.bindNoCopy(index, text); // the strings outlive the statement's step
}

} // namespace

// Flags per user id: a bit each while ids are dense, as SQLite assigns them.
class IdFlags {
public:
  void reserve(std::int64_t max_id) { bits_.assign(static_cast<size_t>(std::min(max_id, max_flagged_id) + 1), false); }
  bool test(std::int64_t id) const
  {
    return id < static_cast<std::int64_t>(bits_.size()) ? bits_[static_cast<size_t>(id)] : rest_.count(id) > 0;
  }
  void set(std::int64_t id)
  {
    if (id < static_cast<std::int64_t>(bits_.size())) bits_[static_cast<size_t>(id)] = true;
    else rest_.insert(id);
  }

private:
  std::vector<bool> bits_;
  std::unordered_set<std::int64_t> rest_;
};

struct UserWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : find(db, "SELECT id FROM user WHERE authority_id = ? AND lower(email) = ? AND status <> 'deleted'"),
        load(db, "SELECT username, first_name, last_name, ifnull(function, ''), email FROM user WHERE id = ?"),
        roles(db, "SELECT role FROM user_role WHERE user_id = ?"),
        has_service(db, "SELECT 1 FROM user_service WHERE user_id = ? LIMIT 1"),
        open_requests(db, std::string("SELECT count(*) FROM request_assignee ra JOIN request r ON r.id = "
                                      "ra.request_id WHERE ra.user_id = ? AND r.state IN ")
                            + open_states),
        // OR IGNORE: the mailbox is known to be free, so an ignored row means the
        // username is taken and the next one is tried.
        insert_user(db, "INSERT OR IGNORE INTO user (authority_id, username, first_name, last_name, email, language, function, "
                        "functional, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
        update_user(db, "UPDATE user SET first_name = ?, last_name = ?, function = ?, updated_at = ? WHERE id = ?"),
        delete_role(db, "DELETE FROM user_role WHERE user_id = ? AND role = ?"),
        delete_member(db, "DELETE FROM user_department WHERE user_id = ? AND department_id = ?"),
        touch(db, "UPDATE user SET updated_at = ? WHERE id = ?"),
        park(db, "INSERT INTO temp.import_seen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        repeat(db, "INSERT INTO temp.import_repeat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        taken(db, "SELECT 1 FROM user WHERE username = ?"),
        insert_role(db, "INSERT OR IGNORE INTO user_role (user_id, role)"),
        insert_member(db, "INSERT OR IGNORE INTO user_department (user_id, department_id)"),
        insert_service(db, "INSERT OR IGNORE INTO user_service (user_id, keyword)"), usernames(db)
  {
  }
  void flush()
  {
    insert_role.flush();
    insert_member.flush();
    insert_service.flush();
  }
  SQLite::Statement find, load, roles, has_service, open_requests, insert_user, update_user, delete_role,
    delete_member, touch, park, repeat, taken;
  LinkBatch insert_role, insert_member, insert_service;
  UsernameAllocator usernames;
  IdFlags parked, repeated;
};

// A user the authority had, with the union of its rows.
struct UserWriter::Parked {
  std::int64_t id = 0;
  std::uint64_t line = 0;
  std::string email, first, last, function;
  RoleMask roles = 0;
  std::set<std::int64_t> departments;
  // What the database holds.
  std::string username, old_first, old_last, old_function;
  RoleMask old_roles = 0;
  std::set<std::int64_t> old_departments;
};

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

std::int64_t count_ldas(SQLite::Database& db, std::int64_t authority_id)
{
  SQLite::Statement q(db, "SELECT count(*) FROM user_role r JOIN user u ON u.id = r.user_id "
                          "WHERE r.role = 'lda' AND u.authority_id = ? AND u.status IN ('pending', 'active')");
  q.bind(1, authority_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

UserWriter::UserWriter(WriteContext& ctx) : ctx_(ctx)
{
  for (const char* table : {"import_seen", "import_repeat"}) {
    ctx.db.exec(fmt::format("DROP TABLE IF EXISTS temp.{}", table));
    ctx.db.exec(fmt::format("CREATE TEMP TABLE {} (user_id INTEGER NOT NULL, line INTEGER NOT NULL, email TEXT NOT "
                            "NULL, first TEXT NOT NULL, last TEXT NOT NULL, function TEXT NOT NULL, functional "
                            "INTEGER NOT NULL, roles INTEGER NOT NULL, dept INTEGER NOT NULL)",
                            table));
  }
  st_ = std::make_unique<Statements>(ctx.db);
  SQLite::Statement max(ctx.db, "SELECT ifnull(max(id), 0) FROM user");
  max.executeStep();
  max_id_before_ = max.getColumn(0).getInt64();
  st_->parked.reserve(max_id_before_);
  st_->repeated.reserve(max_id_before_);
}

UserWriter::~UserWriter() = default;

void UserWriter::add(const TableRow& row, std::int64_t department_id, const std::string& username_base)
{
  auto& find = st_->find;
  find.reset();
  find.bind(1, ctx_.authority_id);
  find.bind(2, util::to_lower_ascii(row.email));
  if (!find.executeStep()) return create(row, department_id, username_base);
  const std::int64_t id = find.getColumn(0).getInt64();
  if (id > max_id_before_) return add_to_created(id, row, department_id);
  park(id, row, department_id);
}

void UserWriter::create(const TableRow& row, std::int64_t department_id, const std::string& username_base)
{
  auto& ins = st_->insert_user;
  std::string username;
  for (;;) { // the rule of users/username.hpp, with the INSERT as the judge of what is taken
    username = st_->usernames.next_candidate(username_base);
    ins.reset();
    ins.bind(1, ctx_.authority_id);
    bind_text(ins, 2, username);
    bind_text(ins, 3, row.name.first);
    bind_text(ins, 4, row.name.last);
    bind_text(ins, 5, row.email);
    bind_text(ins, 6, ctx_.language);
    if (row.name.function.empty()) ins.bind(7);
    else bind_text(ins, 7, row.name.function);
    ins.bind(8, row.name.functional ? 1 : 0);
    bind_text(ins, 9, ctx_.now);
    bind_text(ins, 10, ctx_.now);
    if (ins.exec() == 1) break;
    auto& taken = st_->taken;
    taken.reset();
    taken.bind(1, username);
    if (!taken.executeStep()) // not the username, so something unforeseen
      throw FailureError(fmt::format("line {}: could not create the user for '{}'", row.line, row.email));
  }
  const std::int64_t id = ctx_.db.getLastInsertRowid();
  created_lines_.push_back(static_cast<std::uint32_t>(row.line));
  if (created_plan_.size() < ctx_.plan_limit)
    created_plan_.push_back({PlanRow{row.line, "user", "create", "", username, row.email, {}, {}}, row.roles,
                             department_id});
  for (Role r : roles_in(row.roles)) st_->insert_role.add(id, role_slug(r));
  if (department_id) st_->insert_member.add(id, department_id);
  if (row.roles & role_bit(Role::handler)) give_services(id, row.line, row.email);
  ++ctx_.result.created.users;
}

std::uint64_t UserWriter::first_line_of_created(std::int64_t user_id) const
{
  return created_lines_.at(static_cast<size_t>(user_id - max_id_before_ - 1));
}

// A later row of a mailbox this import created: one mailbox is one user, so
// the name must be the same; roles and departments add up.
void UserWriter::add_to_created(std::int64_t user_id, const TableRow& row, std::int64_t department_id)
{
  auto& load = st_->load;
  load.reset();
  load.bind(1, user_id);
  load.executeStep();
  const std::string first = load.getColumn(1).getString(), last = load.getColumn(2).getString();
  const std::uint64_t first_line = first_line_of_created(user_id);
  st_->flush(); // the user's roles are read below
  if (first != row.name.first || last != row.name.last) {
    ctx_.errors.add(name_clash(row.line, ctx_.columns.name(TableColumn::name),
                               shown_name(row.name.first, row.name.last), shown_name(first, last), first_line,
                               load.getColumn(4).getString()));
    return;
  }
  const std::string email = load.getColumn(4).getString();
  RoleMask had = 0;
  st_->roles.reset();
  st_->roles.bind(1, user_id);
  while (st_->roles.executeStep())
    if (auto r = parse_role(st_->roles.getColumn(0).getString())) had |= role_bit(*r);
  for (Role r : roles_in(row.roles & ~had)) st_->insert_role.add(user_id, role_slug(r));
  if (department_id) st_->insert_member.add(user_id, department_id);
  if (const auto i = static_cast<size_t>(user_id - max_id_before_ - 1); i < created_plan_.size()) {
    auto& plan = created_plan_[i];
    plan.roles |= row.roles;
    if (department_id && (plan.department_id == 0 || department_id < plan.department_id))
      plan.department_id = department_id;
  }
  if ((row.roles & role_bit(Role::handler)) && !(had & role_bit(Role::handler)))
    give_services(user_id, first_line, email);
}

void UserWriter::give_services(std::int64_t user_id, std::uint64_t line, const std::string& email)
{
  const auto& services = ctx_.default_services();
  if (services.empty())
    ctx_.errors.add({line, ctx_.columns.name(TableColumn::roles),
                     fmt::format("'{}' is a handler and needs a service (keyword), but the authority has no "
                                 "keywords: give --default-service KW",
                                 email)});
  for (const auto& kw : services) st_->insert_service.add(user_id, kw.c_str());
}

// A mailbox the authority has: its first row, and any later one, wait in
// temporary tables until the whole file is known.
void UserWriter::park(std::int64_t user_id, const TableRow& row, std::int64_t department_id)
{
  const bool again = st_->parked.test(user_id);
  if (again) st_->repeated.set(user_id);
  else st_->parked.set(user_id);
  auto& s = again ? st_->repeat : st_->park;
  s.reset();
  s.bind(1, user_id);
  s.bind(2, static_cast<std::int64_t>(row.line));
  bind_text(s, 3, row.email);
  bind_text(s, 4, row.name.first);
  bind_text(s, 5, row.name.last);
  bind_text(s, 6, row.name.function);
  s.bind(7, row.name.functional ? 1 : 0);
  s.bind(8, static_cast<int>(row.roles));
  s.bind(9, department_id);
  s.exec();
}

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
    db, "SELECT s.user_id, s.line, s.email, s.first, s.last, s.function, s.roles, s.dept, u.username, u.first_name, "
        "u.last_name, ifnull(u.function, ''), (SELECT group_concat(role) FROM user_role WHERE user_id = s.user_id), "
        "(SELECT group_concat(department_id) FROM user_department WHERE user_id = s.user_id) "
        "FROM temp.import_seen s JOIN user u ON u.id = s.user_id ORDER BY s.rowid");
  SQLite::Statement repeats(db, "SELECT line, first, last, roles, dept FROM temp.import_repeat WHERE user_id = ? "
                                "ORDER BY line");
  Parked p;
  while (seen.executeStep()) {
    if (ctx_.show_progress && ++done % 1000 == 0)
      ctx_.reporter.progress("writing", static_cast<std::uint64_t>(done), static_cast<std::uint64_t>(total));
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
      ctx_.errors.add({p.line, name_column,
                       fmt::format("'{}' ({}) has {} open assigned request(s); the name cannot change from '{}' "
                                   "until they are reassigned",
                                   row.username, p.email, open, shown_name(old_first, old_last))});
  }
  if (name_changed || old_function != p.function) {
    auto& up = st.update_user;
    up.reset();
    up.bind(1, name_changed ? p.first : old_first);
    up.bind(2, name_changed ? p.last : old_last);
    if (p.function.empty()) up.bind(3);
    else up.bind(3, p.function);
    up.bind(4, ctx_.now);
    up.bind(5, p.id);
    up.exec();
  }
  if (old_roles != p.roles) {
    row.changes.push_back("roles");
    for (Role r : roles_in(old_roles & ~p.roles)) run(st.delete_role, p.id, role_slug(r));
    for (Role r : roles_in(p.roles & ~old_roles)) st.insert_role.add(p.id, role_slug(r));
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
  SQLite::Statement q(ctx_.db, "SELECT id, username, email FROM user WHERE authority_id = ? AND status <> 'deleted' "
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
      ctx_.reporter.warning(fmt::format("not deleting '{}' (not in {}): {} open assigned request(s); reassign them "
                                        "with 'imictl user delete {} --reassign-to USER'",
                                        username, file_label, n, username));
      continue;
    }
    doomed.emplace_back(id, username);
    add_plan_row(ctx_.result, ctx_.plan_limit,
                 PlanRow{0, "user", "delete", "", username, q.getColumn(2).getString(), {}, {}});
  }
  SQLite::Statement roles(ctx_.db, "DELETE FROM user_role WHERE user_id = ?");
  SQLite::Statement services(ctx_.db, "DELETE FROM user_service WHERE user_id = ?");
  SQLite::Statement up(ctx_.db, "UPDATE user SET status = 'deleted', password_hash = NULL, temp_password_hash = NULL, "
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
