// imictl config show: every effective value and where it came from.
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_config(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("config");
  cmd->require_subcommand(1);
  auto* show = cmd->add_subcommand("show", "Print every key, its value and its source");
  show->callback([&rt] {
    const Config& c = rt.session().config();
    auto& out = rt.out();
    out.begin_list({"key", "value", "source"});
    for (const auto& key : config_keys()) {
      const auto& e = c.entries().at(key.name);
      // The SMTP password lives in a file; its path is shown, never a secret.
      out.row({{"key", key.name}, {"value", e.value}, {"source", e.source}});
    }
    out.end_list();
  });
}

} // namespace imi::cli
