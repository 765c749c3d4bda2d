#include "core/config_example.hpp"

#include "core/config.hpp"

#include <fmt/format.h>
#include <string_view>

namespace imi {
namespace {

// A value as TOML writes it: numbers bare, everything else a basic string.
std::string toml_value(const ConfigKey& key)
{
  if (key.type == ConfigType::integer) return key.fallback;
  std::string out = "\"";
  for (const char* p = key.fallback; *p; ++p) {
    if (*p == '"' || *p == '\\') out += '\\';
    out += *p;
  }
  return out + "\"";
}

// What a value may be, as a reader of the file needs to know it.
std::string allowed_values(const ConfigKey& key)
{
  switch (key.type) {
  case ConfigType::integer: return fmt::format("a whole number from {} to {}", key.min, key.max);
  case ConfigType::period:
    return fmt::format("a period such as \"14 days\" or \"6 months\", from {} to {} days", key.min, key.max);
  case ConfigType::choice: {
    std::string choices = key.choices;
    for (auto& c : choices)
      if (c == '|') c = ' ';
    return "one of " + choices;
  }
  case ConfigType::text: return key.required ? "text, not empty" : "text";
  }
  return "";
}

std::string environment_variable(const ConfigKey& key)
{
  for (const auto& v : config_env_vars())
    if (std::string(v.key) == key.name) return v.variable;
  return "";
}

} // namespace

std::string config_example_toml()
{
  std::string out = "# imictl configuration (TOML). Every key is shown commented out at its\n"
                    "# built-in default: uncomment a line to change it. Sources, later ones win:\n"
                    "#   built-in default < /etc/imictl/config.toml < $XDG_CONFIG_HOME/imictl/config.toml\n"
                    "#   (or --config FILE) < environment < command-line flag.\n"
                    "# `imictl config show` prints every effective value and where it came from;\n"
                    "# man imictl-config describes the keys.\n";
  std::string section;
  for (const auto& key : config_keys()) {
    const std::string name = key.name;
    const auto dot = name.find('.');
    const std::string this_section = name.substr(0, dot);
    if (this_section != section) {
      section = this_section;
      out += fmt::format("\n[{}]\n", section);
    }
    out += fmt::format("\n# {}\n# Allowed: {}.\n", key.description, allowed_values(key));
    if (const auto env = environment_variable(key); !env.empty())
      out += fmt::format("# Environment: {}.\n", env);
    if (*key.fallback == '\0' && std::string_view(key.description).find("default") == std::string_view::npos)
      out += "# No built-in default.\n";
    out += fmt::format("# {} = {}\n", name.substr(dot + 1), toml_value(key));
  }
  return out;
}

} // namespace imi
