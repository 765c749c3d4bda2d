#include "import/department_table.hpp"

#include "import/table_writer.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

constexpr size_t max_departments = 100000;

std::string join_laws(const std::vector<std::string>& laws)
{
  return util::join(laws, "\n");
}

} // namespace

DepartmentTable::DepartmentTable(SQLite::Database& db, std::int64_t authority_id)
    : db_(db), authority_id_(authority_id),
      insert_(db, "INSERT INTO department (authority_id, name, laws, position) VALUES (?, ?, ?, ?)"),
      update_(db, "UPDATE department SET laws = ? WHERE id = ?")
{
  SQLite::Statement all(db, "SELECT id, name, laws, position FROM department WHERE authority_id = ?");
  all.bind(1, authority_id);
  while (all.executeStep()) {
    existing_[util::to_lower_ascii(all.getColumn(1).getString())] = {all.getColumn(0).getInt64(),
                                                                     all.getColumn(2).getString()};
    position_ = std::max(position_, all.getColumn(3).getInt64());
  }
}

std::int64_t DepartmentTable::add(const std::string& name, std::vector<std::string>& laws, std::uint64_t line,
                                  const std::string& file_label)
{
  if (name.empty()) return 0;
  auto [it, added] = by_name_.try_emplace(util::to_lower_ascii(name), departments_.size());
  if (!added) {
    auto& d = departments_[it->second];
    for (auto& law : laws)
      if (std::find(d.laws.begin(), d.laws.end(), law) == d.laws.end()) d.laws.push_back(std::move(law));
    return d.id;
  }
  if (departments_.size() >= max_departments)
    throw InvalidInputError(_f("{}:{}: more than {} departments", file_label, line, max_departments));
  Department d{name, std::move(laws), line, 0, false, ""};
  if (auto e = existing_.find(it->first); e != existing_.end()) {
    d.id = e->second.id;
    d.stored_laws = e->second.laws;
  } else {
    d.stored_laws = join_laws(d.laws);
    insert_.reset();
    insert_.bind(1, authority_id_);
    insert_.bind(2, d.name);
    insert_.bind(3, d.stored_laws);
    insert_.bind(4, ++position_);
    insert_.exec();
    d.id = db_.getLastInsertRowid();
    d.created = true;
  }
  by_id_.emplace(d.id, departments_.size());
  departments_.push_back(std::move(d));
  return departments_.back().id;
}

void DepartmentTable::finish(ImportResult& result, size_t plan_limit)
{
  for (auto& d : departments_) {
    PlanRow row{d.line, "department", d.created ? "create" : "unchanged", d.name, "", "", {}, {}};
    const std::string laws = join_laws(d.laws);
    // Laws left empty in the file keep what the database has.
    const bool differs = !laws.empty() && laws != d.stored_laws;
    if (differs) {
      update_.reset();
      update_.bind(1, laws);
      update_.bind(2, d.id);
      update_.exec();
      d.stored_laws = laws;
    }
    if (d.created) {
      ++result.created.departments;
    } else if (differs) {
      row.action = "update";
      row.changes.push_back("laws");
      ++result.updated.departments;
    } else {
      ++result.unchanged.departments;
    }
    add_plan_row(result, plan_limit, std::move(row));
  }
}

const std::string& DepartmentTable::name_of(std::int64_t id) const
{
  static const std::string none;
  auto it = by_id_.find(id);
  return it == by_id_.end() ? none : departments_[it->second].name;
}

} // namespace imi
