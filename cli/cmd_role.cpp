// imictl role grant|revoke|list|who.
#include "enum_option.hpp"
#include "runtime.hpp"
#include "users/role_admin.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

const std::vector<std::string> role_columns = {"username", "role", "status", "services"};

Record role_row(const RoleRow& r)
{
  return {{"username", r.username}, {"role", r.role}, {"status", r.status}, {"services", r.services}};
}

struct GrantOptions {
  std::string user;
  std::vector<std::string> roles, services;
  bool dry_run = false; // revoke only
};

void stream_roles(Runtime& rt,
                  const std::function<void(const std::function<void(const RoleRow&)>&)>& producer)
{
  std::vector<Record> rows;
  producer([&](const RoleRow& r) { rows.push_back(role_row(r)); });
  rt.out().list(role_columns, rows);
}

} // namespace

void setup_role(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("role");
  cmd->require_subcommand(1);
  const std::string role_help = _("Role: basic, handler, lda, allocator (Dutch or English names too)");

  auto g = std::make_shared<GrantOptions>();
  auto* grant = cmd->add_subcommand("grant", _("Grant roles; a handler needs at least one service"));
  grant->add_option("USER", g->user, _("Username or e-mail address"))->required();
  grant->add_option("ROLE", g->roles, role_help)->required()->check(role_value());
  grant->add_option("--service", g->services, _("Service keyword for a handler (repeatable)"))
      ->type_name("KW");
  grant->callback([g, &rt] {
    rt.changed(user_record(grant_roles(rt.session(), rt.actor(), g->user, g->roles, g->services)));
  });

  auto r = std::make_shared<GrantOptions>();
  auto* revoke = cmd->add_subcommand("revoke", _("Revoke roles (not the last lda)"));
  revoke->add_option("USER", r->user, _("Username or e-mail address"))->required();
  revoke->add_option("ROLE", r->roles, role_help)->required()->check(role_value());
  revoke->add_flag("-n,--dry-run", r->dry_run, _("Check and show the result; change nothing"));
  revoke->callback([r, &rt] {
    const UserView u = revoke_roles(rt.session(), rt.actor(), r->user, r->roles, r->dry_run);
    if (r->dry_run) rt.reporter().note(_("dry run: nothing was changed"));
    rt.changed(user_record(u));
  });

  auto who_list = std::make_shared<std::string>();
  auto* list = cmd->add_subcommand("list", _("List the roles of every user, or of one"));
  list->add_option("USER", *who_list, _("Username or e-mail address"));
  list->callback([who_list, &rt] {
    const std::optional<std::string> user = who_list->empty() ? std::nullopt : std::optional(*who_list);
    stream_roles(rt, [&](const auto& sink) { list_roles(rt.session(), rt.actor(), user, sink); });
  });

  auto role = std::make_shared<std::string>();
  auto* who = cmd->add_subcommand("who", _("List the users holding a role"));
  who->add_option("ROLE", *role, role_help)->required()->check(role_value());
  who->callback([role, &rt] {
    stream_roles(rt, [&](const auto& sink) { users_with_role(rt.session(), rt.actor(), *role, sink); });
  });
}

} // namespace imi::cli
