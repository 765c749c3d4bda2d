// Usernames are generated from the names (guide H6.1): see username.cpp.
#pragma once

#include <string>
#include <string_view>

namespace SQLite {
class Database;
}

namespace imi {

// First-name initial + last name, folded to ASCII, lower case, letters and
// digits only ("Pieter de Kort" -> "pdekort"); a numeric suffix 2, 3, ...
// makes it unique within the database.
std::string generate_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name);

} // namespace imi
