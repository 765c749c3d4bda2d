// Who is acting: resolved once per command by identify() (or system_actor()
// for cron-run commands) and passed explicitly to every library function that
// reads or writes personal data. An Actor is a value, never ambient state: a
// function cannot act as someone the caller did not name.
#pragma once

#include "users/role.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace imi {

class Session;

// The reserved name of the built-in cron actor; no user may be called so.
inline constexpr const char* system_actor_name = "system";

struct Actor {
  enum class Kind {
    anonymous, // no --as / IMICTL_USER (personal mode)
    unknown,   // a name that matches no user
    inactive,  // a locked or deleted user
    user,      // a user who can act
    system,    // cron: purge, notify send, user issue-credentials
  };
  Kind kind = Kind::anonymous;
  std::int64_t user_id = 0; // 0 unless kind is user or inactive
  std::string username;     // as resolved; for unknown, the name given
  std::string status;       // of an inactive user: locked or deleted
  std::int64_t authority_id = 0;
  std::set<Role> roles; // basic for every user who can act

  bool is_system() const { return kind == Kind::system; }
  bool can_act() const { return kind == Kind::user || kind == Kind::system; }
  bool has(Role r) const { return can_act() && roles.count(r) > 0; }
  // The name the audit log records: "(none)" when nobody was named.
  std::string audit_name() const { return username.empty() ? "(none)" : username; }
};

// The acting user of this command. Personal mode: the user named by --as /
// IMICTL_USER (anonymous when none). Shared mode ([security] identity = "os"):
// the user linked to the invoking OS account (SUDO_USER, else the real uid);
// --as naming anyone else, or an unlinked account, is PermissionError (4).
// Never throws for an unknown or inactive name: require() refuses those, so
// that the refusal is audited in one place.
Actor identify(Session& session);

// The built-in actor of cron-run commands, for the own authority.
Actor system_actor(Session& session);

} // namespace imi
