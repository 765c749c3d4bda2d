// imictl config example: the commented example configuration that packages
// install as /etc/imictl/config.toml, printed from the key table.
#include "core/config_example.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace imi::cli {

// `config example` is generated from the key table as the completion
// scripts are from the command tree; both are written at build time for
// packages (cmake/Install.cmake).
void setup_config_example(CLI::App& config)
{
  auto* example = config.add_subcommand("example", _("Print an example config.toml naming every key"));
  example->group(""); // for packaging and the README, not everyday use
  example->callback([] { std::cout << config_example_toml(); });
}

} // namespace imi::cli
