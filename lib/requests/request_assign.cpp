// assign / unassign (B3, H6.3): an allocator of the responding authority
// gives a request to one or more of its handlers, who are mailed; --reassign
// replaces them (the assigned handler is away). Both are rows of the
// lifecycle table, so they pass the same gate as every other action.
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/request_gate.hpp"
#include "requests/request_notify.hpp"
#include "users/user_store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

// A handler of the responding authority who can act; NotFoundError (3) otherwise.
MailRecipient resolve_handler(SQLite::Database& db, const RequestDetails& r, const std::string& name)
{
  const auto handlers = users_with_role(db, *r.responding_authority_id, Role::handler);
  if (auto ref = try_find_user(db, name))
    for (const auto& h : handlers)
      if (h.id == ref->id) return h;
  throw NotFoundError(_f("'{}' is not a handler of {}", name, r.responding_authority.value_or("-")),
                      {_("imictl role who handler lists the handlers")});
}

void finish(Session& session, const Actor& actor, RequestDetails& r, const char* action,
            const std::string& names, const std::string& now)
{
  request_store::update_versioned(session.db(), r, {});
  request_store::append_history(session.db(), r, now, actor.username, action, std::nullopt,
                                actor.authority_id, names);
  append_audit(session.db(), session.now(), actor.username, std::string("request.") + action,
               "request:" + r.reference, names);
}

} // namespace

std::vector<std::string> assign_request(Session& session, const Actor& actor, const std::string& request,
                                        const std::vector<std::string>& handlers, bool reassign)
{
  auto& db = session.db(Access::read_write);
  RequestDetails r = request_store::load_request(db, request_store::resolve_request(db, request));
  request_gate::authorize_action(session, actor, r, "assign");
  if (handlers.empty()) throw InvalidInputError(_("name at least one HANDLER"));
  std::vector<MailRecipient> chosen;
  chosen.reserve(handlers.size());
  for (const auto& h : handlers)
    chosen.push_back(resolve_handler(db, r, h));
  WriteTransaction tx(db);
  if (reassign) {
    SQLite::Statement drop(db, "DELETE FROM request_assignee WHERE request_id = ?");
    drop.bind(1, r.id);
    drop.exec();
  }
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO request_assignee (request_id, user_id) VALUES (?, ?)");
  std::vector<std::int64_t> added;
  std::vector<std::string> names;
  for (const auto& h : chosen) {
    ins.reset();
    ins.bind(1, r.id);
    ins.bind(2, h.id);
    // Only newly assigned handlers are mailed; one already holding it knows.
    if (ins.exec() > 0 && std::find(r.assignees.begin(), r.assignees.end(), h.username) == r.assignees.end())
      added.push_back(h.id);
    names.push_back(h.username);
  }
  finish(session, actor, r, "assign",
         (reassign ? "reassigned to " : "assigned to ") + util::join(names, ", "), session.now_iso());
  notify_users(session, r, added, RequestMail::assigned);
  tx.commit();
  return request_store::load_request(db, r.id).assignees;
}

std::vector<std::string> unassign_request(Session& session, const Actor& actor, const std::string& request,
                                          const std::string& handler)
{
  auto& db = session.db(Access::read_write);
  RequestDetails r = request_store::load_request(db, request_store::resolve_request(db, request));
  request_gate::authorize_action(session, actor, r, "unassign");
  const MailRecipient h = resolve_handler(db, r, handler);
  WriteTransaction tx(db);
  SQLite::Statement del(db, "DELETE FROM request_assignee WHERE request_id = ? AND user_id = ?");
  del.bind(1, r.id);
  del.bind(2, h.id);
  if (del.exec() == 0) throw ConflictError(_f("'{}' is not assigned to request {}", h.username, r.reference));
  finish(session, actor, r, "unassign", "unassigned " + h.username, session.now_iso());
  tx.commit();
  return request_store::load_request(db, r.id).assignees;
}

} // namespace imi
