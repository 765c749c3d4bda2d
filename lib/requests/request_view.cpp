// request show, list and transitions REQ: what an actor may see of requests
// and may do with one. What is shown is decided by the access layer
// (request_view through request_gate::view_of), nowhere else.
#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/request_gate.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {

RequestDetails show_request(Session& session, const Actor& actor, const std::string& request,
                            const std::optional<std::string>& reveal_reason)
{
  if (reveal_reason && util::trim(*reveal_reason).empty())
    throw InvalidInputError(_("--reveal-blocked needs --reason TEXT: why the blocked data must be seen"));
  auto& db = session.db();
  RequestDetails r = request_store::load_request(db, request_store::resolve_request(db, request));
  const bool reveal = reveal_reason.has_value();
  r.view = request_gate::view_of(db, actor, r, reveal);
  request_gate::require_visible(session, actor, r, r.view, "show");
  request_store::load_parts(db, r);
  if (reveal && r.blocked) {
    // Seeing blocked data is the exception retention allows; it leaves a trace.
    auto& wdb = session.db(Access::read_write);
    WriteTransaction tx(wdb);
    append_audit(wdb, session.now(), actor.username, "request.reveal", "request:" + r.reference,
                 "blocked request shown: " + util::trim(*reveal_reason));
    tx.commit();
  }
  return r;
}

namespace {

void list_visible_requests(Session& session, const Actor& actor, const RequestFilter& f, bool reveal,
                           const std::function<void(const RequestDetails&)>& each)
{
  auto& db = session.db();
  const Authority own = load_authority(db, actor.authority_id);
  std::string where;
  const std::string incoming = "(r.responding_authority_id = :a AND r.state <> 'draft')";
  const std::string outgoing = "r.requesting_authority_id = :a";
  if (f.incoming && !f.outgoing)
    where = incoming;
  else if (f.outgoing && !f.incoming)
    where = outgoing;
  else {
    where = "(" + incoming + " OR " + outgoing;
    // A coordinator sees its country's requests where the responder allows it.
    if (own.type != "competent_authority")
      where += " OR (r.state <> 'draft' AND r.responding_authority_id IN (SELECT id FROM authority "
               "WHERE country = :country AND coordinator_can_view = 1))";
    where += ")";
  }
  if (f.state) where += " AND r.state = :state";
  if (f.overdue) where += " AND r.state IN ('sent', 'accepted') AND r.due_at < :now";
  if (f.unassigned)
    where += " AND r.state IN ('sent', 'accepted') AND NOT EXISTS "
             "(SELECT 1 FROM request_assignee ra WHERE ra.request_id = r.id)";
  if (f.mine)
    where += " AND (r.created_by = :me OR r.sent_by = :me OR EXISTS (SELECT 1 FROM request_assignee ra "
             "WHERE ra.request_id = r.id AND ra.user_id = :me))";
  if (f.fictitious_only) where += " AND r.fictitious = 1";
  if (f.reference_prefix) where += " AND substr(r.reference, 1, length(:prefix)) = upper(:prefix)";
  if (f.department)
    where +=
        " AND EXISTS (SELECT 1 FROM request_assignee ra JOIN user_department ud ON ud.user_id = ra.user_id "
        "JOIN department d ON d.id = ud.department_id WHERE ra.request_id = r.id AND lower(d.name) = "
        "lower(:department))";
  // One query for the rows and what deciding their view needs (the
  // responder's settings, whether the actor is assigned, the assignees), so
  // a long list costs no query per row; personal data is still read only
  // for the rows the actor may see in full.
  SQLite::Statement q(db, fmt::format("SELECT {}, pa.allocation, pa.coordinator_can_view, pa.country, "
                                      "EXISTS (SELECT 1 FROM request_assignee ra WHERE ra.request_id = r.id "
                                      "AND ra.user_id = :viewer), "
                                      "(SELECT group_concat(u.username, char(31)) FROM request_assignee ra "
                                      "JOIN user u ON u.id = ra.user_id WHERE ra.request_id = r.id) "
                                      "FROM {} WHERE {} ORDER BY r.id DESC",
                                      request_store::request_columns, request_store::request_joins, where));
  q.bind(":a", actor.authority_id);
  q.bind(":viewer", actor.user_id);
  if (where.find(":country") != std::string::npos) q.bind(":country", own.country);
  if (f.state) q.bind(":state", request_state_slug(*f.state));
  if (f.overdue) q.bind(":now", session.now_iso());
  if (f.mine) q.bind(":me", actor.user_id);
  if (f.department) q.bind(":department", *f.department);
  if (f.reference_prefix) q.bind(":prefix", *f.reference_prefix);
  request_gate::ViewFacts v;
  v.actor_authority_type = own.type;
  v.actor_country = own.country;
  while (q.executeStep()) {
    RequestDetails r;
    request_store::read_request_row(q, r);
    v.responder_allocation = q.getColumn(24).getInt() != 0;
    v.responder_coordinator_can_view = q.getColumn(25).getInt() != 0;
    v.responder_country = q.getColumn(26).isNull() ? "" : q.getColumn(26).getString();
    v.actor_assigned = actor.has(Role::handler) && q.getColumn(27).getInt() != 0;
    if (!q.getColumn(28).isNull()) {
      r.assignees = util::split(q.getColumn(28).getString(), '\x1f');
      std::sort(r.assignees.begin(), r.assignees.end());
    }
    r.view = request_gate::view_with(actor, r, v, reveal);
    if (r.view == RequestView::none) continue;
    if (!f.without_personal_data) request_store::load_personal_data(db, r);
    each(r);
  }
}

} // namespace

void list_requests(Session& session, const Actor& actor, const RequestFilter& f,
                   const std::function<void(const RequestDetails&)>& each)
{
  const bool reveal = f.reveal_reason.has_value();
  if (reveal && util::trim(*f.reveal_reason).empty())
    throw InvalidInputError(_("--reveal-blocked needs --reason TEXT: why the blocked data must be seen"));
  auto& db = session.db();
  require(session, actor, Permission::view_requests,
          actor.kind == Actor::Kind::user ? actor.authority_id : own_authority_id(db), "request:*");
  if (reveal) {
    require(session, actor, Permission::reveal_blocked, actor.authority_id, "request:*");
    // Seeing blocked data is the exception retention allows; one trace per
    // listing, written before anything is shown.
    auto& wdb = session.db(Access::read_write);
    WriteTransaction tx(wdb);
    append_audit(wdb, session.now(), actor.username, "request.reveal", "request:*",
                 "blocked requests listed: " + util::trim(*f.reveal_reason));
    tx.commit();
  }
  list_visible_requests(session, actor, f, reveal, each);
}

std::vector<PossibleAction> possible_actions(Session& session, const Actor& actor, const std::string& request)
{
  auto& db = session.db();
  RequestDetails r = request_store::load_request(db, request_store::resolve_request(db, request));
  request_gate::require_visible(session, actor, r, request_gate::view_of(db, actor, r, false), "transitions");
  std::vector<PossibleAction> out;
  for (const auto& t : lifecycle()) {
    PossibleAction p{&t, false, {}};
    if (std::find(t.from.begin(), t.from.end(), r.state) == t.from.end())
      p.reason = _f("not possible in state {}", request_state_label(r.state));
    else if (auto refusal = request_gate::check_action(db, actor, r, t.action))
      p.reason = refusal->message;
    else
      p.allowed = true;
    out.push_back(std::move(p));
  }
  return out;
}

} // namespace imi
