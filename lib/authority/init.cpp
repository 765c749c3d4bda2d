#include "authority/init.hpp"

#include "authority/authority_details.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "users/security_code.hpp"
#include "users/username.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace imi {
namespace {

struct CheckedInit {
  AuthorityInput authority;
  std::string first, last, email, language;
};

InitResult fill_own_authority(Session& session, SQLite::Database& db, const InitInput& in,
                              const CheckedInit& c);

} // namespace

InitResult initialise(Session& session, const InitInput& in)
{
  // Validate everything before the database file is even created.
  CheckedInit c{validate_authority_input(in.authority), check_text("first-name", in.first_name, true),
                check_text("last-name", in.last_name, true), check_email("user-email", in.user_email),
                check_language("user-language", in.user_language)};
  // Schema, content and key in one transaction: a failure leaves no
  // half-made database behind, and an existing file as it was.
  InitResult result;
  session.create_db([&](SQLite::Database& db) { result = fill_own_authority(session, db, in, c); });
  return result;
}

namespace {

InitResult fill_own_authority(Session& session, SQLite::Database& db, const InitInput& in,
                              const CheckedInit& c)
{
  SQLite::Statement own(db, "SELECT name FROM authority WHERE is_own = 1");
  if (own.executeStep())
    throw ConflictError(_f("database {} is already initialised for '{}'", session.database_path(),
                           own.getColumn(0).getString()),
                        {_("use --db to create another database")});
  InitResult result;
  const std::string now = session.now_iso();
  result.authority_id = insert_authority(db, c.authority, true, now);
  result.username = generate_username(db, c.first, c.last);
  SQLite::Statement user(db,
                         "INSERT INTO user (authority_id, username, first_name, last_name, email, language, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  user.bind(1, result.authority_id);
  user.bind(2, result.username);
  user.bind(3, c.first);
  user.bind(4, c.last);
  user.bind(5, c.email);
  user.bind(6, c.language);
  user.bind(7, now);
  user.bind(8, now);
  user.exec();
  const std::int64_t user_id = db.getLastInsertRowid();
  // A handler needs services (H6.2: "het vinkje Behandelaar aan te zetten en
  // diensten te selecteren"); without them the first user is only the local
  // data administrator, so a fresh set-up passes its own `imictl check`.
  result.roles = {"lda"};
  if (!in.services.empty()) result.roles.push_back("handler");
  for (const auto& role : result.roles)
    db.exec(fmt::format("INSERT INTO user_role (user_id, role) VALUES ({}, '{}')", user_id, role));
  for (const auto& service : in.services) {
    const std::string keyword = resolve_keyword(db, service, "--service");
    SQLite::Statement svc(db, "INSERT OR IGNORE INTO user_service (user_id, keyword) VALUES (?, ?)");
    svc.bind(1, user_id);
    svc.bind(2, keyword);
    svc.exec();
    SQLite::Statement own_kw(db,
                             "INSERT OR IGNORE INTO authority_keyword (authority_id, keyword) VALUES (?, ?)");
    own_kw.bind(1, result.authority_id);
    own_kw.bind(2, keyword);
    own_kw.exec();
  }
  append_audit(db, session.now(), system_actor_name, "init", fmt::format("authority:{}", result.authority_id),
               fmt::format("created own authority and first user {} ({})", result.username,
                           fmt::join(result.roles, ", ")));
  // The key that seals security codes lives beside the database, not in it.
  // Made before the commit: a database whose key cannot be made is not kept.
  ensure_key_file(security_key_path(session));
  return result;
}

} // namespace

} // namespace imi
