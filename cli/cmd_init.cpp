// imictl init: create the database, the own authority and its first user.
#include "authority/init.hpp"
#include "runtime.hpp"

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
    rt.reporter().note(fmt::format("created {}; first user '{}' has roles {}. Hand the username over outside "
                                   "the system.",
                                   s.database_path(), r.username, fmt::join(r.roles, " and ")));
    if (o.input.services.empty())
      rt.reporter().note(fmt::format("once the services are known, make '{0}' a handler too: "
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
  cmd->add_option("--authority", o->input.authority.name, "Formal name of the own authority")->required();
  cmd->add_option("--country", o->input.authority.country, "ISO 3166 country code (NL)")->required();
  cmd->add_option("--email", o->input.authority.email, "The authority's e-mail (gets a cc of every mail)")
      ->required();
  cmd->add_option("--informal-name", o->informal_name, "Informal name, understandable abroad");
  cmd->add_option("--language", o->input.authority.language, "Language of the authority")
      ->capture_default_str();
  cmd->add_option("--first-name", o->input.first_name, "First user's first name")->required();
  cmd->add_option("--last-name", o->input.last_name, "First user's last name")->required();
  cmd->add_option("--user-email", o->input.user_email, "First user's e-mail")->required();
  cmd->add_option("--user-language", o->input.user_language, "First user's language")->capture_default_str();
  cmd->add_option("--service", o->input.services,
                  "Service keyword of the first user, who then is a handler too (repeatable)");
  cmd->callback([o, &rt] { run_init(*o, rt); });
}

} // namespace imi::cli
