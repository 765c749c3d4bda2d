// The rules a new password and a security code must meet (guide H2.1).
// Stated in imictl-user(1) and imictl-login(1); each broken rule is an
// InvalidInputError (exit 6) naming the rule, never echoing the secret.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace imi {

// A new password: at least `min_length` characters (config
// security.password_min_length, 12), at least one letter and one digit, and
// neither the username nor the temporary password it replaces.
void check_password_policy(std::string_view password, std::string_view username,
                           std::string_view temporary_password, size_t min_length);

inline constexpr size_t security_code_length = 12;

// A security code: exactly 12 printable ASCII characters without spaces, with
// at least one letter, one digit and one symbol.
void check_security_code(std::string_view code);

} // namespace imi
