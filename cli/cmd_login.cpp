// imictl user activate (first login) and imictl login (guide H2.1).
// Secrets come from the terminal without echo, or one per line from stdin
// with --password-stdin.
#include "core/error.hpp"
#include "runtime.hpp"
#include "users/login.hpp"
#include "users/security_code.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace imi::cli {
namespace {

struct SecretOptions {
  std::string user;
  bool password_stdin = false;
};

// On a terminal a new secret is typed twice; scripts give it once.
std::string read_new_secret(const std::string& prompt, bool from_stdin)
{
  std::string first = read_secret(prompt, from_stdin);
  if (from_stdin) return first;
  // TRANSLATORS: the prompt for typing a new secret a second time, "New password (again)".
  if (read_secret(_f("{} (again)", prompt), false) != first)
    throw InvalidInputError(_f("{}: the two entries differ", prompt));
  return first;
}

void run_activate(const SecretOptions& o, Runtime& rt)
{
  Session& s = rt.session();
  const UserRef ref = prepare_activation(s, o.user);
  ActivationSecrets secrets;
  secrets.temporary_password = read_secret(_("Temporary password"), o.password_stdin);
  secrets.new_password = read_new_secret(_("New password"), o.password_stdin);
  secrets.security_code = read_new_secret(_("Security code (12 characters)"), o.password_stdin);
  const UserView u = activate_user(s, ref.username, secrets);
  if (rt.format() == Format::table)
    rt.out().line(_f("Activated {}", u.username));
  else
    rt.out().object(user_record(u));
}

void run_login(const SecretOptions& o, Runtime& rt)
{
  Session& s = rt.session();
  const UserRef ref = prepare_login(s, o.user);
  const std::string password = read_secret(_("Password"), o.password_stdin);
  const auto positions = pick_code_positions();
  // TRANSLATORS: {} names the positions asked for, e.g. "3, 7 and 11".
  const std::string prompt = _f("Security code characters {}", describe_positions(positions));
  if (o.password_stdin) std::cerr << prompt << ":" << std::endl;
  const std::string answer = read_secret(prompt, o.password_stdin);
  const UserView u = login_user(s, ref.username, password, positions, answer);
  if (rt.format() == Format::table)
    rt.out().line(_f("Logged in as {}", u.username));
  else
    rt.out().object(user_record(u));
}

} // namespace

void setup_user_activate(CLI::App& user, Runtime& rt)
{
  auto o = std::make_shared<SecretOptions>();
  auto* cmd =
      user.add_subcommand("activate", _("First login: temporary password, new password, security code"));
  cmd->add_option("USER", o->user, _("Username or e-mail address"))->required();
  cmd->add_flag("--password-stdin", o->password_stdin,
                _("Read temporary password, new password and security code from stdin, one per line"));
  cmd->callback([o, &rt] { run_activate(*o, rt); });
}

void setup_login(CLI::App& root, Runtime& rt)
{
  auto o = std::make_shared<SecretOptions>();
  auto* cmd = root.add_subcommand("login");
  cmd->add_option("USER", o->user, _("Username or e-mail address"))->required();
  cmd->add_flag("--password-stdin", o->password_stdin,
                _("Read the password, then the requested code characters, one line each, from stdin"));
  cmd->callback([o, &rt] { run_login(*o, rt); });
}

} // namespace imi::cli
