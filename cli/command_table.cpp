// The commands, in the order `imictl --help` lists them. cli/app.cpp calls
// each row's setup, checks that it added the command the row names, and
// gives that command the row's summary, translated: the one place
// summaries live.
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <iterator>

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
    {"init", N_("Create the database with the own authority and its first user"), setup_init},
    {"authority", N_("Register, show, search and edit authorities"), setup_authority},
    {"user", N_("Manage the users of the own authority"), setup_user},
    {"role", N_("Grant and revoke roles"), setup_role},
    {"login", N_("Log in with password and three characters of the security code"), setup_login},
    {"notify", N_("List and deliver queued mail"), setup_notify},
    {"request", N_("Information requests: draft, send, handle, answer (B2, B3)"), setup_request},
    {"assign", N_("Assign a request to handlers (allocator, B3)"), setup_assign},
    {"unassign", N_("Take a handler off a request (allocator)"), setup_unassign},
    {"archive", N_("Archive requests with their personal data (H5 stap 3.5)"), setup_archive},
    {"import", N_("Import a result table (guide Bijlage 4): departments, users, roles"), setup_import},
    {"export", N_("Export data as files for spreadsheets"), setup_export},
    {"stats", N_("The authority's scoreboard: sent, received, answered in time (H5)"), setup_stats},
    {"check", N_("Check the set-up against the guide's advice; exit 1 on errors"), setup_check},
    {"audit", N_("List and verify the audit log"), setup_audit},
    {"purge", N_("Retention: block and delete closed requests (cron)"), setup_purge},
    {"config", N_("Show the effective configuration"), setup_config},
    {"migrate", N_("Bring the database schema up to date"), setup_migrate},
    {"completion", N_("Print a shell completion script (bash, zsh)"), setup_completion},
    {"help", N_("Show the help of imictl or of a command"), setup_help},
};

} // namespace

const std::vector<CommandSpec>& command_table()
{
  static const std::vector<CommandSpec> table(std::begin(rows), std::end(rows));
  return table;
}

} // namespace imi::cli
