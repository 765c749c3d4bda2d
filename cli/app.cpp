// Builds the command line from the command table, parses it, and turns every
// error into one `imictl: error:` line and the exit code of SPEC §1.
#include "core/error.hpp"
#include "runtime.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <iostream>

namespace imi::cli {
namespace {

bool wants_json_errors(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0 || std::strcmp(argv[i], "--format=json") == 0) return true;
    if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "json") == 0)
      return true;
  }
  return false;
}

void print_error(bool json, ErrorKind kind, const std::string& message, const std::vector<std::string>& hints)
{
  if (json) {
    std::string s = fmt::format(R"({{"error": {{"code": "{}", "message": "{}", "hints": [)", error_slug(kind),
                                json_escape(message));
    for (size_t i = 0; i < hints.size(); ++i)
      s += fmt::format(R"({}"{}")", i ? ", " : "", json_escape(hints[i]));
    std::cerr << s << "]}}\n";
    return;
  }
  std::cerr << "imictl: error: " << message << '\n';
  for (const auto& h : hints)
    std::cerr << "imictl: hint: " << h << '\n';
}

// "imictl autority" -> did you mean 'authority'?
std::vector<std::string> suggest_subcommand(CLI::App& app, const std::vector<std::string>& extras)
{
  if (extras.empty() || extras.front().rfind('-', 0) == 0) return {};
  CLI::App* level = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (auto* sub : level->get_subcommands()) {
      level = sub;
      deeper = true;
      break;
    }
  }
  std::vector<std::string> names;
  for (auto* sub : level->get_subcommands({}))
    names.push_back(sub->get_name());
  if (names.empty()) return {};
  std::vector<std::string> hints;
  for (const auto& n : util::nearest_matches(extras.front(), names, 1))
    hints.push_back(fmt::format("did you mean '{}'?", n));
  return hints;
}

// "imictl user show" for the deepest subcommand the parser reached.
std::string command_path(CLI::App& app)
{
  std::string path = "imictl";
  for (CLI::App* level = &app;;) {
    auto subs = level->get_subcommands();
    if (subs.empty()) return path;
    level = subs.front();
    path += " " + level->get_name();
  }
}

void add_global_options(CLI::App& app, GlobalOptions& o)
{
  auto* g = "Global options";
  app.add_option("--db", o.db, "Database file (env IMICTL_DB)")->group(g);
  app.add_option("--config", o.config, "TOML configuration file")->envname("IMICTL_CONFIG")->group(g);
  app.add_option("--as", o.as, "Acting user (username or e-mail)")->envname("IMICTL_USER")->group(g);
  // html is the scoreboard's page only (imictl stats); Runtime refuses it elsewhere.
  app.add_option("--format", o.format, "Output format: table, json, csv (html: stats only)")
      ->check(CLI::IsMember({"table", "json", "csv", "html"}))
      ->group(g);
  app.add_flag("--json", o.json, "Same as --format json")->group(g);
  app.add_flag("-q,--quiet", o.quiet, "Only errors and results")->group(g);
  app.add_flag("-v,--verbose", o.verbose, "More detail on stderr")->group(g);
  app.add_flag("--no-color", o.no_color, "No colour (env NO_COLOR)")->group(g);
  app.add_flag("--csv-raw", o.csv_raw, "CSV cells exactly as stored (no leading ' before = + - @)")->group(g);
}

} // namespace

int run(int argc, char** argv)
{
  const bool json_errors = wants_json_errors(argc, argv);
  Runtime rt;
  CLI::App app{"imictl - administration of an IMI competent authority (Services Directive)", "imictl"};
  app.set_version_flag("--version", "imictl " IMICTL_VERSION);
  app.fallthrough();
  app.require_subcommand(1);
  app.footer("Run 'imictl COMMAND --help' for a command's options; 'man imictl' for the whole manual.");
  add_global_options(app, rt.options);
  for (const auto& c : command_table())
    c.setup(app, rt);

  try {
    try {
      app.parse(argc, argv);
    } catch (const SQLite::Exception& e) {
      rethrow_sqlite_error(e, rt.existing_session() ? rt.existing_session()->database_path() : "");
    }
    // A result that never reached its reader is a failure, not a success:
    // `imictl user list > /dev/full` must not exit 0.
    if (!std::cout.flush())
      throw FailureError(fmt::format("cannot write the output: {}", std::strerror(errno ? errno : EIO)));
    return rt.exit_code;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // An unknown word where a command was expected gets "did you mean".
    std::vector<std::string> extras = app.remaining(true);
    auto hints = suggest_subcommand(app, extras);
    if (!hints.empty())
      print_error(json_errors, ErrorKind::usage, fmt::format("unknown command '{}'", extras.front()), hints);
    else
      print_error(json_errors, ErrorKind::usage, e.what(),
                  {fmt::format("see '{} --help'", command_path(app))});
    return exit_code(ErrorKind::usage);
  } catch (const Error& e) {
    print_error(json_errors, e.kind(), e.what(), e.hints());
    return exit_code(e.kind());
  } catch (const std::exception& e) {
    print_error(json_errors, ErrorKind::failure, fmt::format("internal error: {}", e.what()), {});
    return exit_code(ErrorKind::failure);
  }
}

} // namespace imi::cli
