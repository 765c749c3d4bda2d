#include "authority/authority.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {

const char* authority_type_slug(AuthorityType t)
{
  switch (t) {
  case AuthorityType::competent_authority: return "competent_authority";
  case AuthorityType::coordinator: return "coordinator";
  case AuthorityType::delegated_coordinator: return "delegated_coordinator";
  }
  return "competent_authority";
}

AuthorityType parse_authority_type(const std::string& text)
{
  // Fold "coördinator" and spacing so the guide's own words are accepted.
  std::string key;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(util::trim(text))))
    key += (c == '-' || c == ' ') ? '_' : c;
  struct Name {
    const char* spelling;
    AuthorityType type;
  };
  static const Name names[] = {
      {"competent_authority", AuthorityType::competent_authority},
      {"authority", AuthorityType::competent_authority},
      {"bevoegde_autoriteit", AuthorityType::competent_authority},
      {"bevoegde_instantie", AuthorityType::competent_authority},
      {"coordinator", AuthorityType::coordinator},
      {"imi_coordinator", AuthorityType::coordinator},
      {"delegated_coordinator", AuthorityType::delegated_coordinator},
      {"delegated_imi_coordinator", AuthorityType::delegated_coordinator},
      {"gedelegeerde_imi_coordinator", AuthorityType::delegated_coordinator},
      {"gedelegeerde_coordinator", AuthorityType::delegated_coordinator},
  };
  for (const auto& n : names)
    if (key == n.spelling) return n.type;
  throw InvalidInputError(_f("type: unknown authority type '{}'", text),
                          {_("types: competent_authority, coordinator, delegated_coordinator")});
}

} // namespace imi
