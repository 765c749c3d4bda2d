#include "access/permissions.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace imi;

TEST_CASE("users::permission_rules")
{
  const auto& rules = permission_rules();
  SUBCASE("one rule per permission, one audit action per rule")
  {
    std::set<int> permissions;
    std::set<std::string> actions;
    for (const auto& r : rules) {
      CHECK(permissions.insert(static_cast<int>(r.permission)).second);
      CHECK(actions.insert(r.action).second);
    }
  }
  SUBCASE("every permission has a rule")
  {
    for (Permission p : {Permission::register_authority, Permission::edit_authority, Permission::manage_users,
                         Permission::manage_roles, Permission::reset_password, Permission::import_table,
                         Permission::issue_credentials, Permission::send_notifications,
                         Permission::retry_notifications, Permission::view_users})
      CHECK_NOTHROW(permission_rule(p));
  }
  SUBCASE("the system actor does cron work only")
  {
    for (const auto& r : rules) {
      const bool cron =
          r.permission == Permission::issue_credentials || r.permission == Permission::send_notifications;
      CHECK_MESSAGE(r.system_allowed == cron, r.action);
    }
  }
  SUBCASE("managing users, roles and mail needs an lda")
  {
    for (Permission p : {Permission::manage_users, Permission::manage_roles, Permission::reset_password,
                         Permission::retry_notifications})
      CHECK(permission_rule(p).role == Role::lda);
    CHECK(permission_rule(Permission::view_users).role == Role::basic);
  }
}
