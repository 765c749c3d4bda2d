// imictl login: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_login(CLI::App& root, Runtime&)
{
  root.add_subcommand("login", "(not yet available)")->group("");
}

} // namespace imi::cli
