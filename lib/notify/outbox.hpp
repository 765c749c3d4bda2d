// The outbox: every mail the system sends is queued here first (schema
// 004_outbox.sql) and delivered by `imictl notify send` (notify/delivery.hpp).
// The authority's own address always gets a cc (guide H2.2).
//
// States: pending -> sending -> sent, or back to pending with a later
// next_attempt_at after a failed attempt, or failed after the last attempt.
// A row is marked `sending` (committed) before the mail is handed over; a
// row still `sending` when the next `notify send` starts was interrupted and
// becomes failed, never silently resent (at most once; `notify retry`).
#pragma once

#include "access/actor.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

enum class MailKind {
  credentials,    // temporary password after 24 h; body composed at delivery
  password_reset, // new temporary password; body composed at delivery
  message,        // body stored as given (request notifications, ...)
};

// "credentials", "password_reset", "message": the outbox.kind column.
const char* mail_kind_slug(MailKind kind);
// Mails whose body is composed at delivery because it carries a secret.
bool carries_secret(MailKind kind);
std::optional<MailKind> parse_mail_kind(const std::string& slug);

// Queues a mail to a user of the own authority, in the user's language
// (Dutch for "nl", else English), cc the own authority's address when set.
// For credentials/password_reset no body is stored: the secret is generated
// and the text composed when `notify send` delivers it; an empty subject
// gets the standard one. A newer secret mail replaces an older one to the
// same user that has not been sent yet (only the latest password works).
// Must be called inside the caller's write transaction; writes no audit
// entry (the caller's action does). Returns the outbox id.
// Throws NotFoundError for an unknown user, InvalidInputError for a message
// without subject or body, or a user whose e-mail is not an address.
std::int64_t enqueue_user_mail(Session& session, std::int64_t user_id, MailKind kind,
                               const std::string& subject = {}, const std::string& body = {});

// After the user's e-mail address or language changed: an unsent
// credentials or password-reset mail is queued again for the new address,
// in the new language (it replaces the old one). Inside the caller's write
// transaction. Returns the new outbox id, if there was such a mail.
std::optional<std::int64_t> readdress_user_mail(Session& session, std::int64_t user_id);

// Queues a message to any address (e.g. a new request to the authority
// address, B3), cc the own authority's address unless it is the recipient.
// Same transaction rule as above.
std::int64_t enqueue_mail(Session& session, const std::string& recipient, const std::string& language,
                          const std::string& subject, const std::string& body,
                          std::optional<std::int64_t> request_id = std::nullopt);

// Queues a request notification (B3) to `recipient`, cc the address of the
// authority it concerns (which may not be the own one: both authorities of a
// request live in one database) unless it is the recipient. `user_id` names
// the user it goes to, if any. Same transaction rule as above.
std::int64_t enqueue_authority_mail(Session& session, std::int64_t cc_authority_id,
                                    const std::string& recipient, const std::string& language,
                                    const std::string& subject, const std::string& body,
                                    std::optional<std::int64_t> request_id,
                                    std::optional<std::int64_t> user_id = std::nullopt);

struct OutboxEntry {
  std::int64_t id = 0;
  std::string created_at;
  std::string kind;
  std::optional<std::string> username; // null for mails not to a user
  std::optional<std::int64_t> request_id;
  std::string recipient;
  std::optional<std::string> cc;
  std::string language;
  std::string subject;
  std::string state;
  std::int64_t attempts = 0;
  std::string next_attempt_at;
  std::optional<std::string> last_error;
  std::optional<std::string> sent_at;
};

enum class OutboxView {
  unsent,  // pending, sending and failed (the default of `notify list`)
  pending, // pending and sending
  failed,
  all,
};
// Oldest first; streams so a long history never sits in memory.
void list_outbox(SQLite::Database& db, OutboxView view, const std::function<void(const OutboxEntry&)>& each);

// Puts failed mails back in the queue (attempts reset, due now), each with an
// audit entry `mail.retry`. The actor needs Permission::retry_notifications
// in the own authority (an lda). `ids` empty and `all_failed`: every failed
// mail. Throws NotFoundError for an unknown id, ConflictError for a mail that
// is not failed. Own transaction. Returns the ids requeued.
std::vector<std::int64_t> retry_failed_mail(Session& session, const Actor& actor,
                                            const std::vector<std::int64_t>& ids, bool all_failed);

} // namespace imi
