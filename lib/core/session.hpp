// Everything a command works with: configuration, clock, reporter, the
// database (opened on first use with the access the command asks for) and
// the acting user named by --as / IMICTL_USER.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/database.hpp"
#include "core/reporter.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session {
public:
  Session(Config config, Clock clock, Reporter& reporter, std::optional<std::string> actor_name);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const Config& config() const { return config_; }
  Reporter& reporter() { return reporter_; }
  util::Instant now() const { return clock_.now(); }
  std::string now_iso() const;
  const std::string& database_path() const { return db_path_; }

  // Opens the database on first call; a later call asking for more access
  // reopens it. Throws UnavailableError (7) as described in database.hpp.
  SQLite::Database& db(Access access = Access::read_only);
  // init: creates the database and fills it in its first transaction
  // (create_database in database.hpp); the connection stays open after.
  SQLite::Database& create_db(const std::function<void(SQLite::Database&)>& fill);
  bool db_open_for_writing() const { return db_ && db_access_ != Access::read_only; }
  void close_db() { db_.reset(); }

  // The name given with --as / IMICTL_USER, if any: what the user claims.
  // Who is acting is decided by identify() in lib/access, never here.
  const std::optional<std::string>& actor_name() const { return actor_name_; }

  // A refusal to record in the audit log. A refusal usually aborts a write
  // transaction, which rolls back when the exception unwinds it; so the
  // entries are written when the session closes, each in a transaction of
  // its own, after every transaction of the command is gone.
  void audit_after_rollback(std::string actor, std::string action, std::string object, std::string summary);
  void flush_refusals() noexcept;

private:
  Config config_;
  Clock clock_;
  Reporter& reporter_;
  std::string db_path_;
  std::unique_ptr<SQLite::Database> db_;
  Access db_access_ = Access::read_only;
  std::optional<std::string> actor_name_;
  struct Refusal {
    std::string actor, action, object, summary;
  };
  std::vector<Refusal> refusals_;
};

} // namespace imi
