// imictl export: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_export(CLI::App& root, Runtime&)
{
  root.add_subcommand("export", "(not yet available)")->group("");
}

} // namespace imi::cli
