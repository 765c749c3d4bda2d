#include "core/session.hpp"

#include "core/audit.hpp"

namespace imi {

Session::Session(Config config, Clock clock, Reporter& reporter, std::optional<std::string> actor_name)
    : config_(std::move(config)), clock_(clock), reporter_(reporter), db_path_(config_.text("database.path")),
      actor_name_(std::move(actor_name))
{
}

Session::~Session()
{
  flush_refusals();
}

void Session::audit_after_rollback(std::string actor, std::string action, std::string object,
                                   std::string summary)
{
  refusals_.push_back({std::move(actor), std::move(action), std::move(object), std::move(summary)});
}

void Session::flush_refusals() noexcept
{
  if (refusals_.empty()) return;
  try {
    auto& db = this->db(Access::read_write);
    for (const auto& r : refusals_) {
      WriteTransaction tx(db);
      append_audit(db, now(), r.actor, r.action, r.object, r.summary);
      tx.commit();
    }
  } catch (const std::exception&) { // the refusal itself is what the user must see
  }
  refusals_.clear();
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

SQLite::Database& Session::create_db(const std::function<void(SQLite::Database&)>& fill)
{
  db_.reset();
  db_ = create_database(db_path_, static_cast<int>(config_.integer("database.busy_timeout_ms")), fill);
  db_access_ = Access::read_write;
  return *db_;
}

} // namespace imi
