#include "core/audit.hpp"

#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <cctype>
#include <charconv>
#include <fmt/format.h>
#include <sodium.h>

namespace imi {
namespace {

const std::string genesis_hash(64, '0');

std::string sha256_hex(const std::string& input)
{
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

// Every field of the entry, each preceded by its length, so that no two
// different entries hash the same input whatever their text holds. The id is
// included so that an entry cannot be renumbered into another place.
std::string entry_hash(std::int64_t id, const std::string& prev, const std::string& at,
                       const std::string& actor, const std::string& action, const std::string& object,
                       const std::string& summary)
{
  std::string input = "imictl-audit-2";
  for (const std::string* field : {&prev, &at, &actor, &action, &object, &summary})
    input += fmt::format("\n{}:", field->size()) + *field;
  input += fmt::format("\nid:{}", id);
  return sha256_hex(input);
}

// Entries written before the id was hashed: fields joined with the unit
// separator, no id. Accepted only for the oldest part of a log (see
// verify_audit), so that they stay verifiable after an upgrade.
std::string legacy_entry_hash(const AuditEntry& e)
{
  return sha256_hex(e.prev_hash + '\x1f' + e.at + '\x1f' + e.actor + '\x1f' + e.action + '\x1f' + e.object +
                    '\x1f' + e.summary);
}

std::string entry_hash(const AuditEntry& e)
{
  return entry_hash(e.id, e.prev_hash, e.at, e.actor, e.action, e.object, e.summary);
}

const char* const entry_columns = "id, at, actor, action, object, summary, prev_hash, hash";

AuditEntry read_entry(SQLite::Statement& q)
{
  return AuditEntry{q.getColumn(0).getInt64(),  q.getColumn(1).getString(), q.getColumn(2).getString(),
                    q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                    q.getColumn(6).getString(), q.getColumn(7).getString()};
}

std::string short_hash(const std::string& hash)
{
  return hash.substr(0, 12);
}

} // namespace

void append_audit(SQLite::Database& db, util::Instant at, const std::string& actor, const std::string& action,
                  const std::string& object, const std::string& summary)
{
  // The id is chosen here, inside the caller's write transaction, because the
  // hash covers it.
  SQLite::Statement last(db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
  const bool any = last.executeStep();
  const std::int64_t id = any ? last.getColumn(0).getInt64() + 1 : 1;
  const std::string prev = any ? last.getColumn(1).getString() : genesis_hash;
  const std::string when = util::format_iso8601(at);
  SQLite::Statement insert(db, "INSERT INTO audit (id, at, actor, action, object, summary, prev_hash, hash) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, id);
  insert.bind(2, when);
  insert.bind(3, actor);
  insert.bind(4, action);
  insert.bind(5, object);
  insert.bind(6, summary);
  insert.bind(7, prev);
  insert.bind(8, entry_hash(id, prev, when, actor, action, object, summary));
  insert.exec();
}

std::vector<AuditEntry> list_audit(SQLite::Database& db, const AuditFilter& f)
{
  std::string sql = fmt::format("SELECT {} FROM audit WHERE 1", entry_columns);
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

AuditHead audit_head(SQLite::Database& db)
{
  AuditHead head{0, genesis_hash, std::nullopt};
  SQLite::Statement count(db, "SELECT count(*) FROM audit");
  count.executeStep();
  head.count = count.getColumn(0).getInt64();
  SQLite::Statement q(db, fmt::format("SELECT {} FROM audit ORDER BY id DESC LIMIT 1", entry_columns));
  if (q.executeStep()) {
    head.last = read_entry(q);
    head.hash = head.last->hash;
  }
  return head;
}

std::string format_audit_head(std::int64_t count, const std::string& hash)
{
  return fmt::format("{}:{}", count, hash);
}

std::optional<AuditHead> parse_audit_head(std::string_view text)
{
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  AuditHead head;
  const char* end = text.data() + colon;
  const auto [p, ec] = std::from_chars(text.data(), end, head.count);
  if (ec != std::errc() || p != end || head.count < 0) return std::nullopt;
  const std::string_view hash = text.substr(colon + 1);
  if (hash.size() != 64) return std::nullopt;
  for (char c : hash) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
    head.hash += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return head;
}

AuditVerification verify_audit(SQLite::Database& db, const std::optional<AuditHead>& expected)
{
  AuditVerification v;
  SQLite::Statement q(db, fmt::format("SELECT {} FROM audit ORDER BY id", entry_columns));
  std::string expected_prev = genesis_hash;
  bool current_form_seen = false;
  while (q.executeStep()) {
    AuditEntry e = read_entry(q);
    ++v.entries;
    if (e.prev_hash != expected_prev) {
      v.problem = _("does not follow the entry before it (an entry was removed or reordered)");
    } else if (e.hash == entry_hash(e)) {
      current_form_seen = true;
    } else if (current_form_seen || e.hash != legacy_entry_hash(e)) {
      v.problem = _("content does not match its hash (the entry was edited)");
    }
    if (!v.problem.empty()) {
      v.first_broken = std::move(e);
      return v;
    }
    if (expected && v.entries == expected->count && e.hash != expected->hash) {
      // TRANSLATORS: the head is the COUNT:HASH line `imictl audit head` printed earlier.
      v.problem = _f("entry number {} (id {}) has hash {}, not {} as the recorded head says: it, or an entry "
                     "before it, was changed and the chain recomputed",
                     v.entries, e.id, short_hash(e.hash), short_hash(expected->hash));
      return v;
    }
    expected_prev = e.hash;
  }
  if (expected && v.entries < expected->count) {
    v.head_missing = true;
    const std::int64_t missing = expected->count - v.entries;
    // TRANSLATORS: "{0}" is "1 entry" or "5 entries", the size of the log.
    const std::string logged = _n("{} entry", "{} entries", static_cast<unsigned long>(v.entries), v.entries);
    v.problem =
        _n("the log has {0}, but the recorded head is entry number {1} (hash {2}): the newest entry is "
           "missing",
           "the log has {0}, but the recorded head is entry number {1} (hash {2}): the newest {3} "
           "entries are missing",
           static_cast<unsigned long>(missing), logged, expected->count, short_hash(expected->hash), missing);
  } else if (expected && expected->count == 0 && expected->hash != genesis_hash) {
    v.problem = _("a head with 0 entries has the hash of 64 zeros");
  }
  return v;
}

} // namespace imi
