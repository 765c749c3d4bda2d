// imictl import FILE|- : load a result table (guide Bijlage 4).
#include "delimiter_option.hpp"
#include "import/import_table.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace imi::cli {
namespace {

struct ImportCliOptions {
  std::string file, delimiter, encoding, authority;
  std::vector<std::string> default_services;
  bool dry_run = false, prune = false, yes = false, allow_self_demotion = false;
};

Record counts(const ImportCounts& c)
{
  return {{"departments", c.departments}, {"users", c.users}};
}

const std::vector<std::string> row_columns = {"line",     "kind",  "action", "department",
                                              "username", "email", "roles"};

Record plan_record(const PlanRow& r, bool with_changes)
{
  Record rec = {{"line", r.line ? Value(static_cast<std::int64_t>(r.line)) : Value()},
                {"kind", r.kind},
                {"action", r.action},
                {"department", r.department.empty() ? Value() : Value(r.department)},
                {"username", r.username.empty() ? Value() : Value(r.username)},
                {"email", r.email.empty() ? Value() : Value(r.email)},
                {"roles", r.kind == "user" ? Value(r.roles) : Value()}};
  if (with_changes) rec.push_back({"changes", Value(r.changes)});
  return rec;
}

std::string departments(std::int64_t n)
{
  return _n("{} department", "{} departments", static_cast<unsigned long>(n), n);
}

std::string users(std::int64_t n)
{
  return _n("{} user", "{} users", static_cast<unsigned long>(n), n);
}

// "people.csv: created 4 departments, 4 users; updated ...; unchanged ...".
std::string summary(const ImportResult& r)
{
  const std::string cd = departments(r.created.departments), cu = users(r.created.users);
  const std::string ud = departments(r.updated.departments), uu = users(r.updated.users);
  const std::string nd = departments(r.unchanged.departments), nu = users(r.unchanged.users);
  // TRANSLATORS: {0} is the file; the others are "4 departments", "12 users".
  if (r.dry_run && r.deleted.users)
    return _f("{0}: would create {1}, {2}; would update {3}, {4}; unchanged {5}, {6}; would delete {7}",
              r.file, cd, cu, ud, uu, nd, nu, users(r.deleted.users));
  if (r.dry_run)
    return _f("{0}: would create {1}, {2}; would update {3}, {4}; unchanged {5}, {6}", r.file, cd, cu, ud, uu,
              nd, nu);
  if (r.deleted.users)
    return _f("{0}: created {1}, {2}; updated {3}, {4}; unchanged {5}, {6}; deleted {7}", r.file, cd, cu, ud,
              uu, nd, nu, users(r.deleted.users));
  return _f("{0}: created {1}, {2}; updated {3}, {4}; unchanged {5}, {6}", r.file, cd, cu, ud, uu, nd, nu);
}

void print_invalid(const ImportInvalidError& e, Runtime& rt)
{
  if (rt.format() == Format::json) {
    std::vector<Record> errors;
    for (const auto& r : e.errors)
      errors.push_back({{"line", r.line ? Value(static_cast<std::int64_t>(r.line)) : Value()},
                        {"column", r.column.empty() ? Value() : Value(r.column)},
                        {"message", r.message}});
    rt.out().object({{"file", e.file},
                     {"valid", false},
                     {"problems", e.total},
                     {"errors", Value::of_records(std::move(errors))}});
  }
  for (const auto& r : e.errors)
    std::cerr << format_row_error(e.file, r) << '\n';
  if (e.total > static_cast<std::int64_t>(e.errors.size()))
    std::cerr << _n("{}: ... and {} more problem", "{}: ... and {} more problems",
                    static_cast<unsigned long>(e.total) - e.errors.size(), e.file,
                    e.total - static_cast<std::int64_t>(e.errors.size()))
              << '\n';
}

void run_import(const ImportCliOptions& o, Runtime& rt)
{
  ImportOptions opts;
  opts.file = o.file;
  if (!o.authority.empty()) opts.authority = o.authority;
  if (!o.delimiter.empty()) opts.delimiter = parse_delimiter_option(o.delimiter);
  if (!o.encoding.empty()) opts.encoding = parse_encoding_option(o.encoding);
  opts.default_services = o.default_services;
  opts.dry_run = o.dry_run;
  opts.prune = o.prune;
  opts.allow_self_demotion = o.allow_self_demotion;
  opts.yes = o.yes;
  ImportResult r;
  try {
    r = import_result_table(rt.session(), rt.actor(), opts);
  } catch (const ImportInvalidError& e) {
    print_invalid(e, rt);
    throw;
  }
  auto& out = rt.out();
  if (rt.format() == Format::json) {
    std::vector<Record> rows;
    for (const auto& p : r.plan)
      rows.push_back(plan_record(p, true));
    out.object({{"file", r.file},
                {"authority_id", r.authority_id},
                {"dry_run", r.dry_run},
                {"written", r.written},
                {"rows_read", r.rows},
                {"created", Value::of_record(counts(r.created))},
                {"updated", Value::of_record(counts(r.updated))},
                {"unchanged", Value::of_record(counts(r.unchanged))},
                {"deleted", Value::of_record({{"users", r.deleted.users}})},
                {"default_services", Value(r.default_services)},
                {"rows", Value::of_records(std::move(rows))},
                {"rows_omitted", r.plan_rows_omitted}});
    return;
  }
  if (r.dry_run || rt.options.verbose) {
    out.begin_list(row_columns);
    for (const auto& p : r.plan)
      out.row(plan_record(p, false));
    out.end_list();
    if (r.plan_rows_omitted)
      out.line(_n("... and {} more row", "... and {} more rows",
                  static_cast<unsigned long>(r.plan_rows_omitted), r.plan_rows_omitted));
  }
  out.line(summary(r));
  if (r.dry_run)
    rt.reporter().note(_("dry run: nothing was written"));
  else if (!r.changes())
    rt.reporter().note(_f("nothing to change: the database already matches {}", r.file));
}

} // namespace

void setup_import(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("import");
  auto o = std::make_shared<ImportCliOptions>();
  cmd->add_option("file", o->file, _("The table as CSV (';', ',' or tab); '-' reads standard input"))
      ->required();
  cmd->add_flag("-n,--dry-run", o->dry_run, _("Check the file and print the plan without writing"));
  cmd->add_option("--delimiter", o->delimiter, _("Cell separator: ';', ',' or 'tab' (default: detected)"));
  cmd->add_option("--encoding", o->encoding,
                  _("utf-8, windows-1252, utf-16le or utf-16be (default: detected from BOM and content)"));
  cmd->add_option("--default-service", o->default_services,
                  _("Keyword for handlers without services (repeatable; default: the authority's keywords)"));
  cmd->add_option("--authority", o->authority,
                  _("Import into this authority (id or name; default: the own one)"));
  cmd->add_flag("--prune", o->prune, _("Delete users of the authority that the file does not list"));
  cmd->add_flag("-y,--yes", o->yes, _("Confirm --prune without asking"));
  cmd->add_flag("--allow-self-demotion", o->allow_self_demotion,
                _("Let the file take the lda role from the acting user (refused otherwise)"));
  cmd->callback([o, &rt] { run_import(*o, rt); });
}

} // namespace imi::cli
