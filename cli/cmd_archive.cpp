// imictl archive REQ... | --all-closed | --closed-before DATE --out DIR: the
// full report of requests with personal data for the authority's own
// archive (guide H5 stap 3.5). The rules are in lib/archive.
#include "archive/archive.hpp"
#include "core/error.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

struct ArchiveCliOptions {
  ArchiveOptions in;
  std::string closed_before, reason;
  bool reveal = false;
};

void run_archive(ArchiveCliOptions& o, Runtime& rt)
{
  if (!o.closed_before.empty()) o.in.closed_before = o.closed_before;
  if (o.reveal != !o.reason.empty()) throw UsageError(_("--reveal-blocked and --reason TEXT go together"));
  if (o.reveal) o.in.reveal_reason = o.reason;
  const auto results = archive_requests(rt.session(), rt.actor(), o.in);
  auto& out = rt.out();
  size_t archived = 0, skipped = 0;
  out.begin_list({"reference", "status", "docx", "sha256", "reason", "files"});
  for (const auto& r : results) {
    (r.status == "skipped" ? skipped : archived) += 1;
    out.row(
        {{"reference", r.reference},
         {"status", r.status},
         {"docx", r.docx},
         {"sha256", r.sha256},
         {"reason", r.reason},
         {"files", rt.format() == Format::json ? Value(r.files) : Value(std::to_string(r.files.size()))}});
  }
  out.end_list();
  if (rt.format() == Format::table && !rt.options.quiet)
    out.line(
        o.in.dry_run
            ? _n("{0} request to archive, {1} skipped, in {2}",
                 "{0} requests to archive, {1} skipped, in {2}", archived, archived, skipped, o.in.out_dir)
            : _n("{0} request archived, {1} skipped, in {2}", "{0} requests archived, {1} skipped, in {2}",
                 archived, archived, skipped, o.in.out_dir));
}

} // namespace

void setup_archive(CLI::App& root, Runtime& rt)
{
  auto o = std::make_shared<ArchiveCliOptions>();
  auto* cmd = root.add_subcommand( // i18n: not shown (the command table's summary replaces it)
      "archive", "Archive the full report of requests with personal data (H5 stap 3.5)");
  cmd->add_option("REQ", o->in.requests, _("Request references or ids"));
  auto* all =
      cmd->add_flag("--all-closed", o->in.all_closed, _("Every closed or refused request not yet archived"));
  auto* before =
      cmd->add_option("--closed-before", o->closed_before, _("Those closed before DATE"))->type_name("DATE");
  all->excludes(before);
  cmd->add_option("--out", o->in.out_dir, _("Folder to write into (created 0700 when missing)"))
      ->required()
      ->type_name("DIR");
  cmd->add_flag("--force", o->in.force, _("Replace files of an earlier archive"));
  cmd->add_flag("--dry-run", o->in.dry_run, _("Check and list, write nothing"));
  cmd->add_flag("--reveal-blocked", o->reveal,
                _("Archive blocked requests too (lda, with --reason; audited)"));
  cmd->add_option("--reason", o->reason, _("Why the blocked requests must be archived"));
  cmd->callback([o, &rt] { run_archive(*o, rt); });
}

} // namespace imi::cli
