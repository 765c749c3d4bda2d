// Who may do what: one table (permissions.cpp). Every library function that
// reads or writes personal data, or changes anything, calls require() with
// the actor its caller passed; the end-to-end access matrix walks the table.
#pragma once

#include "access/actor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace imi {

enum class Permission {
  register_authority,  // authority add
  edit_authority,      // authority edit/competence/keywords/settings
  manage_users,        // user add/edit/rename/delete/lock/unlock/print/link
  manage_roles,        // role grant/revoke
  reset_password,      // user reset-password
  import_table,        // import
  export_table,        // export result-table: every user's name, mailbox, roles
  issue_credentials,   // user issue-credentials (cron)
  send_notifications,  // notify send (cron)
  retry_notifications, // notify retry: requeue mail that may have arrived
  view_mail,           // notify list: recipients' addresses and subjects
  view_users,          // user list/show, role list/who, authority show's users
  view_audit,          // audit list: who did what to whom
  run_checks,          // check: findings name users
  view_requests,       // request list/show; which requests is request_view()'s business
  handle_requests,     // request create and the handler rows of the lifecycle table
  allocate_requests,   // assign, unassign (B3)
  remind_requests,     // request remind (cron)
  purge_requests,      // purge (cron): block and delete closed requests, wipe deleted users
  reveal_blocked,      // request list/show --reveal-blocked: see requests blocked by retention
  view_stats,          // stats: counts and indicators, no personal data
};

struct PermissionRule {
  Permission permission;
  const char* action;  // audit action name, "user.add"
  Role role;           // role the actor needs in the target authority
  bool system_allowed; // the cron actor `system` may do it
  const char* description;
};
const std::vector<PermissionRule>& permission_rules();
const PermissionRule& permission_rule(Permission p);

// Whether the actor may do it, without refusing or auditing (to leave out
// a part of a view, such as the users of an authority).
bool allowed(const Actor& actor, Permission permission, std::int64_t target_authority_id);

// Refuses unless allowed: anonymous and inactive actors and wrong
// authorities or roles are PermissionError (4), an unknown actor
// NotFoundError (3). Every refusal is recorded in the audit log as
// `denied:<action>` once the command's transaction has rolled back.
void require(Session& session, const Actor& actor, Permission permission, std::int64_t target_authority_id,
             const std::string& object);

} // namespace imi
