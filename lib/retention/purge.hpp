// imictl purge (cron, actor system): blocks and deletes closed requests as
// the retention policy asks (retention_policy.hpp), and wipes the personal
// data of users deleted longer ago than delete_after.
//
// The work goes in batches, each one short write transaction that is atomic
// and idempotent: a request is blocked or deleted whole or not at all, and a
// run killed half-way leaves a consistent database that the next run
// finishes. Other commands wait at most one batch for the write lock.
#pragma once

#include "access/actor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct PurgeOptions {
  bool dry_run = false;
  // Delete only requests that were archived (archived_at set); skip and
  // report the others.
  bool require_archived = false;
  std::int64_t limit = 0;      // at most this many requests blocked or deleted; 0 = all
  std::int64_t batch_size = 0; // rows per transaction; 0 = adapt to keep each short
};

struct PurgeItem {
  std::string action;                   // block, delete, skip (not archived), wipe-user
  std::string object;                   // request reference or username
  std::optional<std::string> closed_at; // or, for a user, when it was deleted
};

struct PurgeReport {
  std::int64_t blocked = 0, deleted = 0, users_wiped = 0, skipped = 0;
  std::vector<std::string> skipped_references; // not archived (--require-archived)
  std::vector<PurgeItem> items;                // --dry-run: everything that would happen
  std::int64_t transactions = 0;
  double longest_write_ms = 0; // the longest time the write lock was held
  bool checkpointed = true;    // the WAL was emptied afterwards
  bool dry_run = false;
  std::string summary() const; // "purge: 3 blocked, 2 deleted, ..."
};

// Throws UnavailableError (7) when another purge holds the lock past a short
// wait, PermissionError (4) for an actor other than system.
PurgeReport purge_expired(Session& session, const Actor& actor, const PurgeOptions& options);

} // namespace imi
