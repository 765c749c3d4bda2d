// imictl user delete|restore|lock|unlock|reset-password: the changes that
// take something away from a user. Each can be tried with --dry-run first;
// delete also asks on a terminal, or takes --yes (lib/users/user_admin.hpp).
#include "runtime.hpp"
#include "users/user_admin.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

// --dry-run output says what would happen; the record is the user as the
// change would leave them, so scripts can check it before running for real.
void show_result(Runtime& rt, const UserView& u, bool dry_run, const char* verb)
{
  if (dry_run)
    rt.reporter().note(fmt::format("dry run: {} would be {}; nothing was changed", u.username, verb));
  rt.changed(user_record(u));
}

struct TargetOptions {
  std::string user;
  bool dry_run = false;
};

using UserChange = UserView (*)(Session&, const Actor&, std::string_view, bool);

void add_simple(CLI::App& cmd, Runtime& rt, const char* name, const char* help, const char* verb,
                UserChange fn)
{
  auto o = std::make_shared<TargetOptions>();
  auto* sub = cmd.add_subcommand(name, help);
  sub->add_option("USER", o->user, "Username or e-mail address")->required();
  sub->add_flag("-n,--dry-run", o->dry_run, "Check and show the result; change nothing");
  sub->callback([o, fn, verb, &rt] {
    show_result(rt, fn(rt.session(), rt.actor(), o->user, o->dry_run), o->dry_run, verb);
  });
}

} // namespace

void setup_user_lifecycle(CLI::App& cmd, Runtime& rt)
{
  auto del = std::make_shared<DeleteOptions>();
  auto target = std::make_shared<std::string>();
  auto reassign = std::make_shared<std::string>();
  auto* remove = cmd.add_subcommand("delete", "Delete a user (kept as 'deleted' until purge; see restore)");
  remove->add_option("USER", *target, "Username or e-mail address")->required();
  remove->add_option("--reassign-to", *reassign, "Handler who takes over the user's open requests")
      ->type_name("USER");
  remove->add_flag("-n,--dry-run", del->dry_run, "Check and show the result; change nothing");
  remove->add_flag("-y,--yes", del->yes, "Do not ask (needed when there is no terminal)");
  remove->callback([del, target, reassign, &rt] {
    if (!reassign->empty()) del->reassign_to = *reassign;
    show_result(rt, delete_user(rt.session(), rt.actor(), *target, *del), del->dry_run, "deleted");
  });

  add_simple(cmd, rt, "restore", "Undo a delete within the retention period ([retention] delete_after)",
             "restored", restore_user);
  add_simple(cmd, rt, "lock", "Lock an account", "locked", lock_user);
  auto* unlock_cmd = cmd.add_subcommand("unlock", "Unlock an account (also after 5 failed logins)");
  auto u = std::make_shared<std::string>();
  unlock_cmd->add_option("USER", *u, "Username or e-mail address")->required();
  unlock_cmd->callback([u, &rt] { rt.changed(user_record(unlock_user(rt.session(), rt.actor(), *u))); });
  add_simple(cmd, rt, "reset-password", "Clear the password and mail a new temporary password", "reset",
             reset_user_password);
}

} // namespace imi::cli
