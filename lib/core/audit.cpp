#include "core/audit.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sodium.h>

namespace imi {
namespace {

const std::string genesis_hash(64, '0');

// Fields are joined with the unit separator, which validated text never
// contains, so no two different entries hash the same input.
std::string entry_hash(const std::string& prev, const std::string& at, const std::string& actor,
                       const std::string& action, const std::string& object, const std::string& summary)
{
  const std::string input =
      prev + '\x1f' + at + '\x1f' + actor + '\x1f' + action + '\x1f' + object + '\x1f' + summary;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

AuditEntry read_entry(SQLite::Statement& q)
{
  return AuditEntry{q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                    q.getColumn(6).getString(), q.getColumn(7).getString()};
}

} // namespace

void append_audit(SQLite::Database& db, util::Instant at, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& summary)
{
  SQLite::Statement last(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  const std::string prev = last.executeStep() ? last.getColumn(0).getString() : genesis_hash;
  const std::string when = util::format_iso8601(at);
  SQLite::Statement insert(db, "INSERT INTO audit (at, actor, action, object, summary, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, when);
  insert.bind(2, actor);
  insert.bind(3, action);
  insert.bind(4, object);
  insert.bind(5, summary);
  insert.bind(6, prev);
  insert.bind(7, entry_hash(prev, when, actor, action, object, summary));
  insert.exec();
}

std::vector<AuditEntry> list_audit(SQLite::Database& db, const AuditFilter& f)
{
  std::string sql = "SELECT id, at, actor, action, object, summary, prev_hash, hash FROM audit WHERE 1";
  if (f.since) sql += " AND at >= :since";
  if (f.actor) sql += " AND actor = :actor";
  if (f.action) sql += " AND (action = :action OR action LIKE :action || '.%')";
  if (f.object) sql += f.object->back() == ':' ? " AND object LIKE :object || '%'" : " AND object = :object";
  sql += " ORDER BY id";
  if (f.limit > 0) sql += fmt::format(" LIMIT {}", f.limit);
  SQLite::Statement q(db, sql);
  if (f.since) q.bind(":since", util::format_iso8601(*f.since));
  if (f.actor) q.bind(":actor", *f.actor);
  if (f.action) q.bind(":action", *f.action);
  if (f.object) q.bind(":object", *f.object);
  std::vector<AuditEntry> out;
  while (q.executeStep())
    out.push_back(read_entry(q));
  return out;
}

AuditVerification verify_audit(SQLite::Database& db)
{
  AuditVerification v;
  SQLite::Statement q(
      db, "SELECT id, at, actor, action, object, summary, prev_hash, hash FROM audit ORDER BY id");
  std::string expected_prev = genesis_hash;
  while (q.executeStep()) {
    AuditEntry e = read_entry(q);
    ++v.entries;
    if (e.prev_hash != expected_prev) {
      v.problem = "does not follow the entry before it (an entry was removed or reordered)";
    } else if (e.hash != entry_hash(e.prev_hash, e.at, e.actor, e.action, e.object, e.summary)) {
      v.problem = "content does not match its hash (the entry was edited)";
    }
    if (!v.problem.empty()) {
      v.first_broken = std::move(e);
      return v;
    }
    expected_prev = e.hash;
  }
  return v;
}

} // namespace imi
