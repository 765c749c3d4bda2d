// Granting and revoking roles (guide H5 stap 2, H6.2). `basic` is implied
// for every user and never stored; `handler` needs at least one service
// (keyword); the last `lda` of an authority cannot go.
#pragma once

#include "access/actor.hpp"
#include "users/role.hpp"
#include "users/user_store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;
class Reporter;

// Adds roles and services to a user inside the caller's transaction; the
// checks of grant_roles without permission and audit. Used by `user add`.
void apply_grant(SQLite::Database& db, const UserRef& user, const std::vector<Role>& roles,
                 const std::vector<std::string>& services);

// The advice of H6.2 and B3 after a change that touched these roles: fewer
// than two LDAs when lda changed hands, allocators while allocation is off
// when allocator did. Untouched roles stay quiet, so a script granting a
// hundred handlers does not repeat the same advice a hundred times
// (`imictl check` reports the whole set-up).
void warn_about_role_setup(SQLite::Database& db, std::int64_t authority_id, const std::vector<Role>& touched,
                           Reporter& reporter);

// role grant USER ROLE... [--service KW]...
UserView grant_roles(Session& session, const Actor& actor, std::string_view user,
                     const std::vector<std::string>& roles, const std::vector<std::string>& services);
// role revoke USER ROLE...; revoking handler drops the user's services.
// `dry_run`: every check, the user as the revoke would leave them, no change.
UserView revoke_roles(Session& session, const Actor& actor, std::string_view user,
                      const std::vector<std::string>& roles, bool dry_run = false);

struct RoleRow {
  std::string username, role, status;
  std::vector<std::string> services; // for handler
};
// role list [USER]: one row per user and granted role, basic included.
void list_roles(Session& session, const Actor& actor, const std::optional<std::string>& user,
                const std::function<void(const RoleRow&)>& sink);
// role who ROLE: the users holding it (basic: everyone not deleted).
void users_with_role(Session& session, const Actor& actor, std::string_view role,
                     const std::function<void(const RoleRow&)>& sink);

} // namespace imi
