// imictl migrate: apply pending schema migrations (read-only commands never do).
#include "core/migrations.hpp"
#include "runtime.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_migrate(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("migrate");
  cmd->callback([&rt] {
    auto& db = rt.session().db(Access::read_write);
    const int version = db.execAndGet("PRAGMA user_version").getInt();
    rt.out().object({{"database", rt.session().database_path()},
                     {"schema_version", version},
                     {"latest", latest_schema_version()}});
  });
}

} // namespace imi::cli
