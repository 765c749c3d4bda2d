// Opening the one SQLite database: created with mode 0600 and its folders 0700,
// WAL, foreign keys, secure_delete, busy timeout; migrations applied one
// transaction each and recorded in PRAGMA user_version.
#pragma once

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace imi {

enum class Access {
  read_only,  // never migrates; refuses an out-of-date schema
  read_write, // migrates an older schema; the file must exist
  create,     // creates file and folders if missing (init)
};

// Refuses a path that is not a regular file (folder, FIFO, device: 7), a
// path too long for the system (2), and an SQLite file of another program.
std::unique_ptr<SQLite::Database> open_database(const std::string& path, Access access, int busy_timeout_ms);

// For init: opens PATH, creating it and its folders when missing, and runs
// the missing migrations and `fill` in one transaction, then switches on WAL.
// An existing empty file gets mode 0600 first. When a migration or `fill`
// throws, nothing is written: an existing file is left as it was, a file
// this call created is removed.
std::unique_ptr<SQLite::Database> create_database(const std::string& path, int busy_timeout_ms,
                                                  const std::function<void(SQLite::Database&)>& fill);

// An in-memory database with every embedded migration applied: the reference
// data shipped in schemas/ (keyword vocabulary, question sets), readable
// without a database file.
std::unique_ptr<SQLite::Database> open_shipped_schema();

// Maps an SQLite failure to the error family: busy/locked past the timeout,
// corrupt or not a database -> unavailable (7); constraint -> conflict (5).
[[noreturn]] void rethrow_sqlite_error(const SQLite::Exception& e, const std::string& path);

// A nullable TEXT column: NULL becomes an empty optional.
inline std::optional<std::string> optional_text(const SQLite::Column& c)
{
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

// RAII transaction that begins IMMEDIATE, so a writer waits for the lock up
// front instead of failing half-way.
class WriteTransaction {
public:
  explicit WriteTransaction(SQLite::Database& db);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void commit();

private:
  SQLite::Database& db_;
  bool done_ = false;
};

} // namespace imi
