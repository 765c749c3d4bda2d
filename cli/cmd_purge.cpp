// imictl purge: retention for cron (lib/retention). Acts as system.
#include "core/error.hpp"
#include "retention/purge.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

Record purge_record(const PurgeReport& r)
{
  std::vector<Record> items;
  for (const auto& i : r.items)
    items.push_back({{"action", i.action}, {"object", i.object}, {"closed_at", i.closed_at}});
  return {{"dry_run", r.dry_run},
          {"blocked", r.blocked},
          {"deleted", r.deleted},
          {"users_wiped", r.users_wiped},
          {"skipped", r.skipped},
          {"skipped_references", r.skipped_references},
          {"items", Value::of_records(std::move(items))},
          {"transactions", r.transactions},
          {"longest_write_ms", static_cast<std::int64_t>(r.longest_write_ms + 0.5)},
          {"checkpointed", r.checkpointed}};
}

void run_purge(const PurgeOptions& o, Runtime& rt)
{
  if (o.limit < 0) throw UsageError(_("--limit must be 0 (no limit) or more"));
  if (o.batch_size < 0) throw UsageError(_("--batch-size must be 0 (adaptive) or more"));
  const PurgeReport report = purge_expired(rt.session(), rt.system(), o);
  auto& out = rt.out();
  if (rt.format() != Format::table) {
    out.object(purge_record(report));
  } else {
    if (!report.items.empty()) {
      out.begin_list({"action", "object", "closed_at"});
      for (const auto& i : report.items)
        out.row({{"action", i.action}, {"object", i.object}, {"closed_at", i.closed_at}});
      out.end_list();
    }
    // Silent under -q, so cron mails nobody about a run that went as planned.
    if (!rt.options.quiet) out.line(report.summary());
  }
  if (!report.checkpointed)
    rt.reporter().warning(_("the write-ahead log could not be emptied (a reader held it); the deleted data "
                            "leaves it at the next checkpoint or purge"));
  if (report.skipped > 0) {
    rt.reporter().warning(_n("{} request past delete_after was not deleted because it is not archived "
                             "(--require-archived)",
                             "{} requests past delete_after were not deleted because they are not archived "
                             "(--require-archived)",
                             static_cast<unsigned long>(report.skipped), report.skipped));
    rt.exit_code = 1;
  }
}

} // namespace

void setup_purge(CLI::App& root, Runtime& rt)
{
  auto o = std::make_shared<PurgeOptions>();
  auto* cmd = root.add_subcommand( // i18n: not shown (the command table's summary replaces it)
      "purge", "Retention (cron; acts as system): block and delete closed requests; "
               "exit 1 when --require-archived skipped any");
  cmd->add_flag("--dry-run", o->dry_run, _("List what would be blocked, deleted and wiped; change nothing"));
  cmd->add_flag("--require-archived", o->require_archived,
                _("Delete only archived requests; report the others and exit 1"));
  cmd->add_option("--limit", o->limit, _("At most this many requests blocked or deleted in this run"))
      ->type_name("N");
  cmd->add_option("--batch-size", o->batch_size,
                  _("Rows per write transaction (default: adapted to keep each under about 100 ms)"))
      ->type_name("N");
  cmd->callback([o, &rt] { run_purge(*o, rt); });
}

} // namespace imi::cli
