// Builds the command line from the command table, parses it, and turns every
// error into one `imictl: error:` line and the exit code of SPEC §1.
#include "core/error.hpp"
#include "help.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <unistd.h>

namespace imi::cli {
namespace {

// --lang decides the language of everything, the parse errors and the help
// included, so it is read before CLI11 builds the command line (which also
// declares it, for --help and validation).
std::string_view forced_language(int argc, char** argv)
{
  std::string_view lang;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") break;
    if (arg == "--lang" && i + 1 < argc) lang = argv[i + 1];
    if (arg.rfind("--lang=", 0) == 0) lang = arg.substr(7);
  }
  return lang;
}

bool wants_json_errors(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--json") == 0 || std::strcmp(argv[i], "--format=json") == 0) return true;
    if (std::strcmp(argv[i], "--format") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "json") == 0)
      return true;
  }
  return false;
}

// Errors are red on a terminal, never with --no-color or NO_COLOR (decided
// once from the arguments, since an error may come before they are parsed).
bool error_color = false;

bool wants_color(int argc, char** argv)
{
  bool no_color = false;
  for (int i = 1; i < argc; ++i)
    no_color = no_color || std::strcmp(argv[i], "--no-color") == 0;
  return color_on(2, no_color);
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
  // TRANSLATORS: the prefix of every error line, "imictl: error: ...".
  const char* error = _("error:");
  const char* red = error_color ? "\033[31m" : "";
  const char* reset = error_color ? "\033[0m" : "";
  std::cerr << "imictl: " << red << error << reset << ' ' << message << '\n'; // i18n: not shown
  for (const auto& h : hints)
    std::cerr << "imictl: " << _("hint:") << ' ' << h << '\n'; // i18n: not shown (marked)
}

// The table decides which commands exist and how they are summed up: each
// row's setup must add exactly the command the row names, and the summary
// comes from the row, so `imictl --help`, `imictl help` and the table
// cannot drift apart.
void add_commands(CLI::App& app, Runtime& rt)
{
  for (const auto& row : command_table()) {
    const size_t before = app.get_subcommands({}).size();
    row.setup(app, rt);
    const auto after = app.get_subcommands({});
    if (after.size() != before + 1 || after.back()->get_name() != row.name)
      throw std::logic_error(fmt::format("setup of command '{}' must add exactly that command", row.name));
    after.back()->description(_(row.summary));
  }
}

void add_global_options(CLI::App& app, GlobalOptions& o)
{
  const char* g = global_options_group;
  // Read by forced_language() before parsing; declared for --help and checks.
  app.add_option("--lang", o.lang, _("Interface language: nl or en (default: LANGUAGE, LANG)"))
      ->check(CLI::IsMember({"nl", "en"}))
      ->group(g);
  app.add_option("--db", o.db, _("Database file (env IMICTL_DB)"))->group(g);
  app.add_option("--config", o.config, _("TOML configuration file"))->envname("IMICTL_CONFIG")->group(g);
  app.add_option("--as", o.as, _("Acting user (username or e-mail)"))->envname("IMICTL_USER")->group(g);
  // html is the scoreboard's page only (imictl stats); Runtime refuses it elsewhere.
  app.add_option("--format", o.format, _("Output format: table, json, csv (html: stats only)"))
      ->check(CLI::IsMember({"table", "json", "csv", "html"}))
      ->group(g);
  app.add_flag("--json", o.json, _("Same as --format json"))->group(g);
  app.add_flag("-q,--quiet", o.quiet, _("Only errors and results"))->group(g);
  app.add_flag("-v,--verbose", o.verbose, _("More detail on stderr"))->group(g);
  app.add_flag("--no-color", o.no_color, _("No colour (env NO_COLOR)"))->group(g);
  app.add_flag("--csv-raw", o.csv_raw, _("CSV cells exactly as stored (no leading ' before = + - @)"))
      ->group(g);
}

} // namespace

int run(int argc, char** argv)
{
  init_language(forced_language(argc, argv));
  const bool json_errors = wants_json_errors(argc, argv);
  error_color = wants_color(argc, argv);
  Runtime rt;
  CLI::App app{_("imictl - administration of an IMI competent authority (Services Directive)"), "imictl"};
  // CLI11's own flags, in the interface language; subcommands inherit the
  // help flag (and its description) from the root when they are added.
  app.set_help_flag("-h,--help", _("Print this help message and exit"));
  app.set_version_flag("--version", "imictl " IMICTL_VERSION,
                       _("Display program version information and exit"));
  app.fallthrough();
  app.require_subcommand(1);
  app.formatter(help_formatter());
  add_global_options(app, rt.options);

  try {
    add_commands(app, rt);
    try {
      app.parse(argc, argv);
    } catch (const SQLite::Exception& e) {
      rethrow_sqlite_error(e, rt.existing_session() ? rt.existing_session()->database_path() : "");
    }
    // A result that never reached its reader is a failure, not a success:
    // `imictl user list > /dev/full` must not exit 0.
    if (!std::cout.flush())
      throw FailureError(_f("cannot write the output: {}", std::strerror(errno ? errno : EIO)));
    return rt.exit_code;
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    const UsageProblem problem = explain_parse_error(app, e);
    // Bare `imictl` (or `imictl user`) gets the help it needs, on stderr
    // because it still is a usage error (2): a script that forgot its
    // command must not succeed.
    if (problem.show_help != nullptr && !json_errors) {
      std::cerr << help_text(*problem.show_help) << '\n';
      print_error(false, ErrorKind::usage, problem.message, {});
    } else {
      print_error(json_errors, ErrorKind::usage, problem.message, problem.hints);
    }
    return exit_code(ErrorKind::usage);
  } catch (const Error& e) {
    print_error(json_errors, e.kind(), e.what(), e.hints());
    return exit_code(e.kind());
  } catch (const std::exception& e) {
    print_error(json_errors, ErrorKind::failure, _f("internal error: {}", e.what()), {});
    return exit_code(ErrorKind::failure);
  }
}

} // namespace imi::cli
