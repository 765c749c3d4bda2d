#include "access/permissions.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "users/user_store.hpp"
#include "util/i18n.hpp"

#include <fmt/format.h>

namespace imi {

// Guide H5 stap 2 and H6: the local data administrator (lda) edits the
// authority, creates users, grants roles and resets passwords; every user
// sees the users of the own authority. The cron actor only does what cron
// needs and sees no personal data.
// The descriptions complete the refusals in require() ("... may not {}"):
// each is what the permission lets one do, as a verb phrase.
const std::vector<PermissionRule>& permission_rules()
{
  static const std::vector<PermissionRule> rules = {
      {Permission::register_authority, "authority.add", Role::lda, false, N_("register another authority")},
      {Permission::edit_authority, "authority.edit", Role::lda, false,
       N_("edit the authority's data and settings")},
      {Permission::manage_users, "user.manage", Role::lda, false, N_("create, edit, lock and delete users")},
      {Permission::manage_roles, "role.manage", Role::lda, false, N_("grant and revoke roles")},
      {Permission::reset_password, "user.reset-password", Role::lda, false, N_("reset a user's password")},
      {Permission::import_table, "import", Role::lda, false, N_("import a result table")},
      {Permission::export_table, "export", Role::lda, false, N_("export the result table")},
      {Permission::issue_credentials, "user.issue-credentials", Role::lda, true,
       N_("queue temporary passwords")},
      {Permission::send_notifications, "notify.send", Role::lda, true, N_("deliver queued mail")},
      // A person decides, after checking with the recipient, that failed mail
      // may go out again; cron never does.
      {Permission::retry_notifications, "notify.retry", Role::lda, false, N_("requeue failed mail")},
      {Permission::view_mail, "notify.list", Role::lda, false, N_("see queued and sent mail")},
      {Permission::view_users, "user.view", Role::basic, false, N_("view the authority's users and roles")},
      {Permission::view_audit, "audit.list", Role::lda, false, N_("read the audit log")},
      {Permission::run_checks, "check", Role::basic, false, N_("check the authority's set-up")},
      // B2/B3: handlers draft and handle requests; which side and state is the
      // lifecycle table's business (lib/requests/lifecycle.cpp).
      {Permission::view_requests, "request.view", Role::basic, false, N_("view information requests")},
      {Permission::handle_requests, "request.handle", Role::handler, false,
       N_("handle information requests")},
      {Permission::allocate_requests, "request.assign", Role::allocator, false,
       N_("assign requests to handlers")},
      {Permission::remind_requests, "request.remind", Role::lda, true, N_("mail reminders of due requests")},
      // Retention (SPEC §2): cron blocks and deletes; blocked data is seen
      // only by an LDA who states a reason, never by cron.
      {Permission::purge_requests, "purge", Role::lda, true, N_("purge expired request data")},
      {Permission::reveal_blocked, "request.reveal", Role::lda, false, N_("see blocked requests")},
      // H5 stap 5: everyone of the authority may see how it performs; the
      // figures are counts, never personal data.
      {Permission::view_stats, "stats.view", Role::basic, false, N_("view the authority's scoreboard")},
  };
  return rules;
}

const PermissionRule& permission_rule(Permission p)
{
  for (const auto& r : permission_rules())
    if (r.permission == p) return r;
  throw FailureError("internal: permission without a rule"); // i18n: not shown (a programming error)
}

bool allowed(const Actor& actor, Permission permission, std::int64_t target_authority_id)
{
  const PermissionRule& rule = permission_rule(permission);
  if (actor.is_system()) return rule.system_allowed;
  return actor.kind == Actor::Kind::user && actor.authority_id == target_authority_id && actor.has(rule.role);
}

namespace {

// A refusal is said twice: in English for the audit log (stored data, never
// translated) and in the interface language for the person refused.
struct Refusal {
  bool shown; // the person's language rather than the log's
  template <typename... Args>
  std::string say(const char* msgid, const Args&... args) const
  {
    return shown ? _f(msgid, args...) : fmt::format(fmt::runtime(msgid), args...);
  }
  const char* text(const char* msgid) const { return shown ? _(msgid) : msgid; }
  const char* role(Role r) const { return shown ? role_display_name(r) : role_slug(r); }
};

std::string refusal_message(const Refusal& in, const Actor& actor, const PermissionRule& rule,
                            std::int64_t target_authority_id)
{
  const char* what = in.text(rule.description);
  switch (actor.kind) {
  case Actor::Kind::anonymous:
    // TRANSLATORS: {} is what the command does, e.g. "grant and revoke roles"
    return in.say(N_("this command needs an acting user: it may {}"), what);
  case Actor::Kind::unknown: break; // NotFoundError, in require()
  case Actor::Kind::inactive:
    if (actor.status == "locked") return in.say(N_("acting user '{}' is locked"), actor.username);
    return in.say(N_("acting user '{}' is deleted"), actor.username);
  case Actor::Kind::system:
    // TRANSLATORS: {} is what the command does, e.g. "purge expired request data"
    return in.say(N_("the system actor may not {}"), what);
  case Actor::Kind::user:
    if (actor.authority_id != target_authority_id)
      // TRANSLATORS: a username, then what the command does, e.g. "grant and revoke roles"
      return in.say(N_("{} belongs to another authority and may not {} here"), actor.username, what);
    // TRANSLATORS: a username, what the command does ("grant and revoke roles"), the role it needs
    return in.say(N_("{} may not {}: that needs role {}"), actor.username, what, in.role(rule.role));
  }
  return {};
}

} // namespace

void require(Session& session, const Actor& actor, Permission permission, std::int64_t target_authority_id,
             const std::string& object)
{
  if (allowed(actor, permission, target_authority_id)) return;
  const PermissionRule& rule = permission_rule(permission);
  if (actor.kind == Actor::Kind::unknown) {
    session.audit_after_rollback(actor.audit_name(), "denied:" + std::string(rule.action), object,
                                 "unknown acting user");
    NotFoundError e(_f("acting user '{}' does not exist", actor.username));
    if (auto near = nearest_username(session.db(), actor.username)) e.hint(_f("did you mean '{}'?", *near));
    throw e;
  }
  std::vector<std::string> hints;
  if (actor.kind == Actor::Kind::anonymous)
    hints.emplace_back(_("name yourself with --as USERNAME or IMICTL_USER"));
  session.audit_after_rollback(actor.audit_name(), "denied:" + std::string(rule.action), object,
                               refusal_message(Refusal{false}, actor, rule, target_authority_id));
  throw PermissionError(refusal_message(Refusal{true}, actor, rule, target_authority_id), hints);
}

} // namespace imi
