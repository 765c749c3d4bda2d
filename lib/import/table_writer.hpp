// The write half of an import: departments first (step 1.4 comes before
// step 2), then the users parked in the temporary table `import_row`, each
// compared with the database and created, updated or left alone. Statements
// are prepared once and reused; the caller owns the transaction.
#pragma once

#include "import/import_table.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <functional>
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

struct ImportDepartment {
  std::string name;
  std::vector<std::string> laws;
  std::uint64_t line = 0;
  std::int64_t id = 0;
};

// The temporary table the read pass fills: one row per file row with a user.
void create_import_row_table(SQLite::Database& db);
class ImportRowInserter {
public:
  explicit ImportRowInserter(SQLite::Database& db);
  void insert(const TableRow& row, std::int64_t department_index); // -1: none
private:
  SQLite::Statement stmt_;
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

void apply_departments(WriteContext& ctx, std::vector<ImportDepartment>& departments);
void apply_users(WriteContext& ctx, const std::vector<ImportDepartment>& departments);
// Users of the authority that the file does not list; returns how many would go.
std::int64_t prune_users(WriteContext& ctx, const std::string& file_label);
std::int64_t count_ldas(SQLite::Database& db, std::int64_t authority_id);

void add_plan_row(ImportResult& result, size_t limit, PlanRow row);

} // namespace imi
