#include "core/config.hpp"
#include "core/error.hpp"
#include "core/reporter.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <set>
#include <unistd.h>

using namespace imi;

TEST_CASE("core::config_keys and env table agree")
{
  std::set<std::string> names;
  for (const auto& k : config_keys())
    CHECK(names.insert(k.name).second);
  for (const auto& v : config_env_vars())
    CHECK(names.count(v.key) == 1);
  const Config d = Config::defaults();
  CHECK(d.integer("database.busy_timeout_ms") == 5000);
  CHECK(d.period("retention.delete_after").months == 6);
  CHECK(d.text("mail.transport") == "smtp");
}

TEST_CASE("core::Config::load precedence and errors")
{
  char tmpl[] = "/tmp/imi-config.XXXXXX";
  const int fd = mkstemp(tmpl);
  REQUIRE(fd >= 0);
  ::close(fd);
  const std::string file = tmpl;
  CollectingReporter reporter;
  ::unsetenv("IMICTL_DB");

  std::ofstream(file) << "[database]\npath = \"/from/file.db\"\nbusy_timeout_ms = 42\nmystery = 1\n";
  Config c = Config::load({file, std::nullopt}, reporter);
  CHECK(c.text("database.path") == "/from/file.db");
  CHECK(c.entries().at("database.busy_timeout_ms").source == file);
  CHECK(c.text("security.key_file") == "/from/file.db.key");
  CHECK(reporter.warnings.find("database.mystery") != std::string::npos);

  ::setenv("IMICTL_DB", "/from/env.db", 1);
  CHECK(Config::load({file, std::nullopt}, reporter).text("database.path") == "/from/env.db");
  CHECK(Config::load({file, std::string("/from/flag.db")}, reporter).text("database.path") ==
        "/from/flag.db");
  ::unsetenv("IMICTL_DB");

  std::ofstream(file) << "[database\n";
  CHECK_THROWS_AS(Config::load({file, std::nullopt}, reporter), UsageError);
  std::ofstream(file) << "[mail]\ntransport = \"pigeon\"\n";
  CHECK_THROWS_AS(Config::load({file, std::nullopt}, reporter), UsageError);
  CHECK_THROWS_AS(Config::load({std::string("/no/such/file.toml"), std::nullopt}, reporter), NotFoundError);
  std::remove(file.c_str());
}
