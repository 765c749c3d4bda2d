// Everything a command works with: configuration, clock, reporter, the
// database (opened on first use with the access the command asks for) and
// the acting user named by --as / IMICTL_USER.
#pragma once

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/database.hpp"
#include "core/reporter.hpp"

#include <memory>
#include <optional>
#include <string>

namespace imi {

// The built-in actor of cron-run commands (purge, notify send,
// user issue-credentials).
inline constexpr const char* system_actor = "system";

class Session {
public:
  Session(Config config, Clock clock, Reporter& reporter, std::optional<std::string> actor_name);

  const Config& config() const { return config_; }
  Reporter& reporter() { return reporter_; }
  util::Instant now() const { return clock_.now(); }
  std::string now_iso() const;
  const std::string& database_path() const { return db_path_; }

  // Opens the database on first call; a later call asking for more access
  // reopens it. Throws UnavailableError (7) as described in database.hpp.
  SQLite::Database& db(Access access = Access::read_only);
  bool db_open_for_writing() const { return db_ && db_access_ != Access::read_only; }
  void close_db() { db_.reset(); }

  // The name given with --as / IMICTL_USER, if any.
  const std::optional<std::string>& actor_name() const { return actor_name_; }
  // Cron-run commands act as `system` without --as.
  void act_as_system() { actor_name_ = system_actor; }

private:
  Config config_;
  Clock clock_;
  Reporter& reporter_;
  std::string db_path_;
  std::unique_ptr<SQLite::Database> db_;
  Access db_access_ = Access::read_only;
  std::optional<std::string> actor_name_;
};

} // namespace imi
