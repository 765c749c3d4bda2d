// The command tree as shell completion sees it, read from the CLI11 app at
// run time: the scripts `imictl completion bash|zsh` print are generated
// from it, so they list exactly the commands and options this binary parses.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace imi::cli {

// How a value is completed, as one token the scripts understand:
//   "-"          nothing to offer (free text)
//   "file"       file names
//   "@KIND"      `imictl completion --values KIND PREFIX` (user, department,
//                keyword, reference): looked up in the database at Tab time
//   "=a,b,c"     a fixed list (the option's IsMember set, on|off, roles)
struct CompletionOption {
  std::vector<std::string> names; // "-o", "--output"
  std::string value;              // empty for a flag
};

struct CompletionCommand {
  std::string path; // "" for imictl itself, "user add"
  std::vector<std::string> subcommands;
  std::vector<CompletionOption> options;
  std::vector<std::string> positionals; // value tokens, in order
  bool last_positional_repeats = false; // USER...
};

// Every visible command, parents before children; hidden commands and
// options (group "") are left out.
std::vector<CompletionCommand> completion_model(CLI::App& root);

} // namespace imi::cli
