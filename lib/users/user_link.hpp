// Shared mode (SPEC §5): linking an imictl user to the OS account that acts
// as them through sudo. An LDA of the user's authority links and unlinks;
// one OS account acts as at most one user.
#pragma once

#include "access/actor.hpp"
#include "users/user_store.hpp"

#include <string_view>

namespace imi {

class Session;

// The OS account must exist on this machine (getpwnam) and be free; a
// deleted user cannot be linked. Audited as user.link.
UserView link_os_user(Session& session, const Actor& actor, std::string_view user, std::string_view os_login);
// Audited as user.unlink; a user without a link is left alone (a note).
UserView unlink_os_user(Session& session, const Actor& actor, std::string_view user);

} // namespace imi
