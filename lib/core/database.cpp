#include "core/database.hpp"

#include "core/database_file.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imi {
namespace {

int schema_version(SQLite::Database& db)
{
  return db.execAndGet("PRAGMA user_version").getInt();
}

void refuse_newer(SQLite::Database& db, const std::string& path, int version)
{
  const int latest = latest_schema_version();
  if (version > latest)
    throw UnavailableError(
        _f("database {} has schema version {}, newer than this imictl supports ({})", path, version, latest),
        {_("use the imictl release that wrote it, or a newer one")});
  // Version 0 with tables is another program's SQLite file: migrating it
  // would mix imictl's schema into someone else's data.
  if (version == 0 && db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0)
    throw UnavailableError(_f("{} is an SQLite database of another program, not imictl's", path),
                           {_("name a new file with --db")});
}

// Runs the missing migrations inside the caller's transaction.
void run_migrations(SQLite::Database& db, int from)
{
  for (const auto& m : embedded_migrations()) {
    if (m.version <= from) continue;
    db.exec(m.sql);
    db.exec(fmt::format("PRAGMA user_version = {}", m.version));
  }
}

// One transaction per migration, so an interrupted upgrade resumes where it
// stopped.
void apply_migrations(SQLite::Database& db, int from)
{
  for (const auto& m : embedded_migrations()) {
    if (m.version <= from) continue;
    WriteTransaction tx(db);
    db.exec(m.sql);
    db.exec(fmt::format("PRAGMA user_version = {}", m.version));
    tx.commit();
  }
}

std::unique_ptr<SQLite::Database> connect(const std::string& path, int flags, int busy_timeout_ms)
{
  // SQLite's allocation statistics take a global mutex on every malloc;
  // imictl never reads them. Must be set before SQLite initialises.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  // One connection per process, used by one thread: SQLite's own per-call
  // mutexes are pure overhead (NOMUTEX).
  auto db = std::make_unique<SQLite::Database>(path, flags | SQLITE_OPEN_NOMUTEX, busy_timeout_ms);
  db->exec("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
  return db;
}

} // namespace

int latest_schema_version()
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

std::unique_ptr<SQLite::Database> open_database(const std::string& path, Access access, int busy_timeout_ms)
{
  if (inspect_database_file(path) == DatabaseFileState::missing) {
    if (access != Access::create)
      throw UnavailableError(_f("no database at {}", path),
                             {_("create one with 'imictl init', or name another with --db")});
    create_database_file(path);
  }

  std::unique_ptr<SQLite::Database> db;
  try {
    db = connect(path, access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE,
                 busy_timeout_ms);
    // Reading the schema is the first access that notices a file that is
    // not a database, or a corrupt header.
    const int version = schema_version(*db);
    refuse_newer(*db, path, version);
    if (version < latest_schema_version()) {
      if (access == Access::read_only)
        throw UnavailableError(_f("database {} has schema version {}; this imictl needs {}", path, version,
                                  latest_schema_version()),
                               {_("run 'imictl migrate' to bring it up to date")});
      if (version == 0) db->exec("PRAGMA journal_mode = WAL");
      apply_migrations(*db, version);
    }
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite_error(e, path);
  }
  return db;
}

std::unique_ptr<SQLite::Database> open_shipped_schema()
{
  auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // One transaction: applying the schema statement by statement costs more.
  SQLite::Transaction tx(*db);
  run_migrations(*db, 0);
  tx.commit();
  return db;
}

std::unique_ptr<SQLite::Database> create_database(const std::string& path, int busy_timeout_ms,
                                                  const std::function<void(SQLite::Database&)>& fill)
{
  DatabaseFileState state = inspect_database_file(path);
  const bool created = state == DatabaseFileState::missing && create_database_file(path);
  if (!created && state == DatabaseFileState::missing) state = inspect_database_file(path);
  if (state == DatabaseFileState::empty) make_database_file_private(path);

  std::unique_ptr<SQLite::Database> db;
  // A file this call made goes again unless another init filled it meanwhile.
  auto discard = [&] {
    db.reset();
    struct stat st {};
    if (created && ::stat(path.c_str(), &st) == 0 && st.st_size == 0) ::unlink(path.c_str());
  };
  try {
    db = connect(path, SQLite::OPEN_READWRITE, busy_timeout_ms);
    {
      // Migrations and content in one transaction: a failure rolls the file
      // back to what it was, an empty file stays empty.
      WriteTransaction tx(*db);
      const int version = schema_version(*db);
      refuse_newer(*db, path, version);
      run_migrations(*db, version);
      fill(*db);
      tx.commit();
    }
    // WAL cannot be switched on inside a transaction; SQLite gives the -wal
    // file the database file's mode.
    db->exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception& e) {
    discard();
    rethrow_sqlite_error(e, path);
  } catch (...) {
    discard();
    throw;
  }
  return db;
}

void rethrow_sqlite_error(const SQLite::Exception& e, const std::string& path)
{
  switch (e.getErrorCode() & 0xFF) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw UnavailableError(_f("database {} is locked by another process", path),
                           {_("try again later, or raise [database] busy_timeout_ms")});
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
    throw UnavailableError(_f("{} is not an imictl database or is corrupt: {}", path, e.what()));
  case SQLITE_CANTOPEN:
  case SQLITE_READONLY:
  case SQLITE_PERM: throw UnavailableError(_f("cannot open database {}: {}", path, e.what()));
  case SQLITE_CONSTRAINT: throw ConflictError(_f("the change conflicts with existing data: {}", e.what()));
  case SQLITE_FULL:
  case SQLITE_IOERR: throw FailureError(_f("I/O error on database {}: {}", path, e.what()));
  default: throw FailureError(_f("database error: {}", e.what()));
  }
}

WriteTransaction::WriteTransaction(SQLite::Database& db) : db_(db)
{
  db_.exec("BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction()
{
  if (!done_) {
    try {
      db_.exec("ROLLBACK");
    } catch (...) { // nothing sensible to do while unwinding
    }
  }
}

void WriteTransaction::commit()
{
  db_.exec("COMMIT");
  done_ = true;
}

} // namespace imi
