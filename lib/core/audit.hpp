// The append-only, hash-chained audit log. Every state change writes one
// entry inside the same transaction as the change. Summaries never carry
// personal data: usernames and ids, not names, e-mails or secrets.
#pragma once

#include "util/time.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>
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
  std::optional<std::string> object; // exact, or prefix when it ends in ':' ("user:")
  std::optional<std::string> action;
  std::int64_t limit = 0; // 0 = all
};
std::vector<AuditEntry> list_audit(SQLite::Database& db, const AuditFilter& filter);

struct AuditVerification {
  std::int64_t entries = 0;
  std::optional<AuditEntry> first_broken; // empty when the chain is intact
  std::string problem;                    // why first_broken is broken
};
AuditVerification verify_audit(SQLite::Database& db);

} // namespace imi
