// imictl stats: the authority's scoreboard (lib/stats) as a coloured table,
// JSON, CSV or one self-contained HTML page. The colours are the
// Commission's; on a terminal the table shows them, elsewhere the rating
// words carry the same information.
#include "core/error.hpp"
#include "core/safe_output.hpp"
#include "runtime.hpp"
#include "stats/render.hpp"
#include "stats/stats.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <iostream>

namespace imi::cli {
namespace {

struct StatsCliOptions {
  std::string authority, department, from, to, output;
  bool fictitious = false;
};

std::string figure(const Indicator& i, const char* unit)
{
  return i.value ? fmt::format("{:.1f}{}", *i.value, unit) : "-";
}

const char* ansi(Rating r)
{
  switch (r) {
  case Rating::green: return "\033[32m";
  case Rating::amber: return "\033[33m";
  case Rating::red: return "\033[31m";
  default: return "";
  }
}

// Colour codes take no width, so cells are padded before they are painted.
std::string cell(const std::string& text, size_t width, Rating r, bool color)
{
  std::string s = text + std::string(width > text.size() ? width - text.size() : 0, ' ');
  return color && r != Rating::none ? ansi(r) + s + "\033[0m" : s;
}

void print_table(std::ostream& os, const StatsReport& rep, bool color)
{
  // TRANSLATORS: the scoreboard's title: authority, first and last day of the period.
  os << (rep.fictitious ? _f("{}: {} to {} (fictitious requests included)", rep.authority, rep.from, rep.to)
                        : _f("{}: {} to {}", rep.authority, rep.from, rep.to))
     << '\n';
  // TRANSLATORS: the scoreboard's columns; ASCII only, as they are padded by bytes.
  const std::vector<std::string> heads = {C_("column", "DEPARTMENT"), C_("column", "SENT"),
                                          C_("column", "RECEIVED"),
                                          // TRANSLATORS: accepted within 7 days (percentage of requests).
                                          C_("column", "ACCEPTED <=7D"),
                                          // TRANSLATORS: average number of days to the answer.
                                          C_("column", "AVG DAYS"),
                                          // TRANSLATORS: answered by the agreed date (percentage).
                                          C_("column", "BY AGREED DATE"), C_("column", "SCORE")};
  std::vector<std::vector<std::pair<std::string, Rating>>> lines;
  for (const auto& r : rep.rows)
    lines.push_back({{r.department.value_or(_("(all)")), Rating::none},
                     {std::to_string(r.sent), Rating::none},
                     {std::to_string(r.received), Rating::none},
                     {figure(r.accepted_within_7_days, "%"), r.accepted_within_7_days.rating},
                     {figure(r.average_days_to_answer, ""), r.average_days_to_answer.rating},
                     {figure(r.answered_by_agreed_date, "%"), r.answered_by_agreed_date.rating},
                     {fmt::format("{:+d}", r.score), Rating::none}});
  std::vector<size_t> widths;
  for (const auto& h : heads)
    widths.push_back(h.size());
  for (const auto& l : lines)
    for (size_t i = 0; i < l.size(); ++i)
      widths[i] = std::max(widths[i], l[i].first.size());
  std::string head;
  for (size_t i = 0; i < heads.size(); ++i)
    head += cell(heads[i], i + 1 < heads.size() ? widths[i] + 2 : 0, Rating::none, false);
  os << (color ? "\033[1m" + head + "\033[0m" : head) << '\n';
  for (const auto& l : lines) {
    std::string s;
    for (size_t i = 0; i < l.size(); ++i)
      s += cell(l[i].first, i + 1 < l.size() ? widths[i] + 2 : 0, l[i].second, color);
    os << s << '\n';
  }
}

Record indicator_fields(const std::string& key, const Indicator& i)
{
  return {{key, i.value ? Value(fmt::format("{:.1f}", *i.value)) : Value()},
          {key + "_rating", rating_slug(i.rating)}};
}

void print_csv(Renderer& out, const StatsReport& rep)
{
  out.begin_list({"authority", "department", "from", "to", "sent", "received", "answered",
                  "accepted_within_7_days", "accepted_within_7_days_rating", "average_days_to_answer",
                  "average_days_to_answer_rating", "answered_by_agreed_date",
                  "answered_by_agreed_date_rating", "score"});
  for (const auto& r : rep.rows) {
    Record rec = {
        {"authority", r.authority}, {"department", r.department}, {"from", rep.from},      {"to", rep.to},
        {"sent", r.sent},           {"received", r.received},     {"answered", r.answered}};
    for (auto&& f : indicator_fields("accepted_within_7_days", r.accepted_within_7_days))
      rec.push_back(f);
    for (auto&& f : indicator_fields("average_days_to_answer", r.average_days_to_answer))
      rec.push_back(f);
    for (auto&& f : indicator_fields("answered_by_agreed_date", r.answered_by_agreed_date))
      rec.push_back(f);
    rec.push_back({"score", r.score});
    out.row(rec);
  }
  out.end_list();
}

void run_stats(const StatsCliOptions& o, Runtime& rt)
{
  rt.html_allowed = true;
  const bool html = rt.options.format == "html" && !rt.options.json;
  StatsFilter f;
  if (!o.authority.empty()) f.authority = o.authority;
  if (!o.department.empty()) f.department = o.department;
  if (!o.from.empty()) f.from = o.from;
  if (!o.to.empty()) f.to = o.to;
  f.fictitious = o.fictitious;
  Session& s = rt.session();
  const StatsReport rep = compute_stats(s, rt.actor(), f);
  // Counts only, but a file the user names: the safe writer keeps the
  // database and links out of reach. Without -o (or with -) standard output.
  SafeOutput file(o.output.empty() ? "-" : o.output, session_output_options(s, 0644));
  std::ostream& os = file.stream();
  if (html) {
    os << render_stats_html(rep);
  } else if (rt.format() == Format::json) {
    os << stats_json(rep) << '\n';
  } else if (rt.format() == Format::csv) {
    Renderer csv(os, Format::csv, false);
    csv.set_csv_raw(rt.options.csv_raw);
    print_csv(csv, rep);
  } else {
    print_table(os, rep, file.is_stdout() && color_on(1, rt.options.no_color));
  }
  file.commit();
  if (!file.is_stdout()) rt.reporter().note(_f("wrote {}", o.output));
}

} // namespace

void setup_stats(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("stats");
  auto o = std::make_shared<StatsCliOptions>();
  cmd->add_option("--authority", o->authority, _("Authority (id or name; default: the acting user's)"));
  cmd->add_option("--department", o->department, _("Only this department (default: all, and each)"));
  cmd->add_option("--from", o->from, _("First day of the period (default: a year before --to)"))
      ->type_name("DATE");
  cmd->add_option("--to", o->to, _("Last day of the period (default: today)"))->type_name("DATE");
  cmd->add_flag("--fictitious", o->fictitious, _("Count fictitious (practice) requests too"));
  cmd->add_option("-o,--output", o->output, _("Write to FILE instead of standard output (any format)"))
      ->type_name("FILE");
  cmd->callback([o, &rt] { run_stats(*o, rt); });
}

} // namespace imi::cli
