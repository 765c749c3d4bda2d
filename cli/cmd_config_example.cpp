// imictl config example: the commented example configuration that packages
// install as /etc/imictl/config.toml, printed from the key table.
#include "core/config_example.hpp"
#include "runtime.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace imi::cli {

void setup_config_example(CLI::App& root, Runtime& /*rt*/)
{
  CLI::App* config = nullptr;
  for (CLI::App* sub : root.get_subcommands({}))
    if (sub->get_name() == "config") config = sub;
  if (!config) return;
  auto* example = config->add_subcommand("example", "Print an example config.toml naming every key");
  example->group(""); // for packaging and the README, not everyday use
  example->callback([] { std::cout << config_example_toml(); });
}

} // namespace imi::cli
