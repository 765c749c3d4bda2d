#include "core/audit.hpp"
#include "core/database.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <sodium.h>
#include <unistd.h>

using namespace imi;
namespace fs = std::filesystem;

namespace {

struct AuditDb {
  fs::path dir;
  std::unique_ptr<SQLite::Database> db;
  AuditDb()
  {
    char tmpl[] = "/tmp/imi-unit.XXXXXX";
    dir = mkdtemp(tmpl);
    db = open_database((dir / "imi.db").string(), Access::create, 100);
  }
  ~AuditDb()
  {
    db.reset();
    fs::remove_all(dir);
  }
  void tamper(const std::string& sql)
  {
    db->exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete; " + sql);
  }
};

// An entry as earlier versions wrote it: no id in the hash, fields joined by
// the unit separator.
void append_legacy(SQLite::Database& db, const std::string& at, const std::string& summary)
{
  SQLite::Statement last(db, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  const std::string prev = last.executeStep() ? last.getColumn(0).getString() : std::string(64, '0');
  const std::string input = prev + '\x1f' + at +
                            "\x1f"
                            "aadmin\x1f"
                            "user.edit\x1f"
                            "user:x\x1f" +
                            summary;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  SQLite::Statement q(db, "INSERT INTO audit (at, actor, action, object, summary, prev_hash, hash) "
                          "VALUES (?, 'aadmin', 'user.edit', 'user:x', ?, ?, ?)");
  q.bind(1, at);
  q.bind(2, summary);
  q.bind(3, prev);
  q.bind(4, std::string(hex));
  q.exec();
}

} // namespace

TEST_CASE("core::audit_head and parse_audit_head")
{
  AuditDb t;
  AuditHead empty = audit_head(*t.db);
  CHECK(empty.count == 0);
  CHECK(empty.hash == std::string(64, '0'));
  CHECK_FALSE(empty.last.has_value());
  CHECK(verify_audit(*t.db, parse_audit_head("0:" + std::string(64, '0'))).intact());

  append_audit(*t.db, 100, "aadmin", "init", "authority:1", "first");
  append_audit(*t.db, 200, "aadmin", "user.add", "user:x", "second");
  const AuditHead head = audit_head(*t.db);
  CHECK(head.count == 2);
  REQUIRE(head.last.has_value());
  CHECK(head.last->id == 2);
  CHECK(head.hash == head.last->hash);

  const std::string text = format_audit_head(head.count, head.hash);
  const auto parsed = parse_audit_head(text);
  REQUIRE(parsed.has_value());
  CHECK(parsed->count == 2);
  CHECK(parsed->hash == head.hash);
  for (const char* bad : {"", ":", "2", "2:", "-2:", "2:abc", "x:00", " 2:"})
    CHECK_FALSE(parse_audit_head(bad).has_value());
  CHECK_FALSE(parse_audit_head("2:" + head.hash.substr(1) + "z").has_value());
  CHECK_FALSE(parse_audit_head("2:" + head.hash + "0").has_value());

  SUBCASE("a head that is present, also after the log grew")
  {
    append_audit(*t.db, 300, "system", "mail.sent", "outbox:1", "third");
    CHECK(verify_audit(*t.db, parsed).intact());
  }
  SUBCASE("the newest entry removed")
  {
    t.tamper("DELETE FROM audit WHERE id = 2");
    CHECK(verify_audit(*t.db).intact());
    const auto v = verify_audit(*t.db, parsed);
    CHECK_FALSE(v.intact());
    CHECK(v.head_missing);
    CHECK(v.problem.find("the newest entry is missing") != std::string::npos);
  }
  SUBCASE("the newest entry replaced")
  {
    t.tamper("DELETE FROM audit WHERE id = 2");
    append_audit(*t.db, 200, "aadmin", "user.add", "user:y", "second");
    CHECK(verify_audit(*t.db).intact());
    const auto v = verify_audit(*t.db, parsed);
    CHECK_FALSE(v.intact());
    CHECK_FALSE(v.head_missing);
    CHECK(v.problem.find("entry number 2") != std::string::npos);
  }
}

TEST_CASE("core::verify_audit: every field is hashed")
{
  AuditDb t;
  append_audit(*t.db, 100, "aadmin", "init", "authority:1", "first");
  append_audit(*t.db, 200, "aadmin", "user.add", "user:x", "second");
  append_audit(*t.db, 300, "aadmin", "user.edit", "user:x", "third");
  REQUIRE(verify_audit(*t.db).intact());
  const char* edits[] = {
      "UPDATE audit SET at = '1970-01-01T00:01:40Z' WHERE id = 2",
      "UPDATE audit SET actor = 'system' WHERE id = 2",
      "UPDATE audit SET action = 'user.view' WHERE id = 2",
      "UPDATE audit SET object = 'user:y' WHERE id = 2",
      "UPDATE audit SET summary = 'other' WHERE id = 2",
      "UPDATE audit SET id = 30 WHERE id = 3",
      "UPDATE audit SET prev_hash = hash WHERE id = 2",
  };
  for (const char* edit : edits) {
    CAPTURE(edit);
    t.tamper("SAVEPOINT s; " + std::string(edit));
    const auto v = verify_audit(*t.db);
    CHECK_FALSE(v.intact());
    CHECK(v.first_broken.has_value());
    t.db->exec("ROLLBACK TO s; RELEASE s");
    CHECK(verify_audit(*t.db).intact());
  }
}

TEST_CASE("core::verify_audit: entries of earlier versions")
{
  AuditDb t;
  append_legacy(*t.db, "2026-01-01T00:00:00Z", "old one");
  append_legacy(*t.db, "2026-01-02T00:00:00Z", "old two");
  CHECK(verify_audit(*t.db).intact());
  append_audit(*t.db, 2000000000, "aadmin", "user.add", "user:y", "new");
  CHECK(verify_audit(*t.db).intact());
  CHECK(verify_audit(*t.db, audit_head(*t.db)).intact());

  SUBCASE("an old entry edited is still caught")
  {
    t.tamper("UPDATE audit SET actor = 'system' WHERE id = 1");
    CHECK(verify_audit(*t.db).first_broken->id == 1);
  }
  SUBCASE("the old form after the new one is an edit")
  {
    append_legacy(*t.db, "2033-01-01T00:00:00Z", "forged");
    const auto v = verify_audit(*t.db);
    REQUIRE(v.first_broken.has_value());
    CHECK(v.first_broken->id == 4);
  }
}
