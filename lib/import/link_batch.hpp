// Rows for one of a user's link tables (roles, departments, services),
// written many to a statement: for rows this small SQLite spends more on
// running a statement than on the B-tree insert itself. Rows wait in memory
// (a bounded batch) until the batch is full or flush() is called; callers
// flush before they read the table.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace imi {

class LinkBatch {
public:
  // `insert` is the statement up to VALUES, e.g. "INSERT OR IGNORE INTO user_role (user_id, role)".
  LinkBatch(SQLite::Database& db, std::string insert, size_t batch_rows = 200);
  void add(std::int64_t user_id, std::string value);
  void add(std::int64_t user_id, std::int64_t value);
  void flush();

private:
  struct Row {
    std::int64_t user_id;
    std::int64_t number;
    std::string text;
    bool is_text;
  };
  void write(SQLite::Statement& s, size_t n);
  std::unique_ptr<SQLite::Statement> prepare(size_t rows) const;

  SQLite::Database& db_;
  std::string insert_;
  size_t batch_rows_;
  std::vector<Row> rows_;
  std::unique_ptr<SQLite::Statement> full_; // prepared on the first full batch
};

} // namespace imi
