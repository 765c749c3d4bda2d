// Names of the files the archive writes. An attachment's name comes from
// whoever attached it (or from a database that may have been edited), so it
// is reduced to a plain base name that cannot leave the request's folder.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace imi::archive {

// The longest name written, in bytes (well under NAME_MAX with room for a
// suffix and the safe writer's temporary name).
inline constexpr size_t max_name_bytes = 100;

// A safe base name: only the part after the last '/' or '\', control
// characters (and DEL) and leading dots and spaces removed, cut to
// max_name_bytes without splitting a UTF-8 character, keeping the extension;
// "attachment" when nothing is left. Never "", ".", ".." or a name with '/'.
std::string safe_base_name(std::string_view name);

// safe_base_name, made unique among `taken` (compared case-insensitively, as
// some file systems do) with "-2", "-3", ... before the extension; adds the
// result to `taken`.
std::string unique_name(std::string_view name, std::set<std::string>& taken);

} // namespace imi::archive
