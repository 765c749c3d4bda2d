// Usernames are generated from the names (guide H6.1) by one documented,
// stable rule, shared by `user add`, `init` and `import`:
//   1. both names are folded to ASCII (é -> e, ö -> o, ß -> ss, ç -> c) and
//      lower-cased; everything but a-z and 0-9 is dropped;
//   2. the username is the first letter of the first name followed by the
//      whole last name ("Pieter de Kort" -> "pdekort");
//   3. a functional account (no first name: "Publieksbalie") gets the
//      folded name alone ("publieksbalie");
//   4. on a collision with any existing username, deleted users included,
//      or with a reserved name ("system"), a numeric suffix 2, 3, ... is
//      appended ("pdekort2", "system2").
#pragma once

#include <SQLiteCpp/Database.h>
#include <string>
#include <string_view>

namespace imi {

// Steps 1-3; throws InvalidInputError when nothing usable remains.
std::string username_base(std::string_view first_name, std::string_view last_name);

// All four steps against the database.
std::string generate_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name);

// `system` is the built-in cron actor (SPEC §5): no user may be called so.
bool is_reserved_username(std::string_view username);

// The syntax a username chosen by hand (`user rename`) must have:
// 2-32 characters a-z, 0-9, '.', '-', '_', starting with a letter.
// Throws InvalidInputError naming the problem.
void check_username_syntax(std::string_view username);

} // namespace imi
