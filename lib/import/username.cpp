#include "import/username.hpp"

#include "core/error.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi {
namespace {

std::string alnum_lower(std::string_view s)
{
  std::string out;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(s)))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

} // namespace

std::string import_username_base(std::string_view first_name, std::string_view last_name)
{
  const std::string first = alnum_lower(first_name), last = alnum_lower(last_name);
  std::string base = first.empty() ? last : first.substr(0, 1) + last;
  if (base.empty()) throw InvalidInputError("the name has no letters or digits to make a username from");
  return base;
}

std::string generate_import_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name)
{
  const std::string base = import_username_base(first_name, last_name);
  SQLite::Statement taken(db, "SELECT 1 FROM user WHERE username = ?");
  for (int n = 1;; ++n) {
    const std::string candidate = n == 1 ? base : base + std::to_string(n);
    if (candidate == "system") continue; // the built-in cron actor
    taken.reset();
    taken.bind(1, candidate);
    if (!taken.executeStep()) return candidate;
  }
}

} // namespace imi
