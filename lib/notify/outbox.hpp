// The outbox: every mail the system sends is queued here first (schema
// 004_outbox.sql) and delivered by `imictl notify send`. The authority's own
// address always gets a cc (guide H2.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace imi {

class Session;

enum class MailKind {
  credentials,    // temporary password after 24 h; body composed at delivery
  password_reset, // new temporary password; body composed at delivery
  message,        // body stored as given (request notifications, ...)
};

// Queues a mail to a user of the own authority, in the user's language.
// For credentials/password_reset no body is stored: the secret is generated
// and the text composed when `notify send` delivers it.
// Must be called inside the caller's write transaction.
std::int64_t enqueue_user_mail(Session& session, std::int64_t user_id, MailKind kind,
                               const std::string& subject = {}, const std::string& body = {});

} // namespace imi
