// Usernames for a bulk import. The rule is the one of users/username.hpp
// (username_base, then a suffix 2, 3, ... on a collision), but a table of thousands of
// "Jansen"s must not probe jansen, jansen2, ... from the start for every
// row: the allocator remembers the next suffix to try per base name. The
// database stays the judge of what is taken, so the result equals
// generate_username()'s on the same database.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <string>
#include <string_view>
#include <unordered_map>

namespace imi {

class UsernameAllocator {
public:
  explicit UsernameAllocator(SQLite::Database& db);
  std::string allocate(std::string_view first_name, std::string_view last_name);

private:
  SQLite::Statement taken_;
  std::unordered_map<std::string, int> next_suffix_; // bounded: cleared when large
};

} // namespace imi
