// imictl user: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_user(CLI::App& root, Runtime&)
{
  root.add_subcommand("user", "(not yet available)")->group("");
}

} // namespace imi::cli
