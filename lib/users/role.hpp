// The four roles of guide H5 stap 2. `basic` is implied for every user and
// never stored; the others are granted.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

enum class Role { basic, handler, lda, allocator };

const char* role_slug(Role r);         // "handler"
const char* role_dutch_name(Role r);   // "Behandelaar"
const char* role_english_name(Role r); // "Handler"
// The role as the interface names it: the code in English ("handler"), the
// guide's name in Dutch ("Behandelaar"). Messages only; never stored.
const char* role_display_name(Role r);
// Dutch, English or slug, case-insensitive ("Behandelaar", "request handler",
// "LGB", "toewijzer", "Toezichthouder", "local data administrator").
std::optional<Role> parse_role(std::string_view text);
// Same, but throws NotFoundError (exit 3) naming the nearest role.
Role parse_role_or_throw(std::string_view text);
std::vector<std::string> all_role_names(); // every accepted spelling, for suggestions

} // namespace imi
