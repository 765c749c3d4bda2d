// Listing users with filters in one query: roles, services and departments
// are aggregated in SQL and each row is handed to the caller as soon as it is
// read, so 50,000 users stream through the renderer without piling up.
#pragma once

#include "access/actor.hpp"
#include "users/user_store.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace imi {

// The user states of SPEC §1, lower-cased; InvalidInputError (6) otherwise.
std::string check_user_status(std::string_view status);

struct UserFilter {
  std::optional<std::string> role;       // any accepted spelling; basic = everyone
  std::optional<std::string> status;     // pending|active|locked|deleted
  std::optional<std::string> department; // name, case-insensitive
  std::optional<std::string> text;       // substring of username, names or e-mail
  bool include_deleted = false;          // implied by status=deleted
  std::int64_t authority_id = 0;         // 0: every authority in the database
};

// Validates the filter first: an unknown role or department is NotFoundError
// (exit 3) with the nearest match, a bad status InvalidInputError (6).
void list_users(SQLite::Database& db, const UserFilter& filter,
                const std::function<void(const UserView&)>& sink);

class Session;
// `user list`: the users of the own authority, for any user of it.
void list_own_users(Session& session, const Actor& actor, UserFilter filter,
                    const std::function<void(const UserView&)>& sink);
// `user show`: one user, for any user of the same authority.
UserView show_user(Session& session, const Actor& actor, std::string_view user);

} // namespace imi
