// imictl notify: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_notify(CLI::App& root, Runtime&)
{
  root.add_subcommand("notify", "(not yet available)")->group("");
}

} // namespace imi::cli
