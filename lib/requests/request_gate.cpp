#include "requests/request_gate.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi::request_gate {
namespace {

Permission permission_of(const Transition& t)
{
  return t.role == Role::allocator ? Permission::allocate_requests : Permission::handle_requests;
}

std::int64_t authority_of(const Transition& t, const RequestDetails& r)
{
  return t.side == Side::requesting ? r.requesting_authority_id : r.responding_authority_id.value_or(0);
}

} // namespace

RequestView view_of(SQLite::Database& db, const Actor& actor, const RequestDetails& r, bool reveal_blocked)
{
  if (actor.kind != Actor::Kind::user) return RequestView::none;
  ViewFacts v;
  if (r.state != RequestState::draft && r.responding_authority_id) {
    const Authority responder = load_authority(db, *r.responding_authority_id);
    v.responder_allocation = responder.allocation;
    v.responder_coordinator_can_view = responder.coordinator_can_view;
    v.responder_country = responder.country;
    v.actor_assigned = is_assigned_handler(db, actor, r.id);
    if (actor.authority_id != responder.id && actor.authority_id != r.requesting_authority_id) {
      const Authority own = load_authority(db, actor.authority_id);
      v.actor_authority_type = own.type;
      v.actor_country = own.country;
    }
  }
  return view_with(actor, r, v, reveal_blocked);
}

RequestView view_with(const Actor& actor, const RequestDetails& r, const ViewFacts& v, bool reveal_blocked)
{
  if (actor.kind != Actor::Kind::user) return RequestView::none;
  RequestFacts f;
  f.requesting_authority_id = r.requesting_authority_id;
  // A draft is the requesting authority's alone.
  if (r.state != RequestState::draft) f.responding_authority_id = r.responding_authority_id.value_or(0);
  f.blocked = r.blocked;
  f.reveal_blocked = reveal_blocked;
  if (f.responding_authority_id != 0) {
    f.responder_uses_allocation = v.responder_allocation;
    f.coordinator_can_view = v.responder_coordinator_can_view;
    f.actor_is_assigned = v.actor_assigned;
    if (actor.authority_id != f.responding_authority_id && actor.authority_id != f.requesting_authority_id)
      // A coordinator coordinates the competent authorities of its own country (H5).
      f.actor_is_coordinator =
          v.actor_authority_type != "competent_authority" && v.actor_country == v.responder_country;
  }
  return request_view(actor, f);
}

std::optional<Refusal> check_action(SQLite::Database& db, const Actor& actor, const RequestDetails& r,
                                    std::string_view action)
{
  if (transitions_for(action).empty())
    return Refusal{ErrorKind::usage, _f("unknown action '{}'", action), {}, {}};
  if (view_of(db, actor, r, false) == RequestView::none) {
    const char* const not_visible = N_("{} may not see request {}");
    return Refusal{
        ErrorKind::permission,
        _f(not_visible, actor.audit_name(), r.reference),
        {_("only users of the authorities involved (and a coordinator, when allowed) see a request")},
        fmt::format(fmt::runtime(not_visible), actor.audit_name(), r.reference)};
  }
  const Transition* t = transition_from(action, r.state);
  if (!t)
    return Refusal{ErrorKind::conflict,
                   _f("request {} is {}: {} is not possible in that state", r.reference,
                      request_state_label(r.state), request_action_label(action)),
                   {_f("possible in state {}: {}", request_state_label(r.state),
                       request_action_labels(actions_in_state(r.state)))},
                   {}};
  const std::int64_t authority = authority_of(*t, r);
  if (!allowed(actor, permission_of(*t), authority)) {
    // TRANSLATORS: {0} user, {1} action, {2} request reference, {3} role.
    const char* wrong_role = N_("{0} may not {1} request {2}: that takes a {3} of the requesting authority");
    if (t->side == Side::responding)
      // TRANSLATORS: {0} user, {1} action, {2} request reference, {3} role.
      wrong_role = N_("{0} may not {1} request {2}: that takes a {3} of the responding authority");
    const bool nl = interface_language() == "nl";
    return Refusal{
        ErrorKind::permission,
        _f(wrong_role, actor.audit_name(), request_action_label(action), r.reference,
           nl ? role_dutch_name(t->role) : role_slug(t->role)),
        {},
        fmt::format(fmt::runtime(wrong_role), actor.audit_name(), action, r.reference, role_slug(t->role))};
  }
  if (t->needs_assignment && load_authority(db, authority).allocation &&
      !is_assigned_handler(db, actor, r.id)) {
    const char* const not_assigned =
        // TRANSLATORS: {0} user, {1} request reference, {2} action.
        N_("{0} is not assigned to request {1}: with allocation only assigned handlers may {2} it");
    return Refusal{ErrorKind::permission,
                   _f(not_assigned, actor.audit_name(), r.reference, request_action_label(action)),
                   {_("an allocator assigns it: imictl assign REQ HANDLER")},
                   fmt::format(fmt::runtime(not_assigned), actor.audit_name(), r.reference, action)};
  }
  return std::nullopt;
}

void require_visible(Session& session, const Actor& actor, const RequestDetails& r, RequestView view,
                     std::string_view action)
{
  if (view != RequestView::none) return;
  // Anonymous, unknown, inactive and system actors are refused by require(),
  // with the code and message every other command gives them.
  if (actor.kind != Actor::Kind::user)
    require(session, actor, Permission::view_requests, r.requesting_authority_id, "request:" + r.reference);
  const char* const not_visible = N_("{} may not see request {}");
  session.audit_after_rollback(actor.audit_name(), "denied:request." + std::string(action),
                               "request:" + r.reference,
                               fmt::format(fmt::runtime(not_visible), actor.audit_name(), r.reference));
  PermissionError e(_f(not_visible, actor.audit_name(), r.reference));
  // Users of the authorities involved may learn why; others learn nothing.
  const bool involved = actor.authority_id == r.requesting_authority_id ||
                        (r.responding_authority_id && actor.authority_id == *r.responding_authority_id);
  if (r.blocked && involved)
    e.hint(_("the request is blocked by retention ([retention] block_after); a local data administrator can "
             "see it with --reveal-blocked --reason TEXT"));
  throw e;
}

const Transition& authorize_action(Session& session, const Actor& actor, const RequestDetails& r,
                                   std::string_view action)
{
  auto& db = session.db();
  require_visible(session, actor, r, view_of(db, actor, r, false), action);
  if (auto refusal = check_action(db, actor, r, action)) {
    if (refusal->kind == ErrorKind::permission) {
      // The role check goes through require() so it is refused and audited as every other.
      const Transition* t = transition_from(action, r.state);
      require(session, actor, permission_of(*t), authority_of(*t, r), "request:" + r.reference);
      session.audit_after_rollback(actor.audit_name(), "denied:request." + std::string(action),
                                   "request:" + r.reference, refusal->audit);
    }
    throw Error(refusal->kind, refusal->message, refusal->hints);
  }
  return *transition_from(action, r.state);
}

} // namespace imi::request_gate
