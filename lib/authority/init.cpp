#include "authority/init.hpp"

#include "authority/authority_details.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "users/security_code.hpp"
#include "users/username.hpp"

#include <SQLiteCpp/Statement.h>
#include <filesystem>
#include <fmt/format.h>

namespace imi {
namespace {
InitResult create_own_authority(Session& session, const InitInput& in, const AuthorityInput& authority,
                                const std::string& first, const std::string& last, const std::string& email,
                                const std::string& language);
} // namespace

InitResult initialise(Session& session, const InitInput& in)
{
  // Validate everything before the database file is even created.
  const AuthorityInput authority = validate_authority_input(in.authority);
  const std::string first = check_text("first-name", in.first_name, true);
  const std::string last = check_text("last-name", in.last_name, true);
  const std::string email = check_email("user-email", in.user_email);
  const std::string language = check_language("user-language", in.user_language);

  // A failed first init leaves no half-made database file behind.
  const bool existed = std::filesystem::exists(session.database_path());
  try {
    return create_own_authority(session, in, authority, first, last, email, language);
  } catch (...) {
    if (!existed) {
      session.close_db();
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(session.database_path() + suffix);
    }
    throw;
  }
}

namespace {

InitResult create_own_authority(Session& session, const InitInput& in, const AuthorityInput& authority,
                                const std::string& first, const std::string& last, const std::string& email,
                                const std::string& language)
{
  auto& db = session.db(Access::create);
  WriteTransaction tx(db);
  SQLite::Statement own(db, "SELECT name FROM authority WHERE is_own = 1");
  if (own.executeStep())
    throw ConflictError(fmt::format("database {} is already initialised for '{}'", session.database_path(),
                                    own.getColumn(0).getString()),
                        {"use --db to create another database"});
  InitResult result;
  const std::string now = session.now_iso();
  result.authority_id = insert_authority(db, authority, true, now);
  result.username = generate_username(db, first, last);
  SQLite::Statement user(db,
                         "INSERT INTO user (authority_id, username, first_name, last_name, email, language, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  user.bind(1, result.authority_id);
  user.bind(2, result.username);
  user.bind(3, first);
  user.bind(4, last);
  user.bind(5, email);
  user.bind(6, language);
  user.bind(7, now);
  user.bind(8, now);
  user.exec();
  const std::int64_t user_id = db.getLastInsertRowid();
  db.exec(
      fmt::format("INSERT INTO user_role (user_id, role) VALUES ({0}, 'lda'), ({0}, 'handler')", user_id));
  for (const auto& service : in.services) {
    const std::string keyword = resolve_keyword(db, service);
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
               fmt::format("created own authority and first user {} (lda, handler)", result.username));
  tx.commit();
  // The key that seals security codes lives beside the database, not in it.
  ensure_key_file(security_key_path(session));
  return result;
}

} // namespace

} // namespace imi
