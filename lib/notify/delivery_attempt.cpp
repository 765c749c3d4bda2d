// One mail of `notify send`: committed as `sending` before the hand-off, then marked sent,
// deferred or failed with its audit entry; this order is the at-most-once guarantee.
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "notify/backoff.hpp"
#include "notify/delivery_internal.hpp"
#include "notify/mime.hpp"
#include "notify/outbox.hpp"
#include "notify/transport_failure.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdlib>
#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

namespace imi::delivery {
namespace {

std::string message_id(std::int64_t outbox_id, const std::string& from_address)
{
  if (sodium_init() < 0) throw FailureError(_("libsodium could not be initialised"));
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return fmt::format("imictl.{}.{}@{}", outbox_id, hex, from_address.substr(from_address.find('@') + 1));
}

std::optional<Row> load_row(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, "SELECT kind, user_id, recipient, cc, language, subject, body, attempts, state "
                          "FROM outbox WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  Row r;
  r.id = id;
  r.kind_slug = q.getColumn(0).getString();
  if (!q.getColumn(1).isNull()) r.user_id = q.getColumn(1).getInt64();
  r.recipient = q.getColumn(2).getString();
  if (!q.getColumn(3).isNull()) r.cc = q.getColumn(3).getString();
  r.language = q.getColumn(4).getString();
  r.subject = q.getColumn(5).getString();
  if (!q.getColumn(6).isNull()) r.body = q.getColumn(6).getString();
  r.attempts = q.getColumn(7).getInt64();
  r.state = q.getColumn(8).getString();
  return r;
}

} // namespace

std::optional<DeliveryItem> Deliverer::deliver(std::int64_t id)
{
  std::string secret, body;
  mime::Mailbox to;
  std::optional<Row> row;
  std::string audit_object = fmt::format("outbox:{}", id);
  {
    WriteTransaction tx(db_);
    row = load_row(db_, id);
    if (!row || row->state != "pending") return std::nullopt; // changed since it was selected
    to.address = row->recipient;
    const auto kind = parse_mail_kind(row->kind_slug);
    if (kind && carries_secret(*kind)) {
      if (auto refusal = prepare_secret(*row, *kind, secret, body, to)) {
        finish(*row, false, refusal->error, /*give_up=*/true);
        tx.commit();
        return item(*row, "failed", refusal->shown(), std::nullopt);
      }
    } else if (row->body) {
      body = *row->body;
    } else {
      const auto no_body = transport_failure::described(true, N_("the mail has no body"));
      finish(*row, false, no_body.error, true);
      tx.commit();
      return item(*row, "failed", no_body.shown(), std::nullopt);
    }
    SQLite::Statement mark(db_, "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?");
    mark.bind(1, id);
    mark.exec();
    tx.commit(); // `sending` is durable before anything leaves the process
  }
  row->attempts += 1;

  mime::Message message;
  message.from = from_;
  message.to = to;
  if (row->cc) message.cc = mime::Mailbox{own_.display_name(), *row->cc};
  message.subject = row->subject;
  message.body = body;
  message.language = row->language;
  message.date = session_.now();
  message.message_id = message_id(id, from_.address);
  std::string formatted = mime::format_message(message);
  DeliveryOutcome outcome;
  try {
    outcome = transport_.deliver({from_.address, mime::envelope_recipients(message)}, formatted);
  } catch (const std::exception& e) {
    outcome = {false, e.what()};
  }
  wipe(secret);
  wipe(body);
  wipe(message.body);
  wipe(formatted);
  // Test hook for the crash guarantee (see imictl-notify(1)): die between
  // hand-off and mark, as a power cut would.
  if (outcome.ok && std::getenv("IMICTL_TEST_CRASH_AFTER_SEND")) _exit(70);

  WriteTransaction tx(db_);
  if (outcome.ok) {
    finish(*row, true, {}, false);
    tx.commit();
    return item(*row, "sent", std::nullopt, std::nullopt);
  }
  // A permanent refusal (SMTP 5xx) would be refused again: no retries.
  const RetryDecision decision = outcome.permanent ? RetryDecision{true, 0}
                                                   : decide_retry(static_cast<int>(row->attempts),
                                                                  settings_.max_attempts, session_.now());
  finish(*row, false, outcome.error, decision.give_up, decision.next_attempt_at);
  tx.commit();
  if (decision.give_up) return item(*row, "failed", outcome.shown(), std::nullopt);
  return item(*row, "deferred", outcome.shown(), util::format_iso8601(decision.next_attempt_at));
}

void Deliverer::finish(const Row& row, bool sent, const std::string& error, bool give_up,
                       util::Instant next_attempt_at)
{
  const std::string now = session_.now_iso();
  const std::string object = fmt::format("outbox:{}", row.id);
  const std::string to_whom =
      row.user_id ? (username_.empty() ? "a user" : "user:" + username_) : std::string("an address");
  if (sent) {
    SQLite::Statement q(db_, "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?");
    q.bind(1, now);
    q.bind(2, row.id);
    q.exec();
    const auto kind = parse_mail_kind(row.kind_slug);
    if (kind && carries_secret(*kind) && row.user_id) {
      SQLite::Statement u(db_, "UPDATE user SET credentials_issued_at = ? WHERE id = ?");
      u.bind(1, now);
      u.bind(2, *row.user_id);
      u.exec();
    }
    append_audit(db_, session_.now(), system_actor_name, "mail.sent", object,
                 fmt::format("{} mail to {} handed over (attempt {})", row.kind_slug, to_whom, row.attempts));
    return;
  }
  SQLite::Statement q(db_, "UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ? WHERE id = ?");
  q.bind(1, give_up ? "failed" : "pending");
  q.bind(2, error);
  q.bind(3, give_up ? now : util::format_iso8601(next_attempt_at));
  q.bind(4, row.id);
  q.exec();
  append_audit(db_, session_.now(), system_actor_name, give_up ? "mail.failed" : "mail.deferred", object,
               fmt::format("{} mail to {} not delivered (attempt {}): {}", row.kind_slug, to_whom,
                           row.attempts, error));
}

DeliveryItem Deliverer::item(const Row& row, const char* outcome, std::optional<std::string> error,
                             std::optional<std::string> next)
{
  username_.clear();
  return {row.id, row.kind_slug, row.recipient, outcome, row.attempts, std::move(next), std::move(error)};
}

} // namespace imi::delivery
