// imictl export result-table [FILE]: write the result table (Bijlage 4).
#include "core/safe_output.hpp"
#include "delimiter_option.hpp"
#include "export/result_table.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

struct ExportCliOptions {
  std::string file, output, delimiter = ";", encoding = "utf-8", authority, mode;
  bool no_bom = false;
};

std::string departments(std::int64_t n)
{
  return _n("{} department", "{} departments", static_cast<unsigned long>(n), n);
}

std::string users(std::int64_t n)
{
  return _n("{} user", "{} users", static_cast<unsigned long>(n), n);
}

void run_export(const ExportCliOptions& o, Runtime& rt)
{
  if (!o.file.empty() && !o.output.empty() && o.file != o.output)
    throw UsageError(_f("two output files given: {} and --output {}", o.file, o.output));
  const std::string target = !o.output.empty() ? o.output : o.file.empty() ? "-" : o.file;
  ExportOptions opts;
  opts.delimiter = parse_delimiter_option(o.delimiter);
  opts.encoding = parse_encoding_option(o.encoding);
  if (opts.encoding == util::TextEncoding::automatic) opts.encoding = util::TextEncoding::utf8;
  opts.byte_order_mark = !o.no_bom;
  opts.raw = rt.options.csv_raw;
  if (!o.authority.empty()) opts.authority = o.authority;
  const mode_t mode = o.mode.empty() ? 0600 : parse_file_mode("--mode", o.mode);
  Session& s = rt.session();
  const Actor& actor = rt.actor(); // an unknown actor is refused before the target is touched
  // The table holds names and mailboxes: private unless --mode says otherwise.
  SafeOutput out(target, session_output_options(s, mode));
  const ExportSummary sum = export_result_table(s, actor, opts, out.stream());
  out.commit();
  if (out.is_stdout())
    // TRANSLATORS: {1} is "4 departments", {2} "12 users".
    rt.reporter().note(_n("{0} row: {1}, {2}", "{0} rows: {1}, {2}", static_cast<unsigned long>(sum.rows),
                          sum.rows, departments(sum.departments), users(sum.users)));
  else
    // TRANSLATORS: {0} is the file; {2} is "4 departments", {3} "12 users".
    rt.reporter().note(_n("wrote {0}: {1} row, {2}, {3}", "wrote {0}: {1} rows, {2}, {3}",
                          static_cast<unsigned long>(sum.rows), target, sum.rows,
                          departments(sum.departments), users(sum.users)));
}

} // namespace

void setup_export(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("export");
  cmd->require_subcommand(1);
  auto* table =
      cmd->add_subcommand("result-table", _("Write the result table (guide Bijlage 4) that import reads"));
  auto o = std::make_shared<ExportCliOptions>();
  table->add_option("file", o->file, _("Output file, - for standard output (the default)"));
  table->add_option("-o,--output", o->output, _("Output file, the same as FILE"))->type_name("FILE");
  table->add_option("--mode", o->mode, _("Mode of the written file, octal (default 0600)"))
      ->type_name("OCTAL");
  table->add_option("--delimiter", o->delimiter,
                    _("Cell separator: ';' (default, for Dutch Excel), ',' or 'tab'"));
  table->add_option("--encoding", o->encoding, _("utf-8 (default), windows-1252, utf-16le or utf-16be"));
  table->add_flag("--no-bom", o->no_bom, _("Leave out the byte-order mark Excel needs to recognise UTF-8"));
  table->add_option("--authority", o->authority,
                    _("Export this authority (id or name; default: the own one)"));
  table->callback([o, &rt] { run_export(*o, rt); });
}

} // namespace imi::cli
