// Request references: CC-YYYY-NNNNNN, the requesting authority's country,
// the year it was created and a number counting from 1 per country and year.
#pragma once

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imi {

std::string format_reference(std::string_view country, int year, std::int64_t number);
// Whether text has the shape of a reference (upper-case country).
bool is_reference(std::string_view text);
// The next free reference for the country and year.
std::string next_reference(SQLite::Database& db, std::string_view country, int year);

} // namespace imi
