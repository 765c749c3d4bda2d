#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"

#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace imi;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  TempDir()
  {
    char tmpl[] = "/tmp/imi-unit.XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};
} // namespace

TEST_CASE("core::open_database creates, migrates and refuses")
{
  TempDir dir;
  const std::string path = (dir.path / "a" / "b" / "imi.db").string();
  CHECK_THROWS_AS(open_database(path, Access::read_write, 100), UnavailableError);
  {
    auto db = open_database(path, Access::create, 100);
    CHECK(db->execAndGet("PRAGMA user_version").getInt() == latest_schema_version());
    CHECK(db->execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db->execAndGet("PRAGMA secure_delete").getInt() == 1);
    CHECK(db->execAndGet("PRAGMA journal_mode").getString() == "wal");
  }
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);

  SUBCASE("newer schema")
  {
    {
      SQLite::Database raw(path, SQLite::OPEN_READWRITE);
      raw.exec("PRAGMA user_version = 9999");
    }
    CHECK_THROWS_AS(open_database(path, Access::read_write, 100), UnavailableError);
  }
  SUBCASE("not a database")
  {
    const std::string junk = (dir.path / "junk.db").string();
    std::ofstream(junk) << std::string(5000, 'j');
    CHECK_THROWS_AS(open_database(junk, Access::read_only, 100), UnavailableError);
  }
}

TEST_CASE("core::migrations are numbered upwards")
{
  int last = 0;
  for (const auto& m : embedded_migrations()) {
    CHECK(m.version > last);
    last = m.version;
  }
  CHECK(latest_schema_version() == last);
}

TEST_CASE("core::audit chain")
{
  TempDir dir;
  auto db = open_database((dir.path / "imi.db").string(), Access::create, 100);
  append_audit(*db, 100, "aadmin", "user.add", "user:x", "first");
  append_audit(*db, 200, "aadmin", "user.edit", "user:x", "second");
  append_audit(*db, 300, "system", "notify.send", "outbox", "third");
  CHECK(verify_audit(*db).entries == 3);
  CHECK_FALSE(verify_audit(*db).first_broken.has_value());
  AuditFilter since, actor, object;
  since.since = 200;
  actor.actor = "system";
  object.object = "user:";
  CHECK(list_audit(*db, since).size() == 2);
  CHECK(list_audit(*db, actor).size() == 1);
  CHECK(list_audit(*db, object).size() == 2);
  CHECK_THROWS(db->exec("UPDATE audit SET summary = 'x'"));
  db->exec("DROP TRIGGER audit_no_update; UPDATE audit SET summary = 'x' WHERE id = 2");
  const auto v = verify_audit(*db);
  REQUIRE(v.first_broken.has_value());
  CHECK(v.first_broken->id == 2);
}
