// imictl role: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_role(CLI::App& root, Runtime&)
{
  root.add_subcommand("role", "(not yet available)")->group("");
}

} // namespace imi::cli
