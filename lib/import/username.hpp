// Usernames for users created by an import (guide H6.1): ASCII fold of the
// first name's initial plus the last name, lower case, letters and digits
// only ("Pieter de Kort" -> "pdekort"); a functional account gets its folded
// name ("Publieksbalie" -> "publieksbalie"); on a collision with any
// existing username, deleted users included, a suffix 2, 3, ... is added.
#pragma once

#include <SQLiteCpp/Database.h>
#include <string>
#include <string_view>

namespace imi {

std::string import_username_base(std::string_view first_name, std::string_view last_name);
std::string generate_import_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name);

} // namespace imi
