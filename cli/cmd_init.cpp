// imictl init: create the database, the own authority and its first user.
#include "authority/init.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace imi::cli {
namespace {

struct InitOptions {
  InitInput input;
  std::string informal_name;
};

// "lda", "lda and handler": role codes as they are typed; in Dutch the
// guide's names ("Lokale gegevensbeheerder en Behandelaar").
std::string role_list(std::vector<std::string> roles)
{
  for (auto& role : roles)
    role = C_("role", role.c_str());
  if (roles.size() < 2) return roles.empty() ? std::string() : roles.front();
  const std::vector<std::string> head(roles.begin(), roles.end() - 1);
  // TRANSLATORS: the end of a list, "lda, allocator and handler".
  return _f("{} and {}", fmt::format("{}", fmt::join(head, ", ")), roles.back());
}

void run_init(InitOptions& o, Runtime& rt)
{
  if (!o.informal_name.empty()) o.input.authority.informal_name = o.informal_name;
  o.input.authority.type = "competent_authority";
  Session& s = rt.session();
  const InitResult r = initialise(s, o.input);
  std::vector<std::string> roles = r.roles;
  roles.insert(roles.begin(), "basic");
  std::sort(roles.begin(), roles.end());
  Record rec{{"authority_id", r.authority_id},
             {"username", r.username},
             {"database", s.database_path()},
             {"roles", roles}};
  if (rt.format() == Format::table) {
    rt.out().line(r.username);
    rt.reporter().note(_n("created {0}; first user '{1}' has role {2}. Hand the username over outside the "
                          "system.",
                          "created {0}; first user '{1}' has roles {2}. Hand the username over outside the "
                          "system.",
                          r.roles.size(), s.database_path(), r.username, role_list(r.roles)));
    if (o.input.services.empty())
      rt.reporter().note(_f("once the services are known, make '{0}' a handler too: "
                            "imictl --as {0} role grant {0} handler --service KEYWORD",
                            r.username));
  } else {
    rt.out().object(rec);
  }
}

} // namespace

void setup_init(CLI::App& root, Runtime& rt)
{
  auto o = std::make_shared<InitOptions>();
  auto* cmd = root.add_subcommand("init");
  cmd->add_option("--authority", o->input.authority.name, _("Formal name of the own authority"))->required();
  cmd->add_option("--country", o->input.authority.country, _("ISO 3166 country code (NL)"))->required();
  cmd->add_option("--email", o->input.authority.email, _("The authority's e-mail (gets a cc of every mail)"))
      ->required();
  cmd->add_option("--informal-name", o->informal_name, _("Informal name, understandable abroad"));
  cmd->add_option("--language", o->input.authority.language, _("Language of the authority"))
      ->capture_default_str();
  cmd->add_option("--first-name", o->input.first_name, _("First user's first name"))->required();
  cmd->add_option("--last-name", o->input.last_name, _("First user's last name"))->required();
  cmd->add_option("--user-email", o->input.user_email, _("First user's e-mail"))->required();
  cmd->add_option("--user-language", o->input.user_language, _("First user's language"))
      ->capture_default_str();
  cmd->add_option("--service", o->input.services,
                  _("Service keyword of the first user, who then is a handler too (repeatable)"));
  cmd->callback([o, &rt] { run_init(*o, rt); });
}

} // namespace imi::cli
