// The departments of an import (step 1.4 comes before step 2): created in
// the database the first time a row names them, so the users that follow
// can join them at once; their laws are the union over all rows and are
// settled, with the plan rows, when the file has been read. Departments are
// few (bounded), so they are kept in memory.
#pragma once

#include "import/import_table.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace imi {

class DepartmentTable {
public:
  DepartmentTable(SQLite::Database& db, std::int64_t authority_id);

  // The id of the row's department, creating it on first sight; 0 when the
  // row names none. Throws when the file names too many departments.
  std::int64_t add(const std::string& name, std::vector<std::string>& laws, std::uint64_t line,
                   const std::string& file_label);

  // Writes the laws that grew after creation or differ from the database's,
  // counts the departments and adds their plan rows.
  void finish(ImportResult& result, size_t plan_limit);

  // The name of one of the import's departments ("" for another id).
  const std::string& name_of(std::int64_t id) const;

private:
  struct Department {
    std::string name;
    std::vector<std::string> laws; // union over the rows, in order of appearance
    std::uint64_t line = 0;        // first row
    std::int64_t id = 0;
    bool created = false;
    std::string stored_laws; // what the database holds now
  };
  struct Existing {
    std::int64_t id;
    std::string laws;
  };

  SQLite::Database& db_;
  std::int64_t authority_id_;
  std::unordered_map<std::string, Existing> existing_; // folded name -> row, before the import
  std::int64_t position_ = 0;
  std::vector<Department> departments_;             // of the file, in order of first appearance
  std::unordered_map<std::string, size_t> by_name_; // folded name -> index
  std::unordered_map<std::int64_t, size_t> by_id_;  // id -> index
  SQLite::Statement insert_;
  SQLite::Statement update_;
};

} // namespace imi
