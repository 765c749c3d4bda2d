// act_on_request: every lifecycle action goes the same way. The request is
// read (its version noted) before the write transaction begins; the gate asks
// the table and the access layer; the step changes the row only if the
// version is still the one read; the history, the audit entry and the mails
// are written in the same transaction.
#include "requests/request_actions.hpp"

#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/request_gate.hpp"
#include "requests/request_notify.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

using request_store::update_versioned;

void check_inputs(const Transition& t, const ActionInput& in)
{
  auto present = [](const std::optional<std::string>& v) { return v && !util::trim(*v).empty(); };
  if ((t.required & input_comment) && !present(in.comment))
    throw InvalidInputError(_f("{} needs --comment: say what is missing", request_action_label(t.action)));
  if (t.required & input_refusal_reason) check_refusal_reason(in.reason.value_or(""));
  if ((t.required & input_authority) && !present(in.to)) throw InvalidInputError(_("--to AUTH is required"));
  if ((t.required & input_date) && !present(in.date)) throw InvalidInputError(_("a date is required"));
  if ((t.required & input_file) && !present(in.file)) throw InvalidInputError(_("a file is required"));
}

std::optional<std::string> opt(const std::optional<std::string>& v)
{
  if (!v || util::trim(*v).empty()) return std::nullopt;
  return util::trim(*v);
}

void send(ActionContext& c)
{
  util::Instant due = 0;
  if (c.r.due_at) {
    due = *util::parse_iso8601(*c.r.due_at);
    if (due < c.session.now())
      throw InvalidInputError(_f("the due date {} is in the past", *c.r.due_at),
                              {_("discard the draft and create it again with a later --due")});
  } else {
    due = c.session.now() + c.session.config().integer("requests.default_due_days") * 86400;
  }
  c.r.due_at = util::format_iso8601(due);
  c.r.sent_at = c.now;
  update_versioned(
      c.db, c.r,
      {{"state", "sent"}, {"sent_at", c.now}, {"sent_by", c.actor.user_id}, {"due_at", *c.r.due_at}});
  c.summary = fmt::format("sent to authority {}", *c.r.responding_authority_id);
}

void refuse(ActionContext& c)
{
  c.r.refusal_reason = util::trim(*c.in.reason);
  // A refused request counts as closed for retention (SPEC §4).
  update_versioned(c.db, c.r,
                   {{"state", "refused"}, {"refusal_reason", *c.r.refusal_reason}, {"closed_at", c.now}});
  c.history_comment = *c.r.refusal_reason + (opt(c.in.comment) ? ": " + *opt(c.in.comment) : "");
  c.summary = "refused: " + *c.r.refusal_reason;
}

void forward(ActionContext& c)
{
  const std::int64_t target = resolve_authority(c.db, *c.in.to);
  if (target == *c.r.responding_authority_id)
    throw ConflictError(_f("request {} is already with that authority", c.r.reference),
                        {_("forward to the competent authority or to the IMI coordinator")});
  if (target == c.r.requesting_authority_id)
    throw ConflictError(_("a request cannot be forwarded to the authority that asked it"));
  update_versioned(c.db, c.r,
                   {{"state", "sent"},
                    {"responding_authority_id", target},
                    {"accepted_at", nullptr},
                    {"proposed_due_at", nullptr}});
  SQLite::Statement drop(c.db, "DELETE FROM request_assignee WHERE request_id = ?");
  drop.bind(1, c.r.id);
  drop.exec();
  c.r.responding_authority_id = target;
  const Authority to = load_authority(c.db, target);
  c.r.responding_authority = to.informal_name.value_or(to.name);
  c.history_comment =
      fmt::format("to {}", *c.r.responding_authority) + (opt(c.in.comment) ? ": " + *opt(c.in.comment) : "");
  c.summary = fmt::format("forwarded to authority {}", target);
}

void reply(ActionContext& c)
{
  SQLite::Statement q(c.db, "SELECT group_concat(number, ', '), count(*) FROM request_question "
                            "WHERE request_id = ? AND answer_text IS NULL AND standard_answer IS NULL");
  q.bind(1, c.r.id);
  if (q.executeStep() && !q.getColumn(0).isNull()) {
    const auto open = static_cast<unsigned long>(q.getColumn(1).getInt64());
    throw InvalidInputError(
        _n("question {} of {} is not answered", "questions {} of {} are not answered", open,
           q.getColumn(0).getString(), c.r.reference),
        {fmt::format("imictl request answer {} --question N --text TEXT", c.r.reference)});
  }
  update_versioned(c.db, c.r, {{"state", "answered"}, {"answered_at", c.now}});
}

void discard(ActionContext& c)
{
  SQLite::Statement del(c.db, "DELETE FROM request WHERE id = ? AND version = ?");
  del.bind(1, c.r.id);
  del.bind(2, c.r.version);
  if (del.exec() == 0)
    throw ConflictError(_f("request {} was changed by someone else; run show again", c.r.reference));
}

void step(ActionContext& c)
{
  const std::string a = c.transition.action;
  if (a == "send") return send(c);
  if (a == "discard") return discard(c);
  if (a == "refuse") return refuse(c);
  if (a == "forward") return forward(c);
  if (a == "reply") return reply(c);
  if (a == "answer") return answer_question(c);
  if (a == "attach") return attach_file(c);
  if (a == "due-propose") return propose_due_date(c);
  if (a == "due-agree") return agree_due_date(c);
  if (a == "accept") return update_versioned(c.db, c.r, {{"state", "accepted"}, {"accepted_at", c.now}});
  if (a == "reopen") return update_versioned(c.db, c.r, {{"state", "accepted"}});
  if (a == "close") return update_versioned(c.db, c.r, {{"state", "closed"}, {"closed_at", c.now}});
  throw FailureError(_f("internal: no step for action {}", a));
}

void send_notices(ActionContext& c, std::optional<std::int64_t> sent_by)
{
  const unsigned n = c.transition.notices;
  if (n & notice_responder_intake) notify_responder_intake(c.session, c.r);
  if ((n & notice_sender) && sent_by) {
    const std::string a = c.transition.action;
    notify_sender(c.session, c.r, *sent_by,
                  a == "reply"    ? RequestMail::replied
                  : a == "refuse" ? RequestMail::refused
                                  : RequestMail::forwarded);
  }
}

std::optional<std::int64_t> sender_of(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, "SELECT sent_by FROM request WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep() || q.getColumn(0).isNull()) return std::nullopt;
  return q.getColumn(0).getInt64();
}

} // namespace

RequestDetails act_on_request(Session& session, const Actor& actor, const std::string& request,
                              const std::string& action, const ActionInput& in)
{
  auto& db = session.db(Access::read_write);
  RequestDetails r = request_store::load_request(db, request_store::resolve_request(db, request));
  const Transition& t = request_gate::authorize_action(session, actor, r, action);
  check_inputs(t, in);
  WriteTransaction tx(db);
  ActionContext c{session, actor, db, r, t, in, session.now_iso(), opt(in.comment), action};
  const RequestState before = r.state;
  step(c);
  if (!t.deletes)
    request_store::append_history(db, r, c.now, actor.username, action, t.to, actor.authority_id,
                                  c.history_comment);
  if (t.to) r.state = *t.to;
  send_notices(c, sender_of(db, r.id));
  append_audit(db, session.now(), actor.username, "request." + action, "request:" + r.reference,
               fmt::format("{} -> {}; {}", request_state_slug(before),
                           t.deletes ? "deleted" : request_state_slug(r.state), c.summary));
  tx.commit();
  if (t.deletes) return r;
  RequestDetails after = request_store::load_request(db, r.id);
  after.view = request_gate::view_of(db, actor, after, false);
  if (after.view != RequestView::none) request_store::load_parts(db, after);
  return after;
}

} // namespace imi
