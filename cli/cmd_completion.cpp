// imictl completion bash|zsh: prints a completion script generated from the
// command tree at run time. The hidden `--values KIND PREFIX` is what the
// scripts call on Tab for usernames, departments, keywords and references.
#include "completion/completion_values.hpp"
#include "completion_model.hpp"
#include "completion_scripts.hpp"
#include "core/error.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <iostream>
#include <unistd.h>

namespace imi::cli {

namespace {

struct CompletionOptions {
  std::string word; // the shell, or with --values the prefix
  std::string values;
};

// A Tab must never print an error over the command line being typed: stderr
// goes nowhere, and any failure (no database yet, a locked one, an actor who
// may not list users) offers nothing.
void print_completion_values(Runtime& rt, const CompletionOptions& o)
{
  if (const int null = ::open("/dev/null", O_WRONLY); null >= 0) {
    ::dup2(null, STDERR_FILENO);
    ::close(null);
  }
  try {
    const auto kind = parse_completion_kind(o.values);
    if (!kind) return;
    const std::vector<std::string> values = completion_needs_database(*kind)
                                                ? completion_values(rt.session(), rt.actor(), *kind, o.word)
                                                : keyword_completions(o.word);
    for (const auto& v : values)
      std::cout << v << '\n';
  } catch (...) {
    return;
  }
}

void print_completion_script(CLI::App& root, const std::string& shell)
{
  const auto model = completion_model(root);
  if (shell == "bash")
    std::cout << bash_completion_script(model);
  else if (shell == "zsh")
    std::cout << zsh_completion_script(model);
  else
    throw UsageError(_f("completion: the shell is bash or zsh, not '{}'", shell));
}

} // namespace

void setup_completion(CLI::App& root, Runtime& rt)
{
  auto o = std::make_shared<CompletionOptions>();
  auto* cmd = root.add_subcommand("completion", _("Print a shell completion script (bash, zsh)"));
  // TRANSLATORS: keep "bash|zsh": completion reads the values from it.
  cmd->add_option("SHELL", o->word, _("Shell: bash|zsh"));
  // Hidden (group ""), for the scripts: no help shows it.
  const char* values_help = "Values of KIND starting with SHELL, one per line"; // i18n: not shown
  cmd->add_option("--values", o->values, values_help)->group("");
  cmd->callback([&root, &rt, o] {
    if (!o->values.empty())
      print_completion_values(rt, *o);
    else if (o->word.empty())
      throw UsageError(_("completion: name the shell: bash or zsh"));
    else
      print_completion_script(root, o->word);
  });
}

} // namespace imi::cli
