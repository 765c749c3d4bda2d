// imictl notify list|send|retry: the outbox of queued mail (lib/notify).
#include "core/error.hpp"
#include "notify/delivery.hpp"
#include "notify/mail_list.hpp"
#include "notify/outbox.hpp"
#include "runtime.hpp"

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
  if (o.limit < 0) throw UsageError("--limit must be 0 (no limit) or more");
  Session& s = rt.session();
  const DeliveryReport report = deliver_outbox(s, rt.system(), {o.limit, o.dry_run});
  if (report.busy) {
    rt.reporter().note("another 'imictl notify send' is running; nothing done");
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
    if (!rt.options.quiet) out.line(o.dry_run ? "no mail is due" : "no mail was due");
  }

  if (report.queued > 0)
    rt.reporter().warning(
        fmt::format("mail.transport is none: {} mail(s) left queued in the outbox", report.queued));
  if (report.sent > 0)
    rt.reporter().note(fmt::format("{} mail(s) handed to {}", report.sent, report.transport));
  if (report.interrupted > 0)
    rt.reporter().warning(
        fmt::format("{} mail(s) were interrupted during an earlier delivery and may or may not "
                    "have arrived; marked failed, not resent (requeue with 'imictl notify retry')",
                    report.interrupted));
  for (const auto& i : report.items)
    if (i.outcome == "deferred" || i.outcome == "failed")
      rt.reporter().warning(
          fmt::format("mail {} not delivered: {}{}", i.id, i.error.value_or("unknown error"),
                      i.outcome == "deferred" ? " (will retry at " + *i.next_attempt_at + ")"
                                              : " (gave up; marked failed)"));
  if (report.any_failure()) rt.exit_code = 1;
}

void run_notify_retry(const NotifyRetryOptions& o, Runtime& rt)
{
  if (o.ids.empty() && !o.all_failed) throw UsageError("name the mail ids to retry, or use --all-failed");
  const auto done = retry_failed_mail(rt.session(), rt.actor(), o.ids, o.all_failed);
  auto& out = rt.out();
  if (rt.format() == Format::table) {
    out.line(done.empty()
                 ? "no failed mail to retry"
                 : fmt::format("requeued {} mail(s); 'imictl notify send' delivers them", done.size()));
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
  auto* list = cmd->add_subcommand("list", "List the outbox (default: mail not yet sent)");
  auto* pending = list->add_flag("--pending", lo->pending, "Only mail waiting to be sent");
  auto* failed = list->add_flag("--failed", lo->failed, "Only mail that could not be delivered");
  auto* all = list->add_flag("--all", lo->all, "Every mail, sent ones included");
  pending->excludes(failed)->excludes(all);
  failed->excludes(all);
  list->callback([lo, &rt] { run_notify_list(*lo, rt); });

  auto so = std::make_shared<NotifySendOptions>();
  auto* send = cmd->add_subcommand("send", "Deliver the mail that is due (cron; acts as system); exit 1 when "
                                           "any delivery failed");
  send->add_option("--limit", so->limit, "At most this many mails in this run")->type_name("N");
  send->add_flag("--dry-run", so->dry_run, "Show what is due; send and change nothing");
  send->callback([so, &rt] { run_notify_send(*so, rt); });

  auto ro = std::make_shared<NotifyRetryOptions>();
  auto* retry = cmd->add_subcommand("retry", "Put failed mail back in the queue (needs role lda)");
  retry->add_option("ID", ro->ids, "Outbox ids of failed mails");
  retry->add_flag("--all-failed", ro->all_failed, "Every failed mail");
  retry->callback([ro, &rt] { run_notify_retry(*ro, rt); });
}

} // namespace imi::cli
