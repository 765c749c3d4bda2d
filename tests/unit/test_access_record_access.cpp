#include "access/record_access.hpp"

#include <doctest/doctest.h>

using namespace imi;

namespace {
Actor actor(std::int64_t authority, std::set<Role> roles)
{
  Actor a;
  a.kind = Actor::Kind::user;
  a.user_id = 3;
  a.authority_id = authority;
  roles.insert(Role::basic);
  a.roles = roles;
  return a;
}
RequestFacts between(std::int64_t from, std::int64_t to)
{
  RequestFacts r;
  r.requesting_authority_id = from;
  r.responding_authority_id = to;
  return r;
}
} // namespace

TEST_CASE("access::may_see_user_data")
{
  CHECK(may_see_user_data(actor(1, {}), 1));
  CHECK_FALSE(may_see_user_data(actor(1, {Role::lda}), 2));
  Actor system;
  system.kind = Actor::Kind::system;
  system.authority_id = 1;
  CHECK_FALSE(may_see_user_data(system, 1));
  CHECK_FALSE(may_see_user_data(Actor{}, 0));
}

TEST_CASE("access::request_view follows SPEC 4 Visibility")
{
  const RequestFacts r = between(1, 2);
  SUBCASE("handlers of the requesting authority see everything")
  {
    CHECK(request_view(actor(1, {Role::handler}), r) == RequestView::full);
  }
  SUBCASE("responding handlers: all of them without allocation, assigned ones with it")
  {
    CHECK(request_view(actor(2, {Role::handler}), r) == RequestView::full);
    RequestFacts alloc = r;
    alloc.responder_uses_allocation = true;
    CHECK(request_view(actor(2, {Role::handler}), alloc) == RequestView::without_personal_data);
    alloc.actor_is_assigned = true;
    CHECK(request_view(actor(2, {Role::handler}), alloc) == RequestView::full);
  }
  SUBCASE("allocators, LDAs and basic users of an involved authority: no personal data")
  {
    for (Role role : {Role::allocator, Role::lda, Role::basic}) {
      CHECK(request_view(actor(1, {role}), r) == RequestView::without_personal_data);
      CHECK(request_view(actor(2, {role}), r) == RequestView::without_personal_data);
    }
  }
  SUBCASE("a coordinator only when the responder allows it; anyone else nothing")
  {
    RequestFacts c = r;
    c.actor_is_coordinator = true;
    CHECK(request_view(actor(9, {Role::handler}), c) == RequestView::none);
    c.coordinator_can_view = true;
    CHECK(request_view(actor(9, {Role::handler}), c) == RequestView::without_personal_data);
    CHECK(request_view(actor(9, {Role::handler, Role::lda}), r) == RequestView::none);
  }
  SUBCASE("blocked: only an involved LDA who reveals it")
  {
    RequestFacts b = r;
    b.blocked = true;
    CHECK(request_view(actor(1, {Role::handler}), b) == RequestView::none);
    CHECK(request_view(actor(1, {Role::lda}), b) == RequestView::none);
    b.reveal_blocked = true;
    CHECK(request_view(actor(1, {Role::lda}), b) == RequestView::full);
    CHECK(request_view(actor(9, {Role::lda}), b) == RequestView::none);
  }
  SUBCASE("nobody who cannot act")
  {
    Actor locked = actor(1, {Role::handler});
    locked.kind = Actor::Kind::inactive;
    CHECK(request_view(locked, r) == RequestView::none);
  }
}
