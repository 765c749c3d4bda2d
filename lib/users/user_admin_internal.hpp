// What the user administration files share (user_add_edit.cpp,
// user_lifecycle.cpp): resolving the user a command acts on. Not for other users.
#pragma once

#include "access/permissions.hpp"
#include "core/error.hpp"
#include "users/user_store.hpp"
#include "util/i18n.hpp"

#include <fmt/format.h>
#include <string_view>
#include <utility>

namespace imi::user_admin {

// Resolves the target and checks that the actor may manage it.
struct Target {
  UserRef user;
  const Actor& actor;
};
inline Target manage(Session& session, const Actor& actor, SQLite::Database& db, std::string_view user,
                     Permission permission)
{
  UserRef ref = find_user(db, user);
  require(session, actor, permission, ref.authority_id, "user:" + ref.username);
  return {std::move(ref), actor};
}

// The same, for operations that make no sense on a deleted user (conflict).
inline Target manage_live(Session& session, const Actor& actor, SQLite::Database& db, std::string_view user,
                          Permission permission)
{
  Target t = manage(session, actor, db, user, permission);
  if (t.user.status == "deleted") throw ConflictError(_f("user '{}' is deleted", t.user.username));
  return t;
}

} // namespace imi::user_admin
