// The local data administrator's work on users (guide H6.1, H6.2): create,
// edit, rename while pending, lock, unlock, reset the password, delete.
// Each function checks the permission table, writes one transaction with its
// audit entry, and returns the user as it now is. Defined in user_add_edit.cpp
// (add, edit) and user_lifecycle.cpp (the rest).
#pragma once

#include "access/actor.hpp"
#include "authority/authority.hpp"
#include "users/user_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct NewUser {
  std::string first_name, last_name, email, language = "nl";
  std::optional<std::string> phone, function;
  std::vector<std::string> departments, roles, services;
  // A functional account (a mailbox such as "Publieksbalie"): the first name
  // may be empty and the username is the folded name.
  bool functional = false;
  // Another authority (user add --authority): only its own LDA may add users.
  std::optional<std::int64_t> authority_id;
};
UserView add_user(Session& session, const Actor& actor, const NewUser& user);

// authority add --lda-first-name/--lda-last-name/--lda-email: registers the
// authority and its first LDA in one transaction, as the coordinator does
// (H5); that LDA then adds the authority's users. Needs an lda of the own
// authority. Returns the authority id.
std::int64_t register_authority_with_lda(Session& session, const Actor& actor,
                                         const AuthorityInput& authority, const NewUser& lda);

struct UserEdit {
  std::optional<std::string> first_name, last_name, email, language;
  std::optional<std::string> phone, function; // "" clears
  std::vector<std::string> add_departments, remove_departments;
};
// Mandatory fields (names, e-mail, language) of a user with open assigned
// requests cannot change: ConflictError.
UserView edit_user(Session& session, const Actor& actor, std::string_view user, const UserEdit& edit);

// Only while the user is pending (H6.1); the new name follows
// check_username_syntax and must be free.
UserView rename_user(Session& session, const Actor& actor, std::string_view user,
                     std::string_view new_username);

// The destructive changes below can be tried first: with `dry_run` every
// check runs and the user is returned as the change would leave them, and
// then the transaction is rolled back (no change, no audit entry, no mail).

// Soft delete: status 'deleted', roles, services and credentials removed,
// the e-mail free again. Refused for the last LDA and while the user has
// open assigned requests, unless they move to `reassign_to` (a handler).
// A delete is confirmed: `yes`, or a question on the terminal (declined:
// FailureError); with neither a UsageError, as for import --prune.
struct DeleteOptions {
  std::optional<std::string> reassign_to;
  bool dry_run = false;
  bool yes = false;
};
UserView delete_user(Session& session, const Actor& actor, std::string_view user,
                     const DeleteOptions& options);

// Undoes a delete within the retention period ([retention] delete_after,
// counted from the deletion; later purge has removed the personal data):
// the user is pending again with the basic role only, and gets a new
// temporary password from the next `user issue-credentials`. Conflict (5)
// when the e-mail address now belongs to another user.
UserView restore_user(Session& session, const Actor& actor, std::string_view user, bool dry_run = false);

UserView lock_user(Session& session, const Actor& actor, std::string_view user, bool dry_run = false);
// Back to active (or pending when the user never logged in); the failure
// count starts again.
UserView unlock_user(Session& session, const Actor& actor, std::string_view user);

// The password and the temporary password are cleared and a new temporary
// password is queued by mail (composed at delivery). The user then runs
// `user activate` again: temporary password, new password, new security
// code. A locked account is unlocked by the reset. Status stays pending or
// active.
UserView reset_user_password(Session& session, const Actor& actor, std::string_view user,
                             bool dry_run = false);

} // namespace imi
