// What the user administration files share (user_add_edit.cpp,
// user_lifecycle.cpp): resolving the user a command acts on. Not for other users.
#pragma once

#include "users/permissions.hpp"
#include "users/user_store.hpp"

#include <string_view>
#include <utility>

namespace imi::user_admin {

// Resolves the target and checks that the actor may manage it.
struct Target {
  UserRef user;
  Actor actor;
};
inline Target manage(Session& session, SQLite::Database& db, std::string_view user, Permission permission)
{
  UserRef ref = find_user(db, user);
  Actor actor = require(session, permission, ref.authority_id, "user:" + ref.username);
  return {std::move(ref), std::move(actor)};
}

} // namespace imi::user_admin
