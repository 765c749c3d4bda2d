// imictl check: the set-up of the own authority against the guide's advice
// (rules in lib/check). Exit 1 when a finding is an error.
#include "check/check.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

// The severity as the table shows it; JSON and CSV carry the code.
const char* shown_severity(Severity s)
{
  switch (s) {
  case Severity::error: return C_("severity", "error");
  case Severity::warning: return C_("severity", "warning");
  case Severity::suggestion: return C_("severity", "suggestion");
  }
  return severity_slug(s);
}

void run_check(Runtime& rt)
{
  Session& s = rt.session();
  const auto findings = check_setup(s, rt.actor());
  auto& out = rt.out();
  if (rt.format() == Format::table) {
    // Messages are sentences; a padded table would be unreadably wide.
    if (findings.empty()) out.line(_("no findings: the set-up follows the guide's advice"));
    for (const auto& f : findings) {
      out.line(
          fmt::format("{}: {} [{}] ({})", shown_severity(f.severity), f.message, f.code, f.guide_section));
      // TRANSLATORS: under a finding of imictl check: how to put it right.
      out.line(_f("  fix: {}", f.fix));
    }
  } else {
    out.begin_list({"severity", "code", "message", "guide_section", "fix"});
    for (const auto& f : findings)
      out.row({{"severity", severity_slug(f.severity)},
               {"code", f.code},
               {"message", f.message},
               {"guide_section", f.guide_section},
               {"fix", f.fix}});
    out.end_list();
  }
  if (has_errors(findings)) rt.exit_code = 1;
}

} // namespace

void setup_check(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("check");
  cmd->callback([&rt] { run_check(rt); });
}

} // namespace imi::cli
