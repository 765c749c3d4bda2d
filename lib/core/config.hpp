// Configuration: one table of keys (core/config_keys.cpp), one table of
// environment variables, sources applied in a fixed order:
//   built-in default < system file < user file (or --config) < environment < flag
// Every effective value remembers where it came from (`imictl config show`).
#pragma once

#include "util/time.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Reporter;

enum class ConfigType { text, integer, period, choice };

// A value outside its key's range is refused when the config is loaded
// (exit 2, FILE:LINE:COLUMN), not when some command first reads it.
struct ConfigKey {
  const char* name; // "section.key"
  ConfigType type;
  const char* fallback; // built-in default; "" = none
  const char* choices;  // "a|b|c" for ConfigType::choice
  // Inclusive range: the number for integer, whole days for period (a year
  // counts 365, a month a twelfth of that); unused for text and choice.
  std::int64_t min, max;
  bool required; // text that must not be empty
  const char* description;
};
const std::vector<ConfigKey>& config_keys();

struct ConfigEnvVar {
  const char* variable;
  const char* key;
};
const std::vector<ConfigEnvVar>& config_env_vars();

struct ConfigSources {
  std::optional<std::string> config_file; // --config or IMICTL_CONFIG
  std::optional<std::string> db_flag;     // --db
};

class Config {
public:
  struct Entry {
    std::string value;
    std::string source; // "default", "/etc/imictl/config.toml", "IMICTL_DB", "--db"
  };

  // Throws UsageError (exit 2) for a malformed file (FILE:LINE:COLUMN), a
  // value of the wrong type or out of range, or a named file that is not a
  // regular file (a folder, a FIFO); NotFoundError for a named file that is
  // missing.
  static Config load(const ConfigSources& sources, Reporter& reporter);
  // Built-in defaults only (tests).
  static Config defaults();

  const std::string& text(const std::string& key) const;
  std::int64_t integer(const std::string& key) const;
  util::Period period(const std::string& key) const;
  void set(const std::string& key, std::string value, std::string source);
  const std::map<std::string, Entry>& entries() const { return entries_; }

private:
  std::map<std::string, Entry> entries_;
};

// $XDG_DATA_HOME/imictl/imi.db, else ~/.local/share/imictl/imi.db
std::string default_database_path();

// The path with every symbolic link resolved, as far as it exists; the path
// as given when it cannot be resolved (too long, unreadable folder).
std::string real_path(const std::string& path);

// The key file beside the database's real file, however its path is spelled:
// a database reached through a link must find the same key.
std::string default_key_path(const std::string& database_path);

} // namespace imi
