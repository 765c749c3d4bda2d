// The write half of an import, fed row by row while the file is read.
//
// A mailbox the authority does not have yet is created at its first row
// (username, roles, department, services); a later row with the same
// mailbox adds its roles and department. A mailbox the authority has is
// parked in the temporary table `import_seen` (on disk: a million rows cost
// no memory), because the file may list it again further down; finish()
// then compares each one, with the union of its rows, to the database and
// updates what differs. Statements are prepared once and reused; the caller
// owns the transaction.
#pragma once

#include "import/department_table.hpp"
#include "import/import_table.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace imi {

class Reporter;

struct RowErrors {
  std::vector<RowError> list;
  std::int64_t total = 0;
  size_t limit = 1000;
  void add(RowError e);
  bool any() const { return total > 0; }
};

struct WriteContext {
  SQLite::Database& db;
  std::int64_t authority_id;
  std::string language; // of new users: the authority's
  std::string now;
  std::int64_t actor_user_id;
  const ColumnMap& columns;
  RowErrors& errors;
  ImportResult& result;
  Reporter& reporter;
  bool show_progress;
  size_t plan_limit;
  // Keywords for handlers without services; resolved (and reported) on first use.
  std::function<const std::vector<std::string>&()> default_services;
};

class UserWriter {
public:
  explicit UserWriter(WriteContext& ctx);
  ~UserWriter();

  // One valid row with a user; `department_id` 0 when the row names none.
  // `username_base` as users/username.hpp makes it from the row's name.
  void add(const TableRow& row, std::int64_t department_id, const std::string& username_base);
  // Applies the parked users and adds every user's plan row, in file order.
  void finish(const DepartmentTable& departments);
  // Users of the authority that the file does not list; returns how many would go.
  std::int64_t prune(const std::string& file_label);

private:
  class IdFlags;
  struct Statements;
  struct Parked;
  void create(const TableRow& row, std::int64_t department_id, const std::string& username_base);
  void add_to_created(std::int64_t user_id, const TableRow& row, std::int64_t department_id);
  void park(std::int64_t user_id, const TableRow& row, std::int64_t department_id);
  void apply_parked(Parked& p, const DepartmentTable& departments);
  void give_services(std::int64_t user_id, std::uint64_t line, const std::string& email);
  std::uint64_t first_line_of_created(std::int64_t user_id) const;
  void flush_created_plan_rows(std::uint64_t before_line, const DepartmentTable& departments);

  WriteContext& ctx_;
  std::unique_ptr<Statements> st_;
  std::int64_t max_id_before_ = 0;           // users above this id were created by this import
  std::vector<std::uint32_t> created_lines_; // first line of each created user, in id order
  struct CreatedPlan {
    PlanRow row;
    RoleMask roles;
    std::int64_t department_id; // the lowest of the rows'
  };
  std::vector<CreatedPlan> created_plan_; // the first ones, up to the plan's limit
  size_t plan_cursor_ = 0;                // created users whose plan row has been added
};

void add_plan_row(ImportResult& result, size_t limit, PlanRow row);

} // namespace imi
