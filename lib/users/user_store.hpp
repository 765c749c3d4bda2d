// Reading users: finding one by username or e-mail, loading the full view
// (roles, services, departments) and turning it into the JSON/table record of
// SPEC §1. Every command on users goes through find_user, so "unknown user"
// reads the same everywhere.
#pragma once

#include "authority/own_authority.hpp"
#include "core/output.hpp"
#include "users/role.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imi {

struct UserRef {
  std::int64_t id = 0;
  std::int64_t authority_id = 0;
  std::string username;
  std::string status;
};

// USER is a username or an e-mail address (case-insensitive). A deleted user
// is found by username only. Unknown: NotFoundError with the nearest username.
UserRef find_user(SQLite::Database& db, std::string_view user);
std::optional<UserRef> try_find_user(SQLite::Database& db, std::string_view user);
// The username closest to `user` (an e-mail's local part counts), if any.
std::optional<std::string> nearest_username(SQLite::Database& db, std::string_view user);

struct UserView {
  std::int64_t id = 0;
  std::string username, first_name, last_name, email, language, status, authority, created_at, updated_at;
  std::optional<std::string> phone, function, last_login_at;
  std::optional<std::string> os_user; // shared mode: the linked OS account
  bool functional = false;
  std::vector<std::string> roles, services, departments;
};

UserView load_user_view(SQLite::Database& db, std::int64_t user_id);

// The scalar columns of a user view, for "SELECT <these>, ... FROM user u
// JOIN authority a ON a.id = u.authority_id"; read_user_columns reads them
// back from the first user_view_column_count columns of a row.
extern const char* const user_view_columns;
constexpr int user_view_column_count = 15;
void read_user_columns(SQLite::Statement& row, UserView& into);

// Every user is a basic user (SPEC §2); the role is implied, never stored,
// and shown first so "no other role" never reads as "no role". A deleted
// user holds none. What every listing of a user's roles shows.
std::vector<std::string> shown_roles(const UserView& user);

// The columns of the JSON/CSV user record, in order.
const std::vector<std::string>& user_record_columns();
Record user_record(const UserView& user);

// Users of an authority who hold a role and can receive mail (pending or
// active), by username: the recipients of request notifications (B3).
struct MailRecipient {
  std::int64_t id = 0;
  std::string username, email, language;
};
std::vector<MailRecipient> users_with_role(SQLite::Database& db, std::int64_t authority_id, Role role);
std::optional<MailRecipient> mail_recipient(SQLite::Database& db, std::int64_t user_id);
// Users holding lda who can act (pending or active: not locked, not
// deleted), leaving out `except_user_id`: "who would remain if this one went".
// A locked LDA administers nothing, so the last-LDA rule counts only these.
std::int64_t count_usable_ldas(SQLite::Database& db, std::int64_t authority_id,
                               std::int64_t except_user_id = 0);

} // namespace imi
