#include "import/table_writer.hpp"

#include "core/reporter.hpp"
#include "import/user_writer_parts.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

namespace imi {

using namespace user_writer;

void RowErrors::add(RowError e)
{
  ++total;
  if (list.size() < limit) list.push_back(std::move(e));
}

void add_plan_row(ImportResult& result, size_t limit, PlanRow row)
{
  if (result.plan.size() < limit)
    result.plan.push_back(std::move(row));
  else
    ++result.plan_rows_omitted;
}

UserWriter::UserWriter(WriteContext& ctx) : ctx_(ctx)
{
  for (const char* table : {"import_seen", "import_repeat"}) {
    ctx.db.exec(fmt::format("DROP TABLE IF EXISTS temp.{}", table));
    ctx.db.exec(
        fmt::format("CREATE TEMP TABLE {} (user_id INTEGER NOT NULL, line INTEGER NOT NULL, email TEXT NOT "
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
    if (row.name.function.empty())
      ins.bind(7);
    else
      bind_text(ins, 7, row.name.function);
    ins.bind(8, row.name.functional ? 1 : 0);
    bind_text(ins, 9, ctx_.now);
    bind_text(ins, 10, ctx_.now);
    if (ins.exec() == 1) break;
    auto& taken = st_->taken;
    taken.reset();
    taken.bind(1, username);
    if (!taken.executeStep()) // not the username, so something unforeseen
      throw FailureError(_f("line {}: could not create the user for '{}'", row.line, row.email));
  }
  const std::int64_t id = ctx_.db.getLastInsertRowid();
  created_lines_.push_back(static_cast<std::uint32_t>(row.line));
  if (created_plan_.size() < ctx_.plan_limit)
    created_plan_.push_back(
        {PlanRow{row.line, "user", "create", "", username, row.email, {}, {}}, row.roles, department_id});
  for (Role r : roles_in(row.roles))
    st_->insert_role.add(id, role_slug(r));
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
  for (Role r : roles_in(row.roles & ~had))
    st_->insert_role.add(user_id, role_slug(r));
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
                     _f("'{}' is a handler and needs a service (keyword), but the authority has no "
                        "keywords: give --default-service KW",
                        email)});
  for (const auto& kw : services)
    st_->insert_service.add(user_id, kw.c_str());
}

// A mailbox the authority has: its first row, and any later one, wait in
// temporary tables until the whole file is known.
void UserWriter::park(std::int64_t user_id, const TableRow& row, std::int64_t department_id)
{
  const bool again = st_->parked.test(user_id);
  if (again)
    st_->repeated.set(user_id);
  else
    st_->parked.set(user_id);
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

} // namespace imi
