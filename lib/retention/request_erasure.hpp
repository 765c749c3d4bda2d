// The writes of purge: blocking and deleting a batch of requests, wiping a
// batch of deleted users. Each function runs inside the caller's write
// transaction and is idempotent, so a batch cut short by a crash is simply
// done again by the next run. A batch is a JSON array of row ids ("[4,7]"),
// read by SQLite's json_each in every statement.
#pragma once

#include <SQLiteCpp/Database.h>
#include <string>

namespace imi::retention {

// Makes the requests invisible to everyone but an LDA who gives a reason.
void block_requests(SQLite::Database& db, const std::string& ids);

// Deletes the content and personal data of the requests and leaves a
// tombstone: reference, authorities, state, every timestamp, the assignees
// and the history without its comments, so that the scoreboard reads the
// same. Gone: subject, motivation, the text of free questions (questions of
// a shipped set are not personal and stay), every answer, the provider's
// personal data, the attachments, history comments, and the subject and body
// of every mail about the request (mail still queued is marked failed).
void erase_requests(SQLite::Database& db, const std::string& ids, const std::string& now);

// Wipes names, addresses and sign-in data of deleted users and the mails to
// them; the row stays for the foreign keys and the usernames in history and
// audit log.
void wipe_users(SQLite::Database& db, const std::string& ids, const std::string& now);

} // namespace imi::retention
