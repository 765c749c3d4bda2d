// `imictl notify send`: delivers the due mail of the outbox, as the `system`
// actor (cron).
//
// Guarantee (at most once, never silently twice): each mail is marked
// `sending` and committed before it is handed to the transport, and `sent`
// after the hand-off succeeded. A crash in between leaves it `sending`; the
// next run moves such a row to `failed` ("delivery interrupted; may or may
// not have been sent") and reports it, and only `notify retry` requeues it.
// A failed hand-off goes back to `pending` with a later next_attempt_at
// (backoff.hpp) until mail.max_attempts, then `failed`. Nothing is deleted.
//
// Credentials and password-reset mails get a fresh temporary password at
// delivery: its argon2id hash is stored in user.temp_password_hash before
// the hand-off, the plaintext only ever lives in memory and the message.
#pragma once

#include "access/actor.hpp"
#include "notify/transport.hpp"
#include "util/i18n.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct DeliveryOptions {
  std::int64_t limit = 0; // 0 = every due mail
  bool dry_run = false;   // report what is due; change nothing, send nothing
};

struct DeliveryItem {
  std::int64_t id = 0;
  std::string kind;
  std::string recipient;
  // sent | deferred (will be retried) | failed (gave up) | interrupted |
  // due (dry run) | queued (transport none)
  std::string outcome;
  std::int64_t attempts = 0;
  std::optional<std::string> next_attempt_at;
  std::optional<std::string> error; // in the interface language (stored in English)
};

struct DeliveryReport {
  std::string transport; // describe() of the transport, or "none"
  bool busy = false;     // another `notify send` holds the lock; nothing done
  std::vector<DeliveryItem> items;
  std::int64_t sent = 0, deferred = 0, failed = 0, interrupted = 0, due = 0, queued = 0;
  bool any_failure() const { return deferred + failed + interrupted > 0; }
};

// `transport` overrides the configured one (unit tests); null: from config.
DeliveryReport deliver_outbox(Session& session, const Actor& actor, const DeliveryOptions& options,
                              Transport* transport = nullptr);

// last_error of a row found `sending` by a later run (stored in English,
// shown translated).
inline constexpr const char* interrupted_delivery_error =
    N_("delivery interrupted; may or may not have been sent");

} // namespace imi
