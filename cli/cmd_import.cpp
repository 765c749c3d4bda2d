// imictl import: placeholder until the command lands.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_import(CLI::App& root, Runtime&)
{
  root.add_subcommand("import", "(not yet available)")->group("");
}

} // namespace imi::cli
