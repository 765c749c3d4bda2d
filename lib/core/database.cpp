#include "core/database.hpp"

#include "core/error.hpp"
#include "core/migrations.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imi {
namespace {

// Creates the file ourselves so that it is 0600 from the first byte,
// whatever the umask; SQLite would create it 0644.
void create_private_file(const std::string& path)
{
  namespace fs = std::filesystem;
  const fs::path parent = fs::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) throw UnavailableError(fmt::format("cannot create folder {}: {}", parent.string(), ec.message()));
  }
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    throw UnavailableError(fmt::format("cannot create database {}: {}", path, std::strerror(errno)));
  ::fchmod(fd, 0600);
  ::close(fd);
}

int schema_version(SQLite::Database& db)
{
  return db.execAndGet("PRAGMA user_version").getInt();
}

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

} // namespace

int latest_schema_version()
{
  return embedded_migrations().empty() ? 0 : embedded_migrations().back().version;
}

std::unique_ptr<SQLite::Database> open_database(const std::string& path, Access access, int busy_timeout_ms)
{
  // SQLite's allocation statistics take a global mutex on every malloc;
  // imictl never reads them. Must be set before SQLite initialises.
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)configured;
  const bool exists = std::filesystem::exists(path);
  if (!exists && access != Access::create)
    throw UnavailableError(fmt::format("no database at {}", path),
                           {"create one with 'imictl init', or name another with --db"});
  if (!exists) create_private_file(path);

  std::unique_ptr<SQLite::Database> db;
  try {
    // One connection per process, used by one thread: SQLite's own
    // per-call mutexes are pure overhead (NOMUTEX).
    const int flags =
        (access == Access::read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
    db = std::make_unique<SQLite::Database>(path, flags, busy_timeout_ms);
    db->exec("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
    // Reading the schema is the first access that notices a file that is
    // not a database, or a corrupt header.
    const int version = schema_version(*db);
    const int latest = latest_schema_version();
    if (version > latest)
      throw UnavailableError(
          fmt::format("database {} has schema version {}, newer than this imictl supports ({})", path,
                      version, latest),
          {"use the imictl release that wrote it, or a newer one"});
    if (version < latest) {
      if (access == Access::read_only)
        throw UnavailableError(
            fmt::format("database {} has schema version {}; this imictl needs {}", path, version, latest),
            {"run 'imictl migrate' to bring it up to date"});
      if (version == 0) db->exec("PRAGMA journal_mode = WAL");
      apply_migrations(*db, version);
    }
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite_error(e, path);
  }
  return db;
}

void rethrow_sqlite_error(const SQLite::Exception& e, const std::string& path)
{
  switch (e.getErrorCode() & 0xFF) {
  case SQLITE_BUSY:
  case SQLITE_LOCKED:
    throw UnavailableError(fmt::format("database {} is locked by another process", path),
                           {"try again later, or raise [database] busy_timeout_ms"});
  case SQLITE_NOTADB:
  case SQLITE_CORRUPT:
    throw UnavailableError(fmt::format("{} is not an imictl database or is corrupt: {}", path, e.what()));
  case SQLITE_CANTOPEN:
  case SQLITE_READONLY:
  case SQLITE_PERM: throw UnavailableError(fmt::format("cannot open database {}: {}", path, e.what()));
  case SQLITE_CONSTRAINT:
    throw ConflictError(fmt::format("the change conflicts with existing data: {}", e.what()));
  case SQLITE_FULL:
  case SQLITE_IOERR: throw FailureError(fmt::format("I/O error on database {}: {}", path, e.what()));
  default: throw FailureError(fmt::format("database error: {}", e.what()));
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
