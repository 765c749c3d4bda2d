#include "users/role.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

struct RoleName {
  const char* spelling; // lower case
  Role role;
};

const RoleName role_names[] = {
    {"basic", Role::basic},
    {"basisgebruiker", Role::basic},
    {"basic user", Role::basic},
    {"handler", Role::handler},
    {"behandelaar", Role::handler},
    {"request handler", Role::handler},
    {"lda", Role::lda},
    {"lokale gegevensbeheerder", Role::lda},
    {"local data administrator", Role::lda},
    {"lgb", Role::lda},
    {"gegevensbeheerder", Role::lda},
    {"allocator", Role::allocator},
    {"toewijzer", Role::allocator},
    {"toezichthouder", Role::allocator},
    {"toewijzer/toezichthouder", Role::allocator},
    {"supervisor", Role::allocator},
};

} // namespace

const char* role_slug(Role r)
{
  switch (r) {
  case Role::basic: return "basic";
  case Role::handler: return "handler";
  case Role::lda: return "lda";
  case Role::allocator: return "allocator";
  }
  return "basic";
}

const char* role_dutch_name(Role r)
{
  switch (r) {
  case Role::basic: return "Basisgebruiker";
  case Role::handler: return "Behandelaar";
  case Role::lda: return "Lokale gegevensbeheerder";
  case Role::allocator: return "Toewijzer";
  }
  return "";
}

const char* role_english_name(Role r)
{
  switch (r) {
  case Role::basic: return "Basic user";
  case Role::handler: return "Handler";
  case Role::lda: return "Local data administrator";
  case Role::allocator: return "Allocator";
  }
  return "";
}

// The catalogue keys are the codes (msgctxt "role"), so a renderer that holds
// only the code shows the same name with C_("role", code).
const char* role_display_name(Role r)
{
  switch (r) {
  // TRANSLATORS: the role "basic user" (guide H5 stap 2), by its code
  case Role::basic: return C_("role", "basic");
  // TRANSLATORS: the role "handler" (guide H5 stap 2), by its code
  case Role::handler: return C_("role", "handler");
  // TRANSLATORS: the role "local data administrator" (guide H5 stap 2), by its code
  case Role::lda: return C_("role", "lda");
  // TRANSLATORS: the role "allocator" (guide H5 stap 2), by its code
  case Role::allocator: return C_("role", "allocator");
  }
  return C_("role", "basic");
}

std::optional<Role> parse_role(std::string_view text)
{
  std::string key = util::to_lower_ascii(util::trim(text));
  // Collapse inner runs of spaces and '_'/'-' used in slugs ("local-data-administrator").
  std::string norm;
  for (char c : key) {
    if (c == '_' || c == '-') c = ' ';
    if (c == ' ' && (norm.empty() || norm.back() == ' ')) continue;
    norm += c;
  }
  while (!norm.empty() && norm.back() == ' ')
    norm.pop_back();
  for (const auto& n : role_names)
    if (norm == n.spelling) return n.role;
  return std::nullopt;
}

std::vector<std::string> all_role_names()
{
  std::vector<std::string> names;
  for (const auto& n : role_names)
    names.emplace_back(n.spelling);
  return names;
}

Role parse_role_or_throw(std::string_view text)
{
  if (auto r = parse_role(text)) return *r;
  NotFoundError e(_f("unknown role '{}'", text));
  auto near = util::nearest_matches(text, all_role_names(), 1);
  if (!near.empty()) e.hint(_f("did you mean '{}'?", near.front()));
  e.hint(_("roles: basic (Basisgebruiker), handler (Behandelaar), lda (Lokale gegevensbeheerder), "
           "allocator (Toewijzer)"));
  throw e;
}

} // namespace imi
