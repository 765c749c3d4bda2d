// Field validation shared by every command that takes user input. Each
// function throws InvalidInputError (exit 6) naming the field, or returns the
// normalised value.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imi {

inline constexpr size_t max_text_length = 4000;

// Valid UTF-8, no control characters (line breaks only when multiline), no
// invisible or bidirectional characters (util/unicode.hpp; the message names
// the code point), at most max_text_length characters; required fields must
// not be blank. Returns the value in Unicode NFC with surrounding white space
// removed.
std::string check_text(std::string_view field, std::string_view value, bool required, bool multiline = false);
std::optional<std::string>
check_optional_text(std::string_view field, const std::optional<std::string>& value, bool multiline = false);

// A single mailbox "local@domain.tld" without invisible characters or spaces
// of any kind; returned trimmed and in NFC. is_valid_email expects NFC input.
std::string check_email(std::string_view field, std::string_view value);
bool is_valid_email(std::string_view value);

// ISO 3166-1 alpha-2, returned upper case ("nl" -> "NL").
std::string check_country(std::string_view field, std::string_view value);
// An EU/EEA official language as ISO 639-1, returned lower case.
std::string check_language(std::string_view field, std::string_view value);
// A phone number: digits, spaces and + - ( ) . / only.
std::string check_phone(std::string_view field, std::string_view value);

// "on"/"off" (also yes/no, true/false, 1/0).
bool parse_on_off(std::string_view field, std::string_view value);

} // namespace imi
