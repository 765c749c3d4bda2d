// request remind (cron, actor system): answering incoming requests is
// mandatory (B2), so the handlers who hold a request due soon or overdue get
// a mail, at most one per request per day however often cron runs.
#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/session.hpp"
#include "requests/request_notify.hpp"
#include "requests/request_store.hpp"
#include "users/user_store.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

// The assigned handlers; with none, whoever receives new requests holds it.
std::vector<std::int64_t> holders(SQLite::Database& db, const RequestDetails& r)
{
  std::vector<std::int64_t> ids;
  SQLite::Statement q(db, "SELECT user_id FROM request_assignee WHERE request_id = ?");
  q.bind(1, r.id);
  while (q.executeStep())
    ids.push_back(q.getColumn(0).getInt64());
  if (!ids.empty()) return ids;
  const Authority responder = load_authority(db, *r.responding_authority_id);
  for (const auto& u :
       users_with_role(db, responder.id, responder.allocation ? Role::allocator : Role::handler))
    ids.push_back(u.id);
  return ids;
}

} // namespace

std::vector<std::string> remind_due_requests(Session& session, const Actor& actor)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::remind_requests, own_authority_id(db), "request:*");
  const std::string today = util::format_date(session.now());
  const util::Instant horizon = session.now() + session.config().integer("requests.remind_days") * 86400;
  WriteTransaction tx(db);
  SQLite::Statement q(db, "SELECT id FROM request WHERE state IN ('sent', 'accepted') AND due_at IS NOT NULL "
                          "AND due_at <= ? AND (reminded_on IS NULL OR reminded_on <> ?) ORDER BY id");
  q.bind(1, util::format_iso8601(horizon));
  q.bind(2, today);
  std::vector<std::int64_t> ids;
  while (q.executeStep())
    ids.push_back(q.getColumn(0).getInt64());
  std::vector<std::string> reminded;
  // Not a version change: a reminder must not make someone's action stale.
  SQLite::Statement mark(db, "UPDATE request SET reminded_on = ? WHERE id = ?");
  for (std::int64_t id : ids) {
    const RequestDetails r = request_store::load_request(db, id);
    const auto to = holders(db, r);
    notify_users(session, r, to, RequestMail::reminder);
    mark.reset();
    mark.bind(1, today);
    mark.bind(2, id);
    mark.exec();
    append_audit(db, session.now(), actor.audit_name(), "request.remind", "request:" + r.reference,
                 fmt::format("{} handler(s) reminded; due {}", to.size(), r.due_at.value_or("-")));
    reminded.push_back(r.reference);
  }
  tx.commit();
  return reminded;
}

} // namespace imi
