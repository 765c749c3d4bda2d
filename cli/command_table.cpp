// The commands, in the order `imictl --help` lists them. cli/app.cpp calls
// each row's setup, checks that it added the command the row names, and
// gives that command the row's summary: the one place summaries live.
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <iterator>
#include <string_view>

namespace imi::cli {

void setup_init(CLI::App&, Runtime&);
void setup_authority(CLI::App&, Runtime&);
void setup_user(CLI::App&, Runtime&);
void setup_role(CLI::App&, Runtime&);
void setup_login(CLI::App&, Runtime&);
void setup_notify(CLI::App&, Runtime&);
void setup_request(CLI::App&, Runtime&);
void setup_assign(CLI::App&, Runtime&);
void setup_unassign(CLI::App&, Runtime&);
void setup_archive(CLI::App&, Runtime&);
void setup_import(CLI::App&, Runtime&);
void setup_export(CLI::App&, Runtime&);
void setup_check(CLI::App&, Runtime&);
void setup_stats(CLI::App&, Runtime&);
void setup_audit(CLI::App&, Runtime&);
void setup_purge(CLI::App&, Runtime&);
void setup_config(CLI::App&, Runtime&);
void setup_migrate(CLI::App&, Runtime&);
void setup_help(CLI::App&, Runtime&);
void setup_completion(CLI::App&, Runtime&);

namespace {

constexpr CommandSpec rows[] = {
    {"init", "Create the database with the own authority and its first user", setup_init},
    {"authority", "Register, show, search and edit authorities", setup_authority},
    {"user", "Manage the users of the own authority", setup_user},
    {"role", "Grant and revoke roles", setup_role},
    {"login", "Log in with password and three characters of the security code", setup_login},
    {"notify", "List and deliver queued mail", setup_notify},
    {"request", "Information requests: draft, send, handle, answer (B2, B3)", setup_request},
    {"assign", "Assign a request to handlers (allocator, B3)", setup_assign},
    {"unassign", "Take a handler off a request (allocator)", setup_unassign},
    {"archive", "Archive requests with their personal data (H5 stap 3.5)", setup_archive},
    {"import", "Import a result table (guide Bijlage 4): departments, users, roles", setup_import},
    {"export", "Export data as files for spreadsheets", setup_export},
    {"stats", "The authority's scoreboard: sent, received, answered in time (H5)", setup_stats},
    {"check", "Check the set-up against the guide's advice; exit 1 on errors", setup_check},
    {"audit", "List and verify the audit log", setup_audit},
    {"purge", "Retention: block and delete closed requests (cron)", setup_purge},
    {"config", "Show the effective configuration", setup_config},
    {"migrate", "Bring the database schema up to date", setup_migrate},
    {"completion", "Print a shell completion script (bash, zsh)", setup_completion},
    {"help", "Show the help of imictl or of a command", setup_help},
};

// The summaries again, marked for translation (cli/app.cpp translates each
// row's): the rows keep plain literals, as tests/e2e/help.bash reads them
// from this file. The compiler holds both lists to the same texts.
constexpr const char* translatable_summaries[] = {
    N_("Create the database with the own authority and its first user"),
    N_("Register, show, search and edit authorities"),
    N_("Manage the users of the own authority"),
    N_("Grant and revoke roles"),
    N_("Log in with password and three characters of the security code"),
    N_("List and deliver queued mail"),
    N_("Information requests: draft, send, handle, answer (B2, B3)"),
    N_("Assign a request to handlers (allocator, B3)"),
    N_("Take a handler off a request (allocator)"),
    N_("Archive requests with their personal data (H5 stap 3.5)"),
    N_("Import a result table (guide Bijlage 4): departments, users, roles"),
    N_("Export data as files for spreadsheets"),
    N_("The authority's scoreboard: sent, received, answered in time (H5)"),
    N_("Check the set-up against the guide's advice; exit 1 on errors"),
    N_("List and verify the audit log"),
    N_("Retention: block and delete closed requests (cron)"),
    N_("Show the effective configuration"),
    N_("Bring the database schema up to date"),
    N_("Print a shell completion script (bash, zsh)"),
    N_("Show the help of imictl or of a command"),
};

constexpr bool summaries_marked()
{
  if (std::size(rows) != std::size(translatable_summaries)) return false;
  for (size_t i = 0; i < std::size(rows); ++i)
    if (std::string_view(rows[i].summary) != translatable_summaries[i]) return false;
  return true;
}
static_assert(summaries_marked(),
              "every summary in rows[] must be marked, in order, in translatable_summaries[]");

} // namespace

const std::vector<CommandSpec>& command_table()
{
  static const std::vector<CommandSpec> table(std::begin(rows), std::end(rows));
  return table;
}

} // namespace imi::cli
