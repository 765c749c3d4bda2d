#include "notify/delivery.hpp"

#include "authority/own_authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "notify/backoff.hpp"
#include "notify/mime.hpp"
#include "notify/outbox.hpp"
#include "notify/templates.hpp"
#include "users/password_hash.hpp"
#include "users/permissions.hpp"

#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

namespace imi {
namespace {

// One `notify send` at a time: a second run must not take the first one's
// `sending` rows for interrupted ones. The lock dies with the process, so a
// crash never leaves it behind.
class SendLock {
public:
  explicit SendLock(const std::string& database_path)
  {
    const std::string path = database_path + ".notify-lock";
    fd_ = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
      throw FailureError(fmt::format("cannot open the lock file {}: {}", path, std::strerror(errno)));
    held_ = flock(fd_, LOCK_EX | LOCK_NB) == 0;
  }
  ~SendLock()
  {
    if (fd_ >= 0) close(fd_);
  }
  SendLock(const SendLock&) = delete;
  SendLock& operator=(const SendLock&) = delete;
  bool held() const { return held_; }

private:
  int fd_ = -1;
  bool held_ = false;
};

mime::Mailbox sender(const MailSettings& settings, const OwnAuthority& own)
{
  if (!settings.from.empty()) {
    auto parsed = mime::parse_mailbox(settings.from);
    if (!parsed) throw UsageError("mail.from is not an address or 'Name <address>': '" + settings.from + "'");
    return *parsed;
  }
  if (own.email && mime::is_plausible_address(*own.email)) return {own.display_name(), *own.email};
  throw FailureError("no sender address: set mail.from, or the authority e-mail with "
                     "'imictl authority edit --email ADDR'");
}

std::string message_id(std::int64_t outbox_id, const std::string& from_address)
{
  if (sodium_init() < 0) throw FailureError("libsodium could not be initialised");
  unsigned char random[8];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return fmt::format("imictl.{}.{}@{}", outbox_id, hex, from_address.substr(from_address.find('@') + 1));
}

std::string describe_settings(const MailSettings& s)
{
  if (s.transport == "smtp") return s.smtp_url;
  if (s.transport == "sendmail") return "sendmail (" + s.sendmail_command + ")";
  return "none";
}

// Wipes a string that held a secret before its memory is released.
void wipe(std::string& s)
{
  if (!s.empty()) sodium_memzero(s.data(), s.size());
  s.clear();
}

struct Row {
  std::int64_t id = 0;
  std::string kind_slug;
  std::optional<std::int64_t> user_id;
  std::string recipient;
  std::optional<std::string> cc;
  std::string language, subject;
  std::optional<std::string> body;
  std::int64_t attempts = 0;
  std::string state;
};

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

class Deliverer {
public:
  Deliverer(Session& session, SQLite::Database& db, const OwnAuthority& own, const MailSettings& settings,
            mime::Mailbox from, Transport& transport)
      : session_(session), db_(db), own_(own), settings_(settings), from_(std::move(from)),
        transport_(transport)
  {
  }

  std::optional<DeliveryItem> deliver(std::int64_t id)
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
          finish(*row, false, *refusal, /*give_up=*/true);
          tx.commit();
          return item(*row, "failed", *refusal, std::nullopt);
        }
      } else if (row->body) {
        body = *row->body;
      } else {
        finish(*row, false, "the mail has no body", true);
        tx.commit();
        return item(*row, "failed", "the mail has no body", std::nullopt);
      }
      SQLite::Statement mark(db_,
                             "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = ?");
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
    const RetryDecision decision =
        decide_retry(static_cast<int>(row->attempts), settings_.max_attempts, session_.now());
    finish(*row, false, outcome.error, decision.give_up, decision.next_attempt_at);
    tx.commit();
    if (decision.give_up) return item(*row, "failed", outcome.error, std::nullopt);
    return item(*row, "deferred", outcome.error, util::format_iso8601(decision.next_attempt_at));
  }

private:
  // Generates the temporary password, stores its hash and composes the body.
  // Returns why the mail cannot be sent, if so.
  std::optional<std::string> prepare_secret(const Row& row, MailKind kind, std::string& secret,
                                            std::string& body, mime::Mailbox& to)
  {
    if (!row.user_id) return std::string("the user no longer exists");
    SQLite::Statement u(db_, "SELECT username, first_name, last_name, status, password_hash IS NOT NULL "
                             "FROM user WHERE id = ?");
    u.bind(1, *row.user_id);
    if (!u.executeStep() || u.getColumn(3).getString() == "deleted")
      return std::string("the user no longer exists");
    const std::string username = u.getColumn(0).getString();
    if (kind == MailKind::credentials && u.getColumn(4).getInt() != 0)
      return fmt::format("user {} already has a password; credentials are no longer needed", username);
    SecretMailFields fields{u.getColumn(1).getString(), u.getColumn(2).getString(), own_.display_name(), {}};
    to.display_name = fields.first_name + " " + fields.last_name;
    secret = generate_temporary_password();
    const std::string hash =
        hash_password(secret, hash_profile(session_.config().text("security.hash_profile")));
    SQLite::Statement store(db_, "UPDATE user SET temp_password_hash = ? WHERE id = ?");
    store.bind(1, hash);
    store.bind(2, *row.user_id);
    store.exec();
    fields.temporary_password = secret;
    body = compose_secret_mail_body(kind, row.language, fields);
    wipe(fields.temporary_password);
    username_ = username;
    return std::nullopt;
  }

  void finish(const Row& row, bool sent, const std::string& error, bool give_up,
              util::Instant next_attempt_at = 0)
  {
    const std::string now = session_.now_iso();
    const std::string object = fmt::format("outbox:{}", row.id);
    const std::string to_whom =
        row.user_id ? (username_.empty() ? "a user" : "user:" + username_) : std::string("an address");
    if (sent) {
      SQLite::Statement q(db_,
                          "UPDATE outbox SET state = 'sent', sent_at = ?, last_error = NULL WHERE id = ?");
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
      append_audit(
          db_, session_.now(), system_actor, "mail.sent", object,
          fmt::format("{} mail to {} handed over (attempt {})", row.kind_slug, to_whom, row.attempts));
      return;
    }
    SQLite::Statement q(db_, "UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ? WHERE id = ?");
    q.bind(1, give_up ? "failed" : "pending");
    q.bind(2, error);
    q.bind(3, give_up ? now : util::format_iso8601(next_attempt_at));
    q.bind(4, row.id);
    q.exec();
    append_audit(db_, session_.now(), system_actor, give_up ? "mail.failed" : "mail.deferred", object,
                 fmt::format("{} mail to {} not delivered (attempt {}): {}", row.kind_slug, to_whom,
                             row.attempts, error));
  }

  DeliveryItem item(const Row& row, const char* outcome, std::optional<std::string> error,
                    std::optional<std::string> next)
  {
    username_.clear();
    return {row.id, row.kind_slug, row.recipient, outcome, row.attempts, std::move(next), std::move(error)};
  }

  Session& session_;
  SQLite::Database& db_;
  const OwnAuthority& own_;
  const MailSettings& settings_;
  mime::Mailbox from_;
  Transport& transport_;
  std::string username_; // of the mail in hand, for the audit summary
};

// Rows left `sending` by a run that died between hand-off and mark.
void fail_interrupted(Session& session, SQLite::Database& db, bool dry_run, DeliveryReport& report)
{
  std::optional<WriteTransaction> tx;
  if (!dry_run) tx.emplace(db);
  SQLite::Statement q(db,
                      "SELECT id, kind, recipient, attempts FROM outbox WHERE state = 'sending' ORDER BY id");
  std::vector<DeliveryItem> found;
  while (q.executeStep())
    found.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                     "interrupted", q.getColumn(3).getInt64(), std::nullopt, interrupted_delivery_error});
  for (auto& item : found) {
    if (!dry_run) {
      SQLite::Statement mark(db, "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?");
      mark.bind(1, interrupted_delivery_error);
      mark.bind(2, item.id);
      mark.exec();
      append_audit(db, session.now(), system_actor, "mail.interrupted", fmt::format("outbox:{}", item.id),
                   std::string(item.kind) + " mail: " + interrupted_delivery_error + "; not resent");
    }
    report.items.push_back(item);
    ++report.interrupted;
  }
  if (tx) tx->commit();
}

std::vector<std::pair<std::int64_t, DeliveryItem>> due_rows(Session& session, SQLite::Database& db,
                                                            std::int64_t limit)
{
  SQLite::Statement q(db, "SELECT id, kind, recipient, attempts FROM outbox WHERE state = 'pending' "
                          "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?");
  q.bind(1, session.now_iso());
  q.bind(2, limit > 0 ? limit : std::int64_t{-1});
  std::vector<std::pair<std::int64_t, DeliveryItem>> out;
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    out.push_back({id,
                   {id, q.getColumn(1).getString(), q.getColumn(2).getString(), "", q.getColumn(3).getInt64(),
                    std::nullopt, std::nullopt}});
  }
  return out;
}

} // namespace

DeliveryReport deliver_outbox(Session& session, const DeliveryOptions& options, Transport* transport)
{
  session.act_as_system();
  auto& db = session.db(options.dry_run ? Access::read_only : Access::read_write);
  const OwnAuthority own = load_own_authority(db);
  require(session, Permission::send_notifications, own.id, "outbox");
  const MailSettings settings = read_mail_settings(session.config());

  DeliveryReport report;
  report.transport = transport ? transport->describe() : describe_settings(settings);
  const bool queue_only = !transport && settings.transport == "none";
  std::unique_ptr<Transport> configured;
  std::optional<mime::Mailbox> from;
  if (!options.dry_run && !queue_only) {
    // Configuration problems surface before any row changes state.
    from = sender(settings, own);
    if (!transport) {
      configured = make_transport(settings);
      transport = configured.get();
    }
  }

  std::optional<SendLock> lock;
  if (!options.dry_run) {
    lock.emplace(session.database_path());
    if (!lock->held()) {
      report.busy = true;
      return report;
    }
  }
  fail_interrupted(session, db, options.dry_run, report);

  for (auto& [id, item] : due_rows(session, db, options.limit)) {
    if (options.dry_run || queue_only) {
      item.outcome = options.dry_run ? "due" : "queued";
      ++(options.dry_run ? report.due : report.queued);
      report.items.push_back(item);
      continue;
    }
    Deliverer deliverer(session, db, own, settings, *from, *transport);
    auto done = deliverer.deliver(id);
    if (!done) continue;
    if (done->outcome == "sent")
      ++report.sent;
    else if (done->outcome == "deferred")
      ++report.deferred;
    else
      ++report.failed;
    report.items.push_back(std::move(*done));
  }
  return report;
}

} // namespace imi
