#include "users/password_policy.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

bool is_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c)
{
  return c >= '0' && c <= '9';
}

} // namespace

void check_password_policy(std::string_view password, std::string_view username,
                           std::string_view temporary_password, size_t min_length)
{
  if (!util::is_valid_utf8(password) || util::has_control_characters(password, false))
    throw InvalidInputError(_("new password: must be valid UTF-8 text without control characters"));
  if (util::utf8_length(password) < min_length)
    throw InvalidInputError(_n("new password: must be at least {} character long",
                               "new password: must be at least {} characters long", min_length, min_length));
  bool letter = false, digit = false;
  for (char c : password) {
    // Any non-ASCII byte belongs to a letter of some script.
    letter = letter || is_letter(c) || (static_cast<unsigned char>(c) >= 0x80);
    digit = digit || is_digit(c);
  }
  if (!letter || !digit)
    throw InvalidInputError(_("new password: must contain at least one letter and one digit"));
  if (util::to_lower_ascii(password) == util::to_lower_ascii(username))
    throw InvalidInputError(_("new password: must not be the username"));
  if (!temporary_password.empty() && password == temporary_password)
    throw InvalidInputError(_("new password: must differ from the temporary password"));
}

void check_security_code(std::string_view code)
{
  if (code.size() != security_code_length || util::utf8_length(code) != code.size())
    throw InvalidInputError(_f("security code: must be exactly {} characters (letters, digits and symbols)",
                               security_code_length));
  bool letter = false, digit = false, symbol = false;
  for (char c : code) {
    if (c <= ' ' || c == 0x7F)
      throw InvalidInputError(_("security code: spaces and control characters are not allowed"));
    if (is_letter(c))
      letter = true;
    else if (is_digit(c))
      digit = true;
    else
      symbol = true;
  }
  if (!letter || !digit || !symbol)
    throw InvalidInputError(_("security code: needs at least one letter, one digit and one symbol"));
}

} // namespace imi
