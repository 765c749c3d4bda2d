#include "users/username.hpp"

#include "util/text.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cctype>

namespace imi {
namespace {

std::string letters_and_digits(std::string_view s)
{
  std::string out;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(s)))
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  return out;
}

} // namespace

std::string generate_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name)
{
  const std::string first = letters_and_digits(first_name);
  std::string base = (first.empty() ? "" : first.substr(0, 1)) + letters_and_digits(last_name);
  if (base.empty()) base = "user";
  SQLite::Statement taken(db, "SELECT 1 FROM user WHERE username = ?");
  for (int n = 1;; ++n) {
    const std::string candidate = n == 1 ? base : base + std::to_string(n);
    taken.reset();
    taken.bind(1, candidate);
    if (!taken.executeStep()) return candidate;
  }
}

} // namespace imi
