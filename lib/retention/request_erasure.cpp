#include "retention/request_erasure.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi::retention {
namespace {

#define IMI_BATCH "(SELECT value FROM json_each(:ids))"

// Mail still waiting would go out empty: it is failed instead, with a fixed
// reason (the outbox keeps no free text about a failure).
#define IMI_FAIL_WAITING_MAIL                                                                                \
  "state = CASE WHEN state IN ('pending', 'sending') THEN 'failed' ELSE state END, "                         \
  "last_error = CASE WHEN state IN ('pending', 'sending') THEN 'purged' ELSE last_error END"

void run(SQLite::Database& db, const char* sql, const std::string& ids, const std::string* now = nullptr)
{
  SQLite::Statement q(db, sql);
  q.bind(":ids", ids);
  if (now) q.bind(":now", *now);
  q.exec();
}

} // namespace

void block_requests(SQLite::Database& db, const std::string& ids)
{
  run(db, "UPDATE request SET blocked = 1, version = version + 1 WHERE id IN " IMI_BATCH, ids);
}

void erase_requests(SQLite::Database& db, const std::string& ids, const std::string& now)
{
  static const char* const steps[] = {
      "DELETE FROM request_personal_data WHERE request_id IN " IMI_BATCH,
      "DELETE FROM request_attachment WHERE request_id IN " IMI_BATCH,
      // A question copied from a shipped set is the set's text, not the
      // requester's; anything else was typed for this case.
      "UPDATE request_question SET answer_text = NULL, standard_answer = NULL, "
      "text = CASE WHEN text IN (SELECT text_nl FROM question_set_question "
      "UNION ALL SELECT text_en FROM question_set_question) THEN text ELSE '' END "
      "WHERE request_id IN " IMI_BATCH,
      "UPDATE request_history SET comment = NULL WHERE request_id IN " IMI_BATCH " AND comment IS NOT NULL",
      "UPDATE outbox SET subject = '', body = NULL, " IMI_FAIL_WAITING_MAIL " WHERE request_id IN " IMI_BATCH,
  };
  for (const char* sql : steps)
    run(db, sql, ids);
  // Last, so that a request is found again by the next run until all of it
  // is gone (the transaction makes that moot; the order keeps it obvious).
  run(db,
      "UPDATE request SET subject = '', motivation = '', blocked = 1, purged_at = :now, "
      "version = version + 1 WHERE id IN " IMI_BATCH,
      ids, &now);
}

void wipe_users(SQLite::Database& db, const std::string& ids, const std::string& now)
{
  run(db,
      "UPDATE outbox SET recipient = '', subject = '', body = NULL, " IMI_FAIL_WAITING_MAIL
      " WHERE user_id IN " IMI_BATCH,
      ids);
  run(db,
      "UPDATE user SET first_name = '', last_name = '', email = '', phone = NULL, function = NULL, "
      "os_user = NULL, password_hash = NULL, temp_password_hash = NULL, security_code_sealed = NULL, "
      "purged_at = :now WHERE id IN " IMI_BATCH,
      ids, &now);
}

#undef IMI_BATCH
#undef IMI_FAIL_WAITING_MAIL

} // namespace imi::retention
