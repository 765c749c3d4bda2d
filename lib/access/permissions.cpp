#include "access/permissions.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_store.hpp"

#include <fmt/format.h>

namespace imi {

// Guide H5 stap 2 and H6: the local data administrator (lda) edits the
// authority, creates users, grants roles and resets passwords; every user
// sees the users of the own authority. The cron actor only does what cron
// needs and sees no personal data.
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
      {Permission::export_table, "export", Role::lda, false, "export the result table"},
      {Permission::issue_credentials, "user.issue-credentials", Role::lda, true, "queue temporary passwords"},
      {Permission::send_notifications, "notify.send", Role::lda, true, "deliver queued mail"},
      // A person decides, after checking with the recipient, that failed mail
      // may go out again; cron never does.
      {Permission::retry_notifications, "notify.retry", Role::lda, false, "requeue failed mail"},
      {Permission::view_mail, "notify.list", Role::lda, false, "see queued and sent mail"},
      {Permission::view_users, "user.view", Role::basic, false, "view the authority's users and roles"},
      {Permission::view_audit, "audit.list", Role::lda, false, "read the audit log"},
      {Permission::run_checks, "check", Role::basic, false, "check the authority's set-up"},
      // B2/B3: handlers draft and handle requests; which side and state is the
      // lifecycle table's business (lib/requests/lifecycle.cpp).
      {Permission::view_requests, "request.view", Role::basic, false, "view information requests"},
      {Permission::handle_requests, "request.handle", Role::handler, false, "handle information requests"},
      {Permission::allocate_requests, "request.assign", Role::allocator, false,
       "assign requests to handlers"},
      {Permission::remind_requests, "request.remind", Role::lda, true, "mail reminders of due requests"},
      // Retention (SPEC §2): cron blocks and deletes; blocked data is seen
      // only by an LDA who states a reason, never by cron.
      {Permission::purge_requests, "purge", Role::lda, true, "purge expired request data"},
      {Permission::reveal_blocked, "request.reveal", Role::lda, false, "see blocked requests"},
      // H5 stap 5: everyone of the authority may see how it performs; the
      // figures are counts, never personal data.
      {Permission::view_stats, "stats.view", Role::basic, false, "view the authority's scoreboard"},
  };
  return rules;
}

const PermissionRule& permission_rule(Permission p)
{
  for (const auto& r : permission_rules())
    if (r.permission == p) return r;
  throw FailureError("internal: permission without a rule");
}

bool allowed(const Actor& actor, Permission permission, std::int64_t target_authority_id)
{
  const PermissionRule& rule = permission_rule(permission);
  if (actor.is_system()) return rule.system_allowed;
  return actor.kind == Actor::Kind::user && actor.authority_id == target_authority_id && actor.has(rule.role);
}

void require(Session& session, const Actor& actor, Permission permission, std::int64_t target_authority_id,
             const std::string& object)
{
  if (allowed(actor, permission, target_authority_id)) return;
  const PermissionRule& rule = permission_rule(permission);
  std::string message;
  std::vector<std::string> hints;
  switch (actor.kind) {
  case Actor::Kind::anonymous:
    message = fmt::format("this command needs an acting user: it may {}", rule.description);
    hints.push_back("name yourself with --as USERNAME or IMICTL_USER");
    break;
  case Actor::Kind::unknown: {
    session.audit_after_rollback(actor.audit_name(), "denied:" + std::string(rule.action), object,
                                 "unknown acting user");
    NotFoundError e(fmt::format("acting user '{}' does not exist", actor.username));
    if (auto near = nearest_username(session.db(), actor.username))
      e.hint(fmt::format("did you mean '{}'?", *near));
    throw e;
  }
  case Actor::Kind::inactive:
    message = fmt::format("acting user '{}' is {}", actor.username, actor.status);
    break;
  case Actor::Kind::system: message = fmt::format("the system actor may not {}", rule.description); break;
  case Actor::Kind::user:
    if (actor.authority_id != target_authority_id)
      message = fmt::format("{} belongs to another authority and may not {} here", actor.username,
                            rule.description);
    else
      message = fmt::format("{} may not {}: that needs role {}", actor.username, rule.description,
                            role_slug(rule.role));
    break;
  }
  session.audit_after_rollback(actor.audit_name(), "denied:" + std::string(rule.action), object, message);
  throw PermissionError(message, hints);
}

} // namespace imi
