// The acting user of a command (--as / IMICTL_USER), or the built-in
// `system` actor of cron-run commands.
#pragma once

#include "users/role.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace imi {

class Session;

struct Actor {
  std::int64_t user_id = 0; // 0 for system
  std::string username;
  std::int64_t authority_id = 0;
  std::set<Role> roles; // always contains Role::basic
  bool is_system() const { return user_id == 0; }
  bool has(Role r) const { return roles.count(r) > 0; }
};

// Resolves the actor named in the session. No name: PermissionError telling
// to use --as. Unknown user: NotFoundError. Locked or deleted: PermissionError.
Actor resolve_actor(Session& session);

} // namespace imi
