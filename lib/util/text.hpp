// Generic text helpers with no product knowledge: UTF-8 checks, folding to
// ASCII, splitting, and the edit distance behind "did you mean".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imi::util {

bool is_valid_utf8(std::string_view s);
// Number of code points (s must be valid UTF-8).
size_t utf8_length(std::string_view s);
// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t cp);

// Control characters other than the allowed line breaks/tabs.
bool has_control_characters(std::string_view s, bool allow_line_breaks);

// "Ĳsbrand Ötzi-Öçal" -> "IJsbrand Otzi-Ocal": Latin letters lose their
// diacritics, ß becomes ss, æ ae; other non-ASCII code points are dropped.
std::string fold_to_ascii(std::string_view s);

std::string to_lower_ascii(std::string_view s);
std::string trim(std::string_view s);
std::vector<std::string> split(std::string_view s, char separator);
std::string join(const std::vector<std::string>& parts, std::string_view separator);

size_t edit_distance(std::string_view a, std::string_view b);
// Up to `limit` candidates close to `word`, best first: util::suggest's rule
// (util/suggest.hpp) for candidates known by one name.
std::vector<std::string> nearest_matches(std::string_view word, const std::vector<std::string>& candidates,
                                         size_t limit = 3);

} // namespace imi::util
