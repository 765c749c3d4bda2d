#include "core/config.hpp"
#include "core/config_example.hpp"
#include "core/reporter.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace imi;

TEST_CASE("core::config_example_toml names every key at its default")
{
  const std::string example = config_example_toml();
  for (const auto& key : config_keys()) {
    const std::string name = key.name;
    const auto dot = name.find('.');
    CHECK_MESSAGE(example.find("\n[" + name.substr(0, dot) + "]\n") != std::string::npos, name);
    CHECK_MESSAGE(example.find("\n# " + name.substr(dot + 1) + " = ") != std::string::npos, name);
  }

  // Uncommenting every key that has a default changes no value: the file
  // is valid TOML and says what the program does without it.
  std::istringstream in(example);
  std::string line, uncommented;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos &&
        line.find(" = \"\"") == std::string::npos)
      uncommented += line.substr(2) + "\n";
    else
      uncommented += line + "\n";
  }
  char tmpl[] = "/tmp/imi-config-example.XXXXXX";
  const int fd = mkstemp(tmpl);
  REQUIRE(fd >= 0);
  ::close(fd);
  const std::string file = tmpl;
  std::ofstream(file) << uncommented;
  ::unsetenv("IMICTL_DB");
  ::unsetenv("IMICTL_HASH_PROFILE");
  CollectingReporter reporter;
  const Config loaded = Config::load({file, std::nullopt}, reporter);
  const Config defaults = Config::defaults();
  CHECK(reporter.warnings.empty());
  for (const auto& key : config_keys()) {
    if (*key.fallback == '\0') continue;
    CHECK_MESSAGE(loaded.entries().at(key.name).value == defaults.entries().at(key.name).value, key.name);
    CHECK_MESSAGE(loaded.entries().at(key.name).source == file, key.name);
  }
  std::remove(file.c_str());
}
