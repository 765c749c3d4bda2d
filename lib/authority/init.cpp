#include "authority/init.hpp"

#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "users/security_code.hpp"
#include "users/username.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

InitResult initialise(Session& session, const InitInput& in)
{
  // Validate everything before the database file is even created.
  const AuthorityInput authority = validate_authority_input(in.authority);
  const std::string first = check_text("first-name", in.first_name, true);
  const std::string last = check_text("last-name", in.last_name, true);
  const std::string email = check_email("user-email", in.user_email);
  const std::string language = check_language("user-language", in.user_language);

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
  SQLite::Statement user(db, "INSERT INTO user (authority_id, username, first_name, last_name, email, language, "
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
  db.exec(fmt::format("INSERT INTO user_role (user_id, role) VALUES ({0}, 'lda'), ({0}, 'handler')", user_id));
  append_audit(db, session.now(), system_actor, "init", fmt::format("authority:{}", result.authority_id),
               fmt::format("created own authority and first user {} (lda, handler)", result.username));
  tx.commit();
  // The key that seals security codes lives beside the database, not in it.
  ensure_key_file(security_key_path(session));
  return result;
}

} // namespace imi
