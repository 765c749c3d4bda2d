#include "access/invocation.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <cstdlib>
#include <fmt/format.h>
#include <pwd.h>
#include <unistd.h>

namespace imi {

OsAccount invoking_account()
{
  const uid_t real = ::getuid();
  const char* sudo_user = std::getenv("SUDO_USER");
  const char* sudo_uid = std::getenv("SUDO_UID");
  if (sudo_user && *sudo_user && sudo_uid && std::to_string(real) != sudo_uid) {
    if (const passwd* pw = ::getpwnam(sudo_user)) return {pw->pw_name, pw->pw_uid, true};
  }
  if (const passwd* pw = ::getpwuid(real)) return {pw->pw_name, real, false};
  return {std::to_string(real), real, false};
}

void check_caller_choices(bool config_named, bool db_named)
{
  if (!config_named && !db_named) return;
  const OsAccount who = invoking_account();
  // Someone who may become root through sudo can read and write every file
  // anyway; the rule protects a service account from its callers.
  if (!who.through_sudo || ::geteuid() == 0) return;
  // TRANSLATORS: the option --config or --db, then the login of the account that called sudo
  throw PermissionError(
      _f("{} cannot be chosen through sudo (called by '{}')", config_named ? "--config" : "--db", who.login),
      {_("the service account's configuration (/etc/imictl/config.toml or its own) names the "
         "database")});
}

} // namespace imi
