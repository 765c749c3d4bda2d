// imictl export result-table [FILE]: write the result table (Bijlage 4).
#include "delimiter_option.hpp"
#include "export/result_table.hpp"
#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <iostream>

namespace imi::cli {
namespace {

struct ExportCliOptions {
  std::string file, delimiter = ";", encoding = "utf-8", authority;
  bool no_bom = false;
};

void run_export(const ExportCliOptions& o, Runtime& rt)
{
  ExportOptions opts;
  opts.delimiter = parse_delimiter_option(o.delimiter);
  opts.encoding = parse_encoding_option(o.encoding);
  if (opts.encoding == util::TextEncoding::automatic) opts.encoding = util::TextEncoding::utf8;
  opts.byte_order_mark = !o.no_bom;
  if (!o.authority.empty()) opts.authority = o.authority;
  Session& s = rt.session();
  if (o.file.empty() || o.file == "-") {
    const auto sum = export_result_table(s, rt.actor(), opts, std::cout);
    rt.reporter().note(
        fmt::format("{} rows: {} departments, {} users", sum.rows, sum.departments, sum.users));
    return;
  }
  // Written next to the target and renamed, so a failed export never leaves half a file.
  const std::string tmp = o.file + ".tmp";
  ExportSummary sum;
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw FailureError(fmt::format("cannot write {}", tmp));
    try {
      sum = export_result_table(s, rt.actor(), opts, f);
    } catch (...) {
      f.close();
      std::remove(tmp.c_str());
      throw;
    }
    f.close();
    if (!f) {
      std::remove(tmp.c_str());
      throw FailureError(fmt::format("cannot write {}", tmp));
    }
  }
  if (std::rename(tmp.c_str(), o.file.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw FailureError(fmt::format("cannot write {}", o.file));
  }
  rt.reporter().note(fmt::format("wrote {}: {} rows, {} departments, {} users", o.file, sum.rows,
                                 sum.departments, sum.users));
}

} // namespace

void setup_export(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("export", "Export data as files for spreadsheets");
  cmd->require_subcommand(1);
  auto* table =
      cmd->add_subcommand("result-table", "Write the result table (guide Bijlage 4) that import reads");
  auto o = std::make_shared<ExportCliOptions>();
  table->add_option("file", o->file, "Output file (default: standard output)");
  table->add_option("--delimiter", o->delimiter,
                    "Cell separator: ';' (default, for Dutch Excel), ',' or 'tab'");
  table->add_option("--encoding", o->encoding, "utf-8 (default), windows-1252, utf-16le or utf-16be");
  table->add_flag("--no-bom", o->no_bom, "Leave out the byte-order mark Excel needs to recognise UTF-8");
  table->add_option("--authority", o->authority, "Export this authority (id or name; default: the own one)");
  table->callback([o, &rt] { run_export(*o, rt); });
}

} // namespace imi::cli
