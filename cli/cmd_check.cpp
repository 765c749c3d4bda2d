// imictl check: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_check(CLI::App& root, Runtime&)
{
  root.add_subcommand("check", "(not yet available)")->group("");
}

} // namespace imi::cli
