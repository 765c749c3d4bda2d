// imictl user delete|restore|lock|unlock|reset-password: the changes that
// take something away from a user. Each can be tried with --dry-run first;
// delete also asks on a terminal, or takes --yes (lib/users/user_admin.hpp).
#include "runtime.hpp"
#include "users/user_admin.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

// --dry-run output says what would happen; the record is the user as the
// change would leave them, so scripts can check it before running for real.
// `dry_run_note` is a whole sentence marked with N_, its {} the username.
void show_result(Runtime& rt, const UserView& u, bool dry_run, const char* dry_run_note)
{
  if (dry_run) rt.reporter().note(_f(dry_run_note, u.username));
  rt.changed(user_record(u));
}

struct TargetOptions {
  std::string user;
  bool dry_run = false;
};

using UserChange = UserView (*)(Session&, const Actor&, std::string_view, bool);

void add_simple(CLI::App& cmd, Runtime& rt, const char* name, const char* help, const char* dry_run_note,
                UserChange fn)
{
  auto o = std::make_shared<TargetOptions>();
  auto* sub = cmd.add_subcommand(name, help);
  sub->add_option("USER", o->user, _("Username or e-mail address"))->required();
  sub->add_flag("-n,--dry-run", o->dry_run, _("Check and show the result; change nothing"));
  sub->callback([o, fn, dry_run_note, &rt] {
    show_result(rt, fn(rt.session(), rt.actor(), o->user, o->dry_run), o->dry_run, dry_run_note);
  });
}

} // namespace

void setup_user_lifecycle(CLI::App& cmd, Runtime& rt)
{
  auto del = std::make_shared<DeleteOptions>();
  auto target = std::make_shared<std::string>();
  auto reassign = std::make_shared<std::string>();
  auto* remove =
      cmd.add_subcommand("delete", _("Delete a user (kept as 'deleted' until purge; see restore)"));
  remove->add_option("USER", *target, _("Username or e-mail address"))->required();
  remove->add_option("--reassign-to", *reassign, _("Handler who takes over the user's open requests"))
      ->type_name("USER");
  remove->add_flag("-n,--dry-run", del->dry_run, _("Check and show the result; change nothing"));
  remove->add_flag("-y,--yes", del->yes, _("Do not ask (needed when there is no terminal)"));
  remove->callback([del, target, reassign, &rt] {
    if (!reassign->empty()) del->reassign_to = *reassign;
    show_result(rt, delete_user(rt.session(), rt.actor(), *target, *del), del->dry_run,
                N_("dry run: {} would be deleted; nothing was changed"));
  });

  add_simple(cmd, rt, "restore", _("Undo a delete within the retention period ([retention] delete_after)"),
             N_("dry run: {} would be restored; nothing was changed"), restore_user);
  add_simple(cmd, rt, "lock", _("Lock an account"), N_("dry run: {} would be locked; nothing was changed"),
             lock_user);
  auto* unlock_cmd = cmd.add_subcommand("unlock", _("Unlock an account (also after 5 failed logins)"));
  auto u = std::make_shared<std::string>();
  unlock_cmd->add_option("USER", *u, _("Username or e-mail address"))->required();
  unlock_cmd->callback([u, &rt] { rt.changed(user_record(unlock_user(rt.session(), rt.actor(), *u))); });
  add_simple(
      cmd, rt, "reset-password", _("Clear the password and mail a new temporary password"),
      // TRANSLATORS: "reset" here: the user's password would be cleared and a new temporary one mailed.
      N_("dry run: {} would be reset; nothing was changed"), reset_user_password);
}

} // namespace imi::cli
