// First login and every later login (guide H2.1).
//
// activate: the temporary password (mailed by `notify send`), a new password
// (password_policy.hpp) and the 12-character security code. Allowed for a
// pending user, and for an active user whose password an LDA has reset.
// login: the password plus three randomly chosen characters of the code.
//
// Wrong secrets count as failed logins; the fifth consecutive failure locks
// the account until an LDA unlocks it. Failures are committed (with an audit
// entry) before the PermissionError (exit 4) is thrown, so they survive it.
#pragma once

#include "users/user_store.hpp"

#include <array>
#include <string>

namespace imi {

class Session;

inline constexpr int max_failed_logins = 5;

// Before any secret is asked for: the user exists (3), is neither locked nor
// deleted (4). For activation also: the account awaits activation and a
// temporary password was issued (5).
UserRef prepare_activation(Session& session, std::string_view user);
UserRef prepare_login(Session& session, std::string_view user);

struct ActivationSecrets {
  std::string temporary_password, new_password, security_code;
};
UserView activate_user(Session& session, std::string_view user, const ActivationSecrets& secrets);

// `positions` are the three positions asked for (security_code.hpp), and
// `answer` what the user typed for them.
UserView login_user(Session& session, std::string_view user, const std::string& password,
                    const std::array<int, 3>& positions, const std::string& answer);

} // namespace imi
