// imictl init: a new database with the own authority and its first user,
// who gets the roles lda and handler like the guide's "eerste gebruiker".
#pragma once

#include "authority/authority.hpp"

#include <string>
#include <vector>

namespace imi {

class Session;

struct InitInput {
  AuthorityInput authority;
  std::string first_name, last_name, user_email, user_language = "nl";
  // Services (keywords) of the first user's handler role; also selected for
  // the authority. Without them the handler receives no requests (H6.2).
  std::vector<std::string> services;
};

struct InitResult {
  std::int64_t authority_id = 0;
  std::string username;
};

// ConflictError (5) when the database already has an own authority; nothing
// is changed then.
InitResult initialise(Session& session, const InitInput& input);

} // namespace imi
