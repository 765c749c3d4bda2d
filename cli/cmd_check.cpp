// imictl check: the set-up of the own authority against the guide's advice
// (rules in lib/check). Exit 1 when a finding is an error.
#include "check/check.hpp"
#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

void run_check(Runtime& rt)
{
  Session& s = rt.session();
  const auto findings = check_setup(s, rt.actor());
  auto& out = rt.out();
  if (rt.format() == Format::table) {
    // Messages are sentences; a padded table would be unreadably wide.
    if (findings.empty()) out.line("no findings: the set-up follows the guide's advice");
    for (const auto& f : findings) {
      out.line(
          fmt::format("{}: {} [{}] ({})", severity_slug(f.severity), f.message, f.code, f.guide_section));
      out.line("  fix: " + f.fix);
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
