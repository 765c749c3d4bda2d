// imictl user link USER --os-user LOGIN | user unlink USER: shared mode's
// link between an imictl user and the OS account that acts as them (SPEC §5).
#include "runtime.hpp"
#include "users/user_link.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

struct LinkOptions {
  std::string user, os_user;
};

void setup_user_link(CLI::App& user, Runtime& rt)
{
  auto o = std::make_shared<LinkOptions>();
  auto* link =
      user.add_subcommand("link", _("Link a user to the OS account that acts as them in shared mode"));
  link->add_option("USER", o->user, _("Username or e-mail address"))->required();
  link->add_option("--os-user", o->os_user, _("OS login name (as sudo's SUDO_USER reports it)"))
      ->required()
      ->type_name("LOGIN");
  link->callback(
      [o, &rt] { rt.changed(user_record(link_os_user(rt.session(), rt.actor(), o->user, o->os_user))); });

  auto* unlink = user.add_subcommand("unlink", _("Remove a user's link to an OS account"));
  unlink->add_option("USER", o->user, _("Username or e-mail address"))->required();
  unlink->callback([o, &rt] { rt.changed(user_record(unlink_os_user(rt.session(), rt.actor(), o->user))); });
}

} // namespace imi::cli
