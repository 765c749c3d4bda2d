// imictl init: a new database with the own authority and its first user,
// the guide's first local data administrator (H6.2). Given services, that
// user is also a handler, as the guide's administrator is (H4.3); without
// them the handler role waits, since a handler without services receives no
// requests and `imictl check` reports it.
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
  std::vector<std::string> roles; // besides basic: lda, and handler with services
};

// ConflictError (5) when the database already has an own authority; nothing
// is changed then. Any failure leaves an existing file as it was and removes
// a file init created; the key file is made before the database is kept.
InitResult initialise(Session& session, const InitInput& input);

} // namespace imi
