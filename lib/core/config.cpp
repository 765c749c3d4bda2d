#include "core/config.hpp"

#include "core/error.hpp"
#include "core/reporter.hpp"
#include "util/i18n.hpp"

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

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

// Whole days of a period, for the range check (a month counts a twelfth of
// 365 days, so "100 years" and "1200 months" are the same).
std::int64_t period_days(const util::Period& p)
{
  return static_cast<std::int64_t>(p.months) * 365 / 12 + p.seconds / 86400;
}

// Checks a value against its key's type and range; `where` is FILE:LINE:COLUMN
// or the environment variable the value came from.
void check_value(const ConfigKey& key, const std::string& value, const std::string& where)
{
  switch (key.type) {
  case ConfigType::text:
    if (key.required && value.empty()) throw UsageError(_f("{}: {} must not be empty", where, key.name));
    return;
  case ConfigType::integer: {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() || n < key.min ||
        n > key.max)
      throw UsageError(_f("{}: {} must be a whole number from {} to {}, not '{}'", where, key.name, key.min,
                          key.max, value));
    return;
  }
  case ConfigType::period: {
    const auto p = util::parse_period(value);
    // The day count of an absurd period overflows; its text length is enough.
    if (!p || value.size() > 20 || period_days(*p) < key.min || period_days(*p) > key.max)
      // TRANSLATORS: '6 months' is an example value of the configuration file: keep it in English.
      throw UsageError(_f("{}: {} must be a period from {} day to {} years such as '6 months', not '{}'",
                          where, key.name, key.min, key.max / 365, value));
    return;
  }
  case ConfigType::choice: {
    std::string choices = key.choices;
    if (("|" + choices + "|").find("|" + value + "|") == std::string::npos)
      throw UsageError(_f("{}: {} must be one of {}, not '{}'", where, key.name, choices, value));
    return;
  }
  }
}

// Reads a config file that must be a regular file (or /dev/null). O_NONBLOCK
// keeps a FIFO from blocking the open; fstat then refuses it, a folder or a
// device.
std::string read_config_file(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) throw NotFoundError(_f("config file {} does not exist", path));
    throw UsageError(_f("cannot read config file {}: {}", path, std::strerror(errno)));
  }
  struct stat st {
  }, null{};
  // --config /dev/null is the usual way to say "no config file".
  const bool is_null = ::fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && ::stat("/dev/null", &null) == 0 &&
                       st.st_rdev == null.st_rdev;
  if (is_null) {
    ::close(fd);
    return {};
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    if (S_ISDIR(st.st_mode)) throw UsageError(_f("config file {} is a folder, not a regular file", path));
    throw UsageError(_f("config file {} is a FIFO, socket or device, not a regular file", path));
  }
  std::string text;
  char buf[8192];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) text.append(buf, static_cast<size_t>(n));
  const int err = errno;
  ::close(fd);
  if (n < 0) throw UsageError(_f("cannot read config file {}: {}", path, std::strerror(err)));
  return text;
}

std::string position(const std::string& path, const toml::source_region& where)
{
  return fmt::format("{}:{}:{}", path, where.begin.line, where.begin.column);
}

// The TOML type must match the key's: `path = 5` is a mistake, not "5".
std::string value_text(const ConfigKey& key, const toml::node& value, const std::string& where)
{
  if (key.type == ConfigType::integer) {
    if (auto i = value.value<std::int64_t>(); i && value.is_integer()) return std::to_string(*i);
    throw UsageError(_f("{}: {} must be a whole number without quotes", where, key.name));
  }
  if (auto s = value.value<std::string>(); s && value.is_string()) return *s;
  throw UsageError(_f("{}: {} must be a quoted string", where, key.name));
}

void apply_file(Config& config, const std::string& path, Reporter& reporter)
{
  const std::string content = read_config_file(path);
  toml::table root;
  try {
    root = toml::parse(content, path);
  } catch (const toml::parse_error& e) {
    throw UsageError(position(path, e.source()) + ": " + std::string(e.description()));
  }
  for (const auto& [section, node] : root) {
    const auto* table = node.as_table();
    if (!table) {
      reporter.warning(_f("{}: unknown key '{}'", position(path, node.source()), section.str()));
      continue;
    }
    for (const auto& [name, value] : *table) {
      const std::string full = std::string(section.str()) + "." + std::string(name.str());
      const std::string where = position(path, value.source());
      const ConfigKey* key = find_key(full);
      if (!key) {
        reporter.warning(_f("{}: unknown key '{}'", where, full));
        continue;
      }
      const std::string text = value_text(*key, value, where);
      check_value(*key, text, where);
      config.set(full, text, path);
    }
  }
}

// A default file that is absent is fine; anything else at its place is read
// (and refused when it is not a regular file).
bool present(const std::string& path)
{
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

} // namespace

std::string real_path(const std::string& path)
{
  std::error_code ec;
  const auto resolved = std::filesystem::weakly_canonical(path, ec);
  return ec || resolved.empty() ? path : resolved.string();
}

std::string default_key_path(const std::string& database_path)
{
  return real_path(database_path) + ".key";
}

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
  const std::string system_file = "/etc/imictl/config.toml";
  if (present(system_file)) apply_file(c, system_file, reporter);

  if (sources.config_file) {
    apply_file(c, *sources.config_file, reporter);
  } else {
    std::string dir = env_or("XDG_CONFIG_HOME", "");
    if (dir.empty()) dir = env_or("HOME", ".") + "/.config";
    const std::string user_file = dir + "/imictl/config.toml";
    if (present(user_file)) apply_file(c, user_file, reporter);
  }

  for (const auto& var : config_env_vars()) {
    if (const char* v = std::getenv(var.variable); v && *v) {
      check_value(*find_key(var.key), v, var.variable);
      c.set(var.key, v, var.variable);
    }
  }
  if (sources.db_flag) {
    check_value(*find_key("database.path"), *sources.db_flag, "--db");
    c.set("database.path", *sources.db_flag, "--db");
  }
  if (c.text("security.key_file").empty())
    c.set("security.key_file", default_key_path(c.text("database.path")),
          c.entries().at("database.path").source);
  return c;
}

const std::string& Config::text(const std::string& key) const
{
  auto it = entries_.find(key);
  if (it == entries_.end()) throw FailureError(_f("internal: unknown config key {}", key));
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
