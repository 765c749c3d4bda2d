// Labels for what tables show (see field_labels.cpp): JSON and CSV keep keys
// and codes; a table shows these, in the interface language.
#pragma once

#include <string>
#include <string_view>

namespace imi {

// "first_name" -> "first_name" (English) or "voornaam" (Dutch).
std::string field_label(const std::string& key);
// The same in capitals, for table headers: "FIRST NAME", "VOORNAAM".
std::string header_label(const std::string& key);
// A code in a field that holds roles, states or statuses, as a person reads
// it: "handler" -> "Behandelaar" in Dutch; other fields' values unchanged.
std::string code_label(std::string_view key, const std::string& code);

} // namespace imi
