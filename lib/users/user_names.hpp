// Names that start with what someone typed, for shell completion: usernames
// and department names of one authority. Callers ask the access layer first
// (may_see_user_data); these only read.
#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

// Users of the authority that are not deleted, by username; at most `limit`.
std::vector<std::string> usernames_starting_with(SQLite::Database& db, std::int64_t authority_id,
                                                 std::string_view prefix, int limit);
// The authority's departments, by name, the prefix matched case-insensitively.
std::vector<std::string> departments_starting_with(SQLite::Database& db, std::int64_t authority_id,
                                                   std::string_view prefix, int limit);

} // namespace imi
