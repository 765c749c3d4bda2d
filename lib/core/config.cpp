#include "core/config.hpp"

#include "core/error.hpp"
#include "core/reporter.hpp"

#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <toml++/toml.h>

namespace imi {
namespace {

const ConfigKey* find_key(const std::string& name)
{
  for (const auto& k : config_keys())
    if (name == k.name) return &k;
  return nullptr;
}

std::string env_or(const char* name, const std::string& fallback)
{
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// Checks a value against its key's type; the message names where it came from.
void check_value(const ConfigKey& key, const std::string& value, const std::string& source)
{
  switch (key.type) {
  case ConfigType::text: return;
  case ConfigType::integer: {
    char* end = nullptr;
    errno = 0;
    std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || *end != '\0' || errno != 0)
      throw UsageError(fmt::format("{}: {} must be a whole number, not '{}'", source, key.name, value));
    return;
  }
  case ConfigType::period:
    if (!util::parse_period(value))
      throw UsageError(
          fmt::format("{}: {} must be a period such as '6 months', not '{}'", source, key.name, value));
    return;
  case ConfigType::choice: {
    std::string choices = key.choices;
    if (("|" + choices + "|").find("|" + value + "|") == std::string::npos)
      throw UsageError(fmt::format("{}: {} must be one of {}, not '{}'", source, key.name, choices, value));
    return;
  }
  }
}

void apply_file(Config& config, const std::string& path, Reporter& reporter)
{
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    throw UsageError(fmt::format("{}:{}:{}: {}", path, where.line, where.column, e.description()));
  }
  for (const auto& [section, node] : root) {
    const auto* table = node.as_table();
    if (!table) {
      reporter.warning(fmt::format("{}: unknown key '{}'", path, section.str()));
      continue;
    }
    for (const auto& [name, value] : *table) {
      const std::string full = std::string(section.str()) + "." + std::string(name.str());
      const ConfigKey* key = find_key(full);
      if (!key) {
        reporter.warning(fmt::format("{}: unknown key '{}'", path, full));
        continue;
      }
      std::string text;
      if (auto s = value.value<std::string>(); s && value.is_string())
        text = *s;
      else if (auto i = value.value<std::int64_t>(); i && value.is_integer())
        text = std::to_string(*i);
      else
        throw UsageError(fmt::format("{}: {} has a value of the wrong type", path, full));
      check_value(*key, text, path);
      config.set(full, text, path);
    }
  }
}

} // namespace

std::string default_database_path()
{
  std::string data = env_or("XDG_DATA_HOME", "");
  if (data.empty()) data = env_or("HOME", ".") + "/.local/share";
  return data + "/imictl/imi.db";
}

Config Config::defaults()
{
  Config c;
  for (const auto& k : config_keys())
    c.set(k.name, k.fallback, "default");
  c.set("database.path", default_database_path(), "default");
  return c;
}

Config Config::load(const ConfigSources& sources, Reporter& reporter)
{
  Config c = defaults();
  namespace fs = std::filesystem;
  const std::string system_file = "/etc/imictl/config.toml";
  if (fs::exists(system_file)) apply_file(c, system_file, reporter);

  if (sources.config_file) {
    if (!fs::exists(*sources.config_file))
      throw NotFoundError(fmt::format("config file {} does not exist", *sources.config_file));
    apply_file(c, *sources.config_file, reporter);
  } else {
    std::string dir = env_or("XDG_CONFIG_HOME", "");
    if (dir.empty()) dir = env_or("HOME", ".") + "/.config";
    const std::string user_file = dir + "/imictl/config.toml";
    if (fs::exists(user_file)) apply_file(c, user_file, reporter);
  }

  for (const auto& var : config_env_vars()) {
    if (const char* v = std::getenv(var.variable); v && *v) {
      check_value(*find_key(var.key), v, var.variable);
      c.set(var.key, v, var.variable);
    }
  }
  if (sources.db_flag) c.set("database.path", *sources.db_flag, "--db");
  if (c.text("security.key_file").empty())
    c.set("security.key_file", c.text("database.path") + ".key", c.entries().at("database.path").source);
  return c;
}

const std::string& Config::text(const std::string& key) const
{
  auto it = entries_.find(key);
  if (it == entries_.end()) throw FailureError("internal: unknown config key " + key);
  return it->second.value;
}

std::int64_t Config::integer(const std::string& key) const
{
  return std::strtoll(text(key).c_str(), nullptr, 10);
}

util::Period Config::period(const std::string& key) const
{
  return *util::parse_period(text(key));
}

void Config::set(const std::string& key, std::string value, std::string source)
{
  entries_[key] = Entry{std::move(value), std::move(source)};
}

} // namespace imi
