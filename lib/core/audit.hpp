// The append-only, hash-chained audit log. Every state change writes one
// entry inside the same transaction as the change. Summaries never carry
// personal data: usernames and ids, not names, e-mails or secrets.
//
// Each entry's hash covers all its fields (id, at, actor, action, object,
// summary) and the hash of the entry before it, so editing, removing or
// reordering an entry breaks the chain. Removing the newest entries does not:
// `audit head` (count and hash of the last entry) is meant to be recorded
// elsewhere, and `verify_audit` with that head notices when it is gone.
#pragma once

#include "util/time.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

struct AuditEntry {
  std::int64_t id = 0;
  std::string at, actor, action, object, summary, prev_hash, hash;
};

// action: "authority.edit", "user.add", "denied:user.add", ...
// object: "authority:3", "user:jdevries", ...
void append_audit(SQLite::Database& db, util::Instant at, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& summary);

struct AuditFilter {
  std::optional<util::Instant> since;
  std::optional<std::string> actor;
  std::optional<std::string> object; // exact, or prefix when it ends in ':'
  std::optional<std::string> action;
  std::int64_t limit = 0; // 0 = all
};
std::vector<AuditEntry> list_audit(SQLite::Database& db, const AuditFilter& filter);

// The newest entry: how many entries the log has, and the last one's hash
// (64 zeros for an empty log). Written "COUNT:HASH".
struct AuditHead {
  std::int64_t count = 0;
  std::string hash;
  std::optional<AuditEntry> last; // absent for an empty log
};
AuditHead audit_head(SQLite::Database& db);
std::string format_audit_head(std::int64_t count, const std::string& hash);
// "COUNT:HASH" as printed by format_audit_head; nullopt when malformed.
std::optional<AuditHead> parse_audit_head(std::string_view text);

struct AuditVerification {
  std::int64_t entries = 0;
  std::optional<AuditEntry> first_broken; // a chain break, when there is one
  bool head_missing = false;              // the expected head is not in the log
  std::string problem;                    // why the log is not intact; empty when it is
  bool intact() const { return problem.empty(); }
};
// With `expected`, also requires that the log still holds that head: entry
// number `count` exists and has that hash.
AuditVerification verify_audit(SQLite::Database& db, const std::optional<AuditHead>& expected = std::nullopt);

} // namespace imi
