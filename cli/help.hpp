// Help for people: the formatter behind `--help` and `imictl help`, the path
// of a command ("imictl user add"), and finding a command from its words
// with "did you mean" when one is wrong.
#pragma once

#include "util/i18n.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class FormatterBase;
class ParseError;
} // namespace CLI

namespace imi::cli {

// The group of the options defined once on the root that every command
// accepts (fallthrough); every help page shows it. Options carry it in
// English, so that it matches in every language; the help shows it
// translated (as every group name).
inline constexpr const char* global_options_group = N_("Global options");

// The root's help lists the commands, then the global options; a
// subcommand's help shows the global options after its own, and points to
// its man page.
std::shared_ptr<CLI::FormatterBase> help_formatter();

// A value's type as the help shows it ("TEXT", "TEXT:{nl,en}"), its
// CLI11 words in the interface language.
std::string shown_type_name(const std::string& type_name);

// "imictl", "imictl user", "imictl user add".
std::string command_path(const CLI::App& app);

// "imictl help user add": the command that shows `app`'s help.
std::string help_command(const CLI::App& app);

// The help `imictl ... --help` prints for `app`.
std::string help_text(const CLI::App& app);

// The subcommand of `root` that `words` name ("user", "add"); UsageError (2)
// "unknown command 'user lst'; did you mean 'user list'?" otherwise.
const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& words);

// The error message for `word` where a subcommand of `level` was expected,
// with the nearest subcommand when there is one.
std::string unknown_command_message(const CLI::App& level, std::string_view word);

// What went wrong on a command line CLI11 refused, in the user's words:
// an unknown command or option with the nearest one, a command that needs a
// subcommand (its help goes first), or CLI11's own message.
struct UsageProblem {
  std::string message;
  std::vector<std::string> hints;
  const CLI::App* show_help = nullptr;
};
UsageProblem explain_parse_error(const CLI::App& root, const CLI::ParseError& error);

} // namespace imi::cli
