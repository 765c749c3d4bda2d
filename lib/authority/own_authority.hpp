// The few facts about the own authority (is_own = 1) that users, mail and
// the set-up check need.
#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>

namespace imi {

struct OwnAuthority {
  std::int64_t id = 0;
  std::string name;                         // formal name
  std::optional<std::string> informal_name; // H2.2
  std::optional<std::string> email;         // gets a cc of every mail (H2.2)
  std::string language;
  bool allocation = false;
  // The informal name when set (the one meant to be understood abroad), else the formal name.
  const std::string& display_name() const { return informal_name ? *informal_name : name; }
};

// Throws UnavailableError (7) when the database has no own authority (not initialised).
OwnAuthority load_own_authority(SQLite::Database& db);

} // namespace imi
