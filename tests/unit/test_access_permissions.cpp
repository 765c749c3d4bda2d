#include "access/permissions.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace imi;

TEST_CASE("access::permission_rules")
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
    for (Permission p :
         {Permission::register_authority, Permission::edit_authority,     Permission::manage_users,
          Permission::manage_roles,       Permission::reset_password,     Permission::import_table,
          Permission::issue_credentials,  Permission::send_notifications, Permission::retry_notifications,
          Permission::view_users,         Permission::export_table,       Permission::view_mail,
          Permission::view_audit,         Permission::run_checks,         Permission::view_requests,
          Permission::handle_requests,    Permission::allocate_requests,  Permission::remind_requests,
          Permission::view_stats,         Permission::purge_requests,     Permission::reveal_blocked})
      CHECK_NOTHROW(permission_rule(p));
  }
  SUBCASE("the system actor does cron work only")
  {
    for (const auto& r : rules) {
      const bool cron =
          r.permission == Permission::issue_credentials || r.permission == Permission::send_notifications ||
          r.permission == Permission::remind_requests || r.permission == Permission::purge_requests;
      CHECK_MESSAGE(r.system_allowed == cron, r.action);
    }
  }
  SUBCASE("managing users, roles and mail needs an lda")
  {
    for (Permission p : {Permission::manage_users, Permission::manage_roles, Permission::reset_password,
                         Permission::retry_notifications, Permission::export_table, Permission::view_mail,
                         Permission::view_audit, Permission::reveal_blocked})
      CHECK(permission_rule(p).role == Role::lda);
    CHECK(permission_rule(Permission::view_users).role == Role::basic);
  }
  SUBCASE("requests are handled by handlers and assigned by allocators (B3)")
  {
    CHECK(permission_rule(Permission::handle_requests).role == Role::handler);
    CHECK(permission_rule(Permission::allocate_requests).role == Role::allocator);
  }
  SUBCASE("every user of an authority sees its scoreboard, cron does not (H5 stap 5)")
  {
    CHECK(permission_rule(Permission::view_stats).role == Role::basic);
    CHECK_FALSE(permission_rule(Permission::view_stats).system_allowed);
  }
}

namespace {
Actor user_of(std::int64_t authority, std::set<Role> roles, Actor::Kind kind = Actor::Kind::user)
{
  Actor a;
  a.kind = kind;
  a.user_id = 7;
  a.username = "someone";
  a.authority_id = authority;
  roles.insert(Role::basic);
  a.roles = roles;
  return a;
}
} // namespace

TEST_CASE("access::allowed")
{
  const Actor lda = user_of(1, {Role::lda});
  const Actor basic = user_of(1, {});
  CHECK(allowed(lda, Permission::manage_users, 1));
  CHECK_FALSE(allowed(lda, Permission::manage_users, 2)); // another authority
  CHECK_FALSE(allowed(basic, Permission::manage_users, 1));
  CHECK(allowed(basic, Permission::view_users, 1));
  CHECK_FALSE(allowed(Actor{}, Permission::view_users, 1)); // anonymous
  CHECK_FALSE(allowed(user_of(1, {Role::lda}, Actor::Kind::inactive), Permission::view_users, 1));
  Actor unknown;
  unknown.kind = Actor::Kind::unknown;
  unknown.authority_id = 1;
  CHECK_FALSE(allowed(unknown, Permission::view_users, 1));
  Actor system;
  system.kind = Actor::Kind::system;
  system.authority_id = 1;
  CHECK(allowed(system, Permission::send_notifications, 1));
  CHECK_FALSE(allowed(system, Permission::view_users, 1));
  CHECK_FALSE(allowed(system, Permission::view_mail, 1));
}
