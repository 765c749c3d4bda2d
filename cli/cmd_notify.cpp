// imictl notify list|send|retry: the outbox of queued mail (lib/notify).
#include "core/error.hpp"
#include "notify/delivery.hpp"
#include "notify/mail_list.hpp"
#include "notify/outbox.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

struct NotifyListOptions {
  bool pending = false, failed = false, all = false;
};

struct NotifySendOptions {
  std::int64_t limit = 0;
  bool dry_run = false;
};

struct NotifyRetryOptions {
  std::vector<std::int64_t> ids;
  bool all_failed = false;
};

void run_notify_list(const NotifyListOptions& o, Runtime& rt)
{
  const OutboxView view = o.pending  ? OutboxView::pending
                          : o.failed ? OutboxView::failed
                          : o.all    ? OutboxView::all
                                     : OutboxView::unsent;
  auto& out = rt.out();
  out.begin_list({"id", "created_at", "kind", "state", "username", "recipient", "cc", "language", "subject",
                  "attempts", "next_attempt_at", "last_error", "sent_at"});
  list_mail(rt.session(), rt.actor(), view, [&](const OutboxEntry& e) {
    out.row({{"id", e.id},
             {"created_at", e.created_at},
             {"kind", e.kind},
             {"state", e.state},
             {"username", e.username},
             {"recipient", e.recipient},
             {"cc", e.cc},
             {"language", e.language},
             {"subject", e.subject},
             {"attempts", e.attempts},
             {"next_attempt_at",
              e.state == "pending" ? std::optional<std::string>(e.next_attempt_at) : std::nullopt},
             {"last_error", e.last_error},
             {"sent_at", e.sent_at}});
  });
  out.end_list();
}

void run_notify_send(const NotifySendOptions& o, Runtime& rt)
{
  if (o.limit < 0) throw UsageError(_("--limit must be 0 (no limit) or more"));
  Session& s = rt.session();
  const DeliveryReport report = deliver_outbox(s, rt.system(), {o.limit, o.dry_run});
  if (report.busy) {
    rt.reporter().note(_("another 'imictl notify send' is running; nothing done"));
    return;
  }
  auto& out = rt.out();
  if (!report.items.empty() || rt.format() != Format::table) {
    out.begin_list({"id", "kind", "recipient", "outcome", "attempts", "next_attempt_at", "error"});
    for (const auto& i : report.items)
      out.row({{"id", i.id},
               {"kind", i.kind},
               {"recipient", i.recipient},
               {"outcome", i.outcome},
               {"attempts", i.attempts},
               {"next_attempt_at", i.next_attempt_at},
               {"error", i.error}});
    out.end_list();
  } else {
    // Silent under -q, so cron mails nobody about an empty queue.
    if (!rt.options.quiet) out.line(o.dry_run ? _("no mail is due") : _("no mail was due"));
  }

  if (report.queued > 0)
    rt.reporter().warning(_n("mail.transport is none: {} mail left queued in the outbox",
                             "mail.transport is none: {} mails left queued in the outbox",
                             static_cast<unsigned long>(report.queued), report.queued));
  if (report.sent > 0)
    rt.reporter().note(_n("{} mail handed to {}", "{} mails handed to {}",
                          static_cast<unsigned long>(report.sent), report.sent, report.transport));
  if (report.interrupted > 0)
    rt.reporter().warning(_n(
        "{} mail was interrupted during an earlier delivery and may or may not have arrived; marked failed, "
        "not resent (requeue with 'imictl notify retry')",
        "{} mails were interrupted during an earlier delivery and may or may not have arrived; marked "
        "failed, "
        "not resent (requeue with 'imictl notify retry')",
        static_cast<unsigned long>(report.interrupted), report.interrupted));
  for (const auto& i : report.items) {
    if (i.outcome != "deferred" && i.outcome != "failed") continue;
    const std::string error = i.error ? *i.error : std::string(_("unknown error"));
    if (i.outcome == "deferred")
      rt.reporter().warning(
          _f("mail {} not delivered: {} (will retry at {})", i.id, error, *i.next_attempt_at));
    else
      rt.reporter().warning(_f("mail {} not delivered: {} (gave up; marked failed)", i.id, error));
  }
  if (report.any_failure()) rt.exit_code = 1;
}

void run_notify_retry(const NotifyRetryOptions& o, Runtime& rt)
{
  if (o.ids.empty() && !o.all_failed) throw UsageError(_("name the mail ids to retry, or use --all-failed"));
  const auto done = retry_failed_mail(rt.session(), rt.actor(), o.ids, o.all_failed);
  auto& out = rt.out();
  if (rt.format() == Format::table) {
    out.line(done.empty()
                 ? std::string(_("no failed mail to retry"))
                 : _n("requeued {} mail; 'imictl notify send' delivers it",
                      "requeued {} mails; 'imictl notify send' delivers them", done.size(), done.size()));
    return;
  }
  out.begin_list({"id"});
  for (const auto id : done)
    out.row({{"id", id}});
  out.end_list();
}

} // namespace

void setup_notify(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("notify");
  cmd->require_subcommand(1);

  auto lo = std::make_shared<NotifyListOptions>();
  auto* list = cmd->add_subcommand("list", _("List the outbox (default: mail not yet sent)"));
  auto* pending = list->add_flag("--pending", lo->pending, _("Only mail waiting to be sent"));
  auto* failed = list->add_flag("--failed", lo->failed, _("Only mail that could not be delivered"));
  auto* all = list->add_flag("--all", lo->all, _("Every mail, sent ones included"));
  pending->excludes(failed)->excludes(all);
  failed->excludes(all);
  list->callback([lo, &rt] { run_notify_list(*lo, rt); });

  auto so = std::make_shared<NotifySendOptions>();
  auto* send =
      cmd->add_subcommand("send", _("Deliver the mail that is due (cron; acts as system); exit 1 when "
                                    "any delivery failed"));
  send->add_option("--limit", so->limit, _("At most this many mails in this run"))->type_name("N");
  send->add_flag("--dry-run", so->dry_run, _("Show what is due; send and change nothing"));
  send->callback([so, &rt] { run_notify_send(*so, rt); });

  auto ro = std::make_shared<NotifyRetryOptions>();
  auto* retry = cmd->add_subcommand("retry", _("Put failed mail back in the queue (needs role lda)"));
  retry->add_option("ID", ro->ids, _("Outbox ids of failed mails"));
  retry->add_flag("--all-failed", ro->all_failed, _("Every failed mail"));
  retry->callback([ro, &rt] { run_notify_retry(*ro, rt); });
}

} // namespace imi::cli
