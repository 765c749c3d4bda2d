// Who may do what: one table (permissions.cpp). Every state-changing library
// function calls require() before it writes; the end-to-end tests walk the
// table.
#pragma once

#include "users/actor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace imi {

enum class Permission {
  register_authority,  // authority add
  edit_authority,      // authority edit/competence/keywords/settings
  manage_users,        // user add/edit/rename/delete/lock/unlock/print
  manage_roles,        // role grant/revoke
  reset_password,      // user reset-password
  import_table,        // import
  issue_credentials,   // user issue-credentials (cron)
  send_notifications,  // notify send (cron)
  retry_notifications, // notify retry: requeue mail that may have arrived
  view_users,          // user list/show, role list/who: any user of the authority
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

// Resolves the actor and checks the rule against the target authority.
// Throws PermissionError (exit 4) carrying action/object for the audit log.
Actor require(Session& session, Permission permission, std::int64_t target_authority_id,
              const std::string& object);

} // namespace imi
