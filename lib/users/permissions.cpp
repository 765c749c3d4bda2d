#include "users/permissions.hpp"

#include "core/error.hpp"
#include "core/session.hpp"

#include <fmt/format.h>

namespace imi {

// Guide H5 stap 2 and H6: the local data administrator (lda) edits the
// authority, creates users, grants roles and resets passwords. The cron
// actor only does what cron needs.
const std::vector<PermissionRule>& permission_rules()
{
  static const std::vector<PermissionRule> rules = {
      {Permission::register_authority, "authority.add", Role::lda, false, "register another authority"},
      {Permission::edit_authority, "authority.edit", Role::lda, false,
       "edit the authority's data and settings"},
      {Permission::manage_users, "user.manage", Role::lda, false, "create, edit, lock and delete users"},
      {Permission::manage_roles, "role.manage", Role::lda, false, "grant and revoke roles"},
      {Permission::reset_password, "user.reset-password", Role::lda, false, "reset a user's password"},
      {Permission::import_table, "import", Role::lda, false, "import a result table"},
      {Permission::issue_credentials, "user.issue-credentials", Role::lda, true, "queue temporary passwords"},
      {Permission::send_notifications, "notify.send", Role::lda, true, "deliver queued mail"},
      // A person decides, after checking with the recipient, that failed mail
      // may go out again; cron never does.
      {Permission::retry_notifications, "notify.retry", Role::lda, false, "requeue failed mail"},
      {Permission::view_users, "user.view", Role::basic, false, "view the authority's users and roles"},
  };
  return rules;
}

const PermissionRule& permission_rule(Permission p)
{
  for (const auto& r : permission_rules())
    if (r.permission == p) return r;
  throw FailureError("internal: permission without a rule");
}

Actor require(Session& session, Permission permission, std::int64_t target_authority_id,
              const std::string& object)
{
  const PermissionRule& rule = permission_rule(permission);
  auto refuse = [&](const std::string& actor, std::string message) {
    PermissionError e(std::move(message));
    e.action = rule.action;
    e.object = object;
    e.actor = actor;
    throw e;
  };
  Actor actor;
  try {
    actor = resolve_actor(session);
  } catch (PermissionError& e) {
    e.action = rule.action;
    e.object = object;
    e.actor = session.actor_name().value_or("");
    throw;
  }
  if (actor.is_system()) {
    if (!rule.system_allowed)
      refuse(actor.username, fmt::format("the system actor may not {}", rule.description));
    return actor;
  }
  if (actor.authority_id != target_authority_id)
    refuse(actor.username, fmt::format("{} belongs to another authority and may not {} here", actor.username,
                                       rule.description));
  if (!actor.has(rule.role))
    refuse(actor.username, fmt::format("{} may not {}: that needs role {}", actor.username, rule.description,
                                       role_slug(rule.role)));
  return actor;
}

} // namespace imi
