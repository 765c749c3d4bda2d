#include "users/username.hpp"

#include "access/actor.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::string letters_and_digits(std::string_view text)
{
  std::string out;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(text)))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  return out;
}

bool username_taken(SQLite::Database& db, const std::string& name)
{
  SQLite::Statement q(db, "SELECT 1 FROM user WHERE username = ?");
  q.bind(1, name);
  return q.executeStep();
}

} // namespace

std::string username_base(std::string_view first_name, std::string_view last_name)
{
  const std::string first = letters_and_digits(first_name);
  const std::string last = letters_and_digits(last_name);
  std::string base = first.empty() ? last : first.substr(0, 1) + last;
  if (base.empty() || last.empty())
    throw InvalidInputError(
        _f("cannot make a username from first name '{}' and last name '{}': the last name needs at least one "
           "Latin letter or digit",
           first_name, last_name));
  // A username starts with a letter so it never reads as an id.
  if (base[0] >= '0' && base[0] <= '9') base = "u" + base;
  if (base.size() > 30) base.resize(30);
  // A reserved name counts as taken: the first free suffix applies (rule 4).
  if (is_reserved_username(base)) base += "2";
  return base;
}

std::string generate_username(SQLite::Database& db, std::string_view first_name, std::string_view last_name)
{
  const std::string base = username_base(first_name, last_name);
  if (!username_taken(db, base)) return base;
  for (int n = 2;; ++n) {
    std::string candidate = base + std::to_string(n);
    if (!username_taken(db, candidate)) return candidate;
  }
}

bool is_reserved_username(std::string_view username)
{
  return username == system_actor_name;
}

void check_username_syntax(std::string_view username)
{
  if (is_reserved_username(username))
    throw InvalidInputError(
        _f("username '{}' is reserved: the audit log uses it for the built-in cron actor", username));
  if (username.size() < 2 || username.size() > 32)
    throw InvalidInputError(_f("username '{}' must be 2 to 32 characters long", username));
  if (!(username[0] >= 'a' && username[0] <= 'z'))
    throw InvalidInputError(_f("username '{}' must start with a lower-case letter a-z", username));
  for (char c : username)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
      throw InvalidInputError(
          _f("username '{}' may contain only lower-case letters a-z, digits and '.', '-', '_'", username));
}

} // namespace imi
