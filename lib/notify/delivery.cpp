// The `notify send` run: the lock, the rows a dead run left `sending`, the due
// mails in order, and the report; each mail itself goes through delivery_attempt.cpp.
#include "notify/delivery.hpp"

#include "access/permissions.hpp"
#include "authority/own_authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "notify/delivery_internal.hpp"
#include "notify/mail_settings.hpp"
#include "notify/mime.hpp"
#include "notify/transport_failure.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
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
    if (fd_ < 0) throw FailureError(_f("cannot open the lock file {}: {}", path, std::strerror(errno)));
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

std::string describe_settings(const MailSettings& s)
{
  if (s.transport == "smtp") return transport_failure::redacted_url(s.smtp_url);
  if (s.transport == "sendmail") return "sendmail (" + s.sendmail_command + ")";
  return "none";
}

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
                     "interrupted", q.getColumn(3).getInt64(), std::nullopt, _(interrupted_delivery_error)});
  for (auto& item : found) {
    if (!dry_run) {
      SQLite::Statement mark(db, "UPDATE outbox SET state = 'failed', last_error = ? WHERE id = ?");
      mark.bind(1, interrupted_delivery_error);
      mark.bind(2, item.id);
      mark.exec();
      append_audit(db, session.now(), system_actor_name, "mail.interrupted",
                   fmt::format("outbox:{}", item.id),
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

using namespace delivery;

DeliveryReport deliver_outbox(Session& session, const Actor& actor, const DeliveryOptions& options,
                              Transport* transport)
{
  auto& db = session.db(options.dry_run ? Access::read_only : Access::read_write);
  const OwnAuthority own = load_own_authority(db);
  require(session, actor, Permission::send_notifications, own.id, "outbox");
  const MailSettings settings = read_mail_settings(session.config());

  DeliveryReport report;
  report.transport = transport ? transport->describe() : describe_settings(settings);
  const bool queue_only = !transport && settings.transport == "none";
  std::unique_ptr<Transport> configured;
  std::optional<mime::Mailbox> from;
  if (!options.dry_run && !queue_only) {
    // Configuration problems surface before any row changes state.
    from = mail_sender(settings, own);
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
