#include "core/session.hpp"

namespace imi {

Session::Session(Config config, Clock clock, Reporter& reporter, std::optional<std::string> actor_name)
    : config_(std::move(config)), clock_(clock), reporter_(reporter), db_path_(config_.text("database.path")),
      actor_name_(std::move(actor_name))
{
}

std::string Session::now_iso() const
{
  return util::format_iso8601(now());
}

SQLite::Database& Session::db(Access access)
{
  const bool enough = db_ && (access == Access::read_only || db_access_ != Access::read_only);
  if (!enough) {
    db_.reset();
    db_ = open_database(db_path_, access, static_cast<int>(config_.integer("database.busy_timeout_ms")));
    db_access_ = access;
  }
  return *db_;
}

} // namespace imi
