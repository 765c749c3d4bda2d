#include "retention/purge.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "retention/purge_lock.hpp"
#include "retention/request_erasure.hpp"
#include "retention/retention_policy.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <chrono>
#include <fmt/format.h>
#include <functional>
#include <limits>
#include <sqlite3.h>

namespace imi {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Rows per transaction when none is given: the batch grows while a
// transaction stays well under the target and shrinks above it, so other
// commands wait a fraction of a second at most whatever a request holds
// (a 10 MB attachment costs more to overwrite than a bare row).
constexpr std::int64_t first_batch = 200;
constexpr std::int64_t largest_batch = 5000;
constexpr double target_write_ms = 100;

// Closed long enough ago to be deleted; with --require-archived only once
// archived (the others are skipped and reported). The unary + keeps SQLite
// from reading every closed request through the state index: the partial
// indexes on closed_at (schemas/014_retention.sql) hold only what is left.
std::string erase_condition(bool require_archived)
{
  return fmt::format("r.purged_at IS NULL AND +r.state IN {} AND r.closed_at <= :erase{}", closed_states_sql,
                     require_archived ? " AND r.archived_at IS NOT NULL" : "");
}

// Closed long enough ago to be blocked, and not deleted in this run.
std::string block_condition(bool require_archived)
{
  return fmt::format("r.purged_at IS NULL AND r.blocked = 0 AND +r.state IN {} AND r.closed_at <= :block "
                     "AND NOT ({})",
                     closed_states_sql, erase_condition(require_archived));
}

std::string skipped_condition()
{
  return fmt::format(
      "r.purged_at IS NULL AND r.state IN {} AND r.closed_at <= :erase AND r.archived_at IS NULL",
      closed_states_sql);
}

const char* const user_condition = "u.status = 'deleted' AND u.purged_at IS NULL AND u.deleted_at <= :erase";

struct Stage {
  const char* action;    // block, delete, wipe-user
  const char* table;     // "request r" or "user u"
  const char* alias;     // r or u
  std::string condition; // the rows due, binding :erase (and :block)
  const char* name;      // what a person reads: reference or username
  const char* instant;   // closed_at, or deleted_at for a deleted user
  std::function<void(SQLite::Database&, const std::string&, const std::string&)> apply;
  std::int64_t PurgeReport::*count;
  bool limited; // counts towards --limit
};

class Purge {
public:
  Purge(
      Session& session, SQLite::Database& db, const PurgeOptions& options, PurgeReport& report,
      std::function<void()> after_commit = [] {})
      : db_(db), options_(options), report_(report), after_commit_(std::move(after_commit)),
        policy_(RetentionPolicy::from_config(session.config())),
        cutoffs_(retention_cutoffs(policy_, session.now())), now_(session.now_iso()),
        batch_(options.batch_size > 0 ? options.batch_size : first_batch),
        remaining_(options.limit > 0 ? options.limit : -1)
  {
  }

  void run()
  {
    std::vector<Stage> stages;
    stages.push_back({"delete", "request r", "r", erase_condition(options_.require_archived), "reference",
                      "closed_at", retention::erase_requests, &PurgeReport::deleted, true});
    if (cutoffs_.block_closed_by)
      stages.push_back({"block", "request r", "r", block_condition(options_.require_archived), "reference",
                        "closed_at",
                        [](SQLite::Database& db, const std::string& ids, const std::string&) {
                          retention::block_requests(db, ids);
                        },
                        &PurgeReport::blocked, true});
    stages.push_back({"wipe-user", "user u", "u", user_condition, "username", "deleted_at",
                      retention::wipe_users, &PurgeReport::users_wiped, false});
    for (const auto& stage : stages)
      options_.dry_run ? preview(stage) : work_off(stage);
    if (report_.users_wiped > 0 && !options_.dry_run) rebuild_user_indexes();
    if (options_.require_archived) list_skipped();
  }

private:
  SQLite::Database& db_;
  const PurgeOptions& options_;
  PurgeReport& report_;
  std::function<void()> after_commit_;
  RetentionPolicy policy_;
  RetentionCutoffs cutoffs_;
  std::string now_;
  std::int64_t batch_;
  std::int64_t remaining_; // -1: no --limit
  double last_ms_ = 0;

  void bind_cutoffs(SQLite::Statement& q) const
  {
    q.bind(":erase", cutoffs_.erase_closed_by);
    // getIndex is 0 for a name the statement does not use.
    if (cutoffs_.block_closed_by && q.getIndex(":block") > 0) q.bind(":block", *cutoffs_.block_closed_by);
  }

  std::int64_t room(const Stage& stage) const
  {
    return stage.limited && remaining_ >= 0 ? remaining_ : std::numeric_limits<std::int64_t>::max();
  }

  // The rows due, oldest first (so that --limit takes the oldest), with
  // what a person needs to recognise them.
  std::string due_rows_sql(const Stage& stage) const
  {
    return fmt::format("SELECT {a}.id, {a}.{name}, {a}.{instant} FROM {t} WHERE {c} ORDER BY {a}.{instant}, "
                       "{a}.id LIMIT :n",
                       fmt::arg("a", stage.alias), fmt::arg("name", stage.name),
                       fmt::arg("instant", stage.instant), fmt::arg("t", stage.table),
                       fmt::arg("c", stage.condition));
  }

  // The rows due are read first, outside any write transaction, and done
  // in the order of their ids: rows stored together are changed together,
  // so each page is written about once, not once for every batch that
  // happens to touch it. Inside each batch's transaction the condition is
  // asked again, so a row that changed meanwhile, or a batch that a killed
  // run already did, is left alone.
  void work_off(const Stage& stage)
  {
    std::vector<std::int64_t> due;
    {
      SQLite::Statement q(db_, due_rows_sql(stage));
      bind_cutoffs(q);
      q.bind(":n", room(stage));
      while (q.executeStep())
        due.push_back(q.getColumn(0).getInt64());
    }
    std::sort(due.begin(), due.end());
    SQLite::Statement recheck(db_, fmt::format("SELECT {a}.id FROM {t} WHERE {a}.id IN (SELECT value FROM "
                                               "json_each(:ids)) AND {c}",
                                               fmt::arg("a", stage.alias), fmt::arg("t", stage.table),
                                               fmt::arg("c", stage.condition)));
    for (std::size_t next = 0; next < due.size();) {
      const std::size_t end = std::min(due.size(), next + static_cast<std::size_t>(batch_));
      std::string candidates = "[";
      for (std::size_t i = next; i < end; ++i)
        candidates += (i > next ? "," : "") + std::to_string(due[i]);
      candidates += "]";
      next = end;

      WriteTransaction tx(db_);
      const auto locked = SteadyClock::now();
      recheck.reset();
      bind_cutoffs(recheck);
      recheck.bind(":ids", candidates);
      std::string ids = "[";
      std::int64_t found = 0;
      while (recheck.executeStep())
        ids += (found++ ? "," : "") + std::to_string(recheck.getColumn(0).getInt64());
      ids += "]";
      recheck.reset();
      if (found > 0) stage.apply(db_, ids, now_);
      tx.commit();
      note_transaction(locked);
      report_.*stage.count += found;
      if (stage.limited && remaining_ >= 0) remaining_ -= found;
      adapt_batch(last_ms_);
      after_commit_();
    }
  }

  // An index's interior pages keep copies of keys as dividers after the
  // entry itself is gone; the e-mail indexes of the user table would keep
  // addresses of wiped users. Rebuilding them leaves only live keys (the old
  // pages are zeroed as they are freed).
  void rebuild_user_indexes()
  {
    WriteTransaction tx(db_);
    const auto locked = SteadyClock::now();
    db_.exec("REINDEX user");
    tx.commit();
    note_transaction(locked);
  }

  void note_transaction(SteadyClock::time_point locked)
  {
    const double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - locked).count();
    report_.longest_write_ms = std::max(report_.longest_write_ms, ms);
    ++report_.transactions;
    last_ms_ = ms;
  }

  void adapt_batch(double ms)
  {
    if (options_.batch_size > 0) return;
    if (ms < target_write_ms / 4)
      batch_ = std::min(batch_ * 2, largest_batch);
    else if (ms > target_write_ms * 2)
      batch_ = std::max<std::int64_t>(batch_ / 2, 1);
  }

  // --dry-run: the same selection, read only, without batches.
  void preview(const Stage& stage)
  {
    SQLite::Statement q(db_, due_rows_sql(stage));
    bind_cutoffs(q);
    q.bind(":n", room(stage));
    while (q.executeStep()) {
      report_.items.push_back({stage.action, q.getColumn(1).getString(), optional_text(q.getColumn(2))});
      ++(report_.*stage.count);
      if (stage.limited && remaining_ >= 0) --remaining_;
    }
  }

  void list_skipped()
  {
    SQLite::Statement q(db_, fmt::format("SELECT r.reference, r.closed_at FROM request r WHERE {} "
                                         "ORDER BY r.closed_at, r.id",
                                         skipped_condition()));
    q.bind(":erase", cutoffs_.erase_closed_by);
    while (q.executeStep()) {
      report_.skipped_references.push_back(q.getColumn(0).getString());
      if (options_.dry_run)
        report_.items.push_back({"skip", q.getColumn(0).getString(), optional_text(q.getColumn(1))});
    }
    report_.skipped = static_cast<std::int64_t>(report_.skipped_references.size());
  }
};

// SQLite checkpoints the WAL when a commit leaves it at 1000 pages or more,
// inside that commit: the batch would hold the write lock while 4 MB are
// copied. During a purge the WAL grows to 8000 pages instead and is
// checkpointed between batches, PASSIVE, which holds no lock other commands
// wait for.
class WalCheckpointsBetweenBatches {
public:
  explicit WalCheckpointsBetweenBatches(SQLite::Database& db) : db_(db)
  {
    sqlite3_wal_hook(db_.getHandle(), &WalCheckpointsBetweenBatches::count, &pages_);
  }
  ~WalCheckpointsBetweenBatches() { sqlite3_wal_autocheckpoint(db_.getHandle(), 1000); }
  WalCheckpointsBetweenBatches(const WalCheckpointsBetweenBatches&) = delete;
  WalCheckpointsBetweenBatches& operator=(const WalCheckpointsBetweenBatches&) = delete;

  void after_commit() const
  {
    if (pages_ < 8000) return;
    db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    pages_ = 0;
  }

private:
  static int count(void* pages, sqlite3*, const char*, int n)
  {
    *static_cast<int*>(pages) = n;
    return SQLITE_OK;
  }
  SQLite::Database& db_;
  mutable int pages_ = 0;
};

// SQLite overwrites deleted content with zeros only with secure_delete on;
// every connection switches it on when it opens (core/database.cpp). Purge
// refuses to delete anything without it rather than leave the bytes behind.
void require_secure_delete(SQLite::Database& db)
{
  if (db.execAndGet("PRAGMA secure_delete").getInt() != 1)
    throw FailureError(_("secure_delete is off on this connection: deleted data would stay in the file"));
}

// The WAL holds the pages as they were before the purge; TRUNCATE copies
// the new ones into the database and empties the file. A reader holding an
// old snapshot makes it give up after the busy timeout: try a few times.
bool empty_the_wal(SQLite::Database& db)
{
  for (int attempt = 0; attempt < 3; ++attempt) {
    SQLite::Statement q(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (q.executeStep() && q.getColumn(0).getInt() == 0) return true;
  }
  return false;
}

} // namespace

std::string PurgeReport::summary() const
{
  // The counts of requests need no noun; the users' count chooses the form.
  const auto users = static_cast<unsigned long>(users_wiped);
  if (dry_run)
    // TRANSLATORS: {0} requests to block, {1} requests to delete, {2} users to wipe, {3} requests skipped.
    return _n("purge --dry-run: {0} to block, {1} to delete, {2} user to wipe, {3} skipped (not archived)",
              "purge --dry-run: {0} to block, {1} to delete, {2} users to wipe, {3} skipped (not archived)",
              users, blocked, deleted, users_wiped, skipped);
  return _n(
      // TRANSLATORS: {0} requests blocked, {1} requests deleted, {2} users wiped, {3} requests skipped,
      // {4} milliseconds.
      "purge: {0} blocked, {1} deleted, {2} user wiped, {3} skipped (not archived); longest write {4} ms",
      "purge: {0} blocked, {1} deleted, {2} users wiped, {3} skipped (not archived); longest write {4} ms",
      users, blocked, deleted, users_wiped, skipped, static_cast<std::int64_t>(longest_write_ms + 0.5));
}

PurgeReport purge_expired(Session& session, const Actor& actor, const PurgeOptions& options)
{
  PurgeReport report;
  report.dry_run = options.dry_run;
  auto& db = session.db(options.dry_run ? Access::read_only : Access::read_write);
  require(session, actor, Permission::purge_requests, own_authority_id(db), "request:*");
  if (options.dry_run) {
    Purge(session, db, options, report).run();
    return report;
  }
  const retention::PurgeLock lock(session.database_path(),
                                  static_cast<int>(session.config().integer("database.busy_timeout_ms")));
  require_secure_delete(db);
  try {
    // A batch lost to a power cut is done again by the next run, so the
    // batches need not wait for the disk one by one; the audit entry's
    // commit, with the usual durability, makes all of them durable at once.
    // A larger cache keeps the pages a run goes through from being read
    // over and over.
    db.exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -32000");
    {
      const WalCheckpointsBetweenBatches checkpoints(db);
      Purge(session, db, options, report, [&] { checkpoints.after_commit(); }).run();
    }
    db.exec("PRAGMA synchronous = FULL");
    WriteTransaction tx(db);
    append_audit(db, session.now(), actor.audit_name(), "purge", "request:*",
                 fmt::format("{} blocked, {} deleted, {} user(s) wiped, {} skipped (not archived)",
                             report.blocked, report.deleted, report.users_wiped, report.skipped));
    tx.commit();
    report.checkpointed = empty_the_wal(db);
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite_error(e, session.database_path());
  }
  return report;
}

} // namespace imi
