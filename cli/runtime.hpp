// What every subcommand's run function gets: the global options, the library
// session (created on first use, so `--help` and `--version` never touch
// config or database), and the one output renderer.
#pragma once

#include "access/actor.hpp"
#include "core/output.hpp"
#include "core/reporter.hpp"
#include "core/session.hpp"

#include <memory>
#include <optional>
#include <string>

namespace CLI {
class App;
}

namespace imi::cli {

struct GlobalOptions {
  std::string db;
  std::string config;
  std::string as;
  std::string format; // table|json|csv|html; empty = table
  std::string lang;   // nl|en; applied by init_language() before parsing
  bool json = false;
  bool quiet = false;
  bool verbose = false;
  bool no_color = false;
  bool csv_raw = false; // CSV cells as stored, no spreadsheet formula guard
};

class Runtime {
public:
  Runtime();
  ~Runtime();

  GlobalOptions options;

  Session& session();
  // The acting user (lib/access identify()), resolved on first use and then
  // passed explicitly to every library call.
  const Actor& actor();
  // The built-in cron actor, for purge, notify send, user issue-credentials.
  Actor system() { return system_actor(session()); }
  Renderer& out();
  // Commands whose record holds nested data (authority show, request show)
  // call this first: CSV cannot carry it, and the usage error must come
  // before the command does anything (a reveal is audited, for one).
  void refuse_csv_for_nested() const;
  // The record a changing command (user edit, role grant, ...) prints to
  // show the result; -q leaves it out, so scripts can be silent on success.
  void changed(const Record& record);
  Reporter& reporter();
  Format format() const;
  bool stdin_is_tty() const;

  // Set by the commands that render --format html (stats) before anything
  // else; every other command refuses html as a usage error.
  bool html_allowed = false;

  // The exit code a command asks for without an error (check: 1 on errors).
  int exit_code = 0;

  // Whether a session was created (the error handler records refusals).
  Session* existing_session() { return session_.get(); }

private:
  void refuse_html() const;
  std::unique_ptr<Reporter> reporter_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<Renderer> renderer_;
  std::optional<Actor> actor_;
};

// Subcommands: each file cli/cmd_<name>.cpp defines setup_<name>, which adds
// its one command (the row's name) to the root app and binds callbacks that
// call its run functions. The table in command_table.cpp lists them all and
// holds their summaries; cli/app.cpp refuses a setup that adds anything else.
struct CommandSpec {
  const char* name;
  const char* summary;
  void (*setup)(CLI::App& root, Runtime& rt);
};
const std::vector<CommandSpec>& command_table();

// The one colour rule: a terminal on `fd`, and neither --no-color nor NO_COLOR.
bool color_on(int fd, bool no_color_option);

// Reads a secret from the terminal without echo, or one line from stdin when
// `from_stdin` (scripts: --password-stdin).
std::string read_secret(const std::string& prompt, bool from_stdin);

} // namespace imi::cli
