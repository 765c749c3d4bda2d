#include "requests/request_store.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi::request_store {
namespace {

std::optional<std::string> opt_text(SQLite::Statement& q, int col)
{
  if (q.getColumn(col).isNull()) return std::nullopt;
  return q.getColumn(col).getString();
}

} // namespace

std::int64_t resolve_request(SQLite::Database& db, const std::string& request)
{
  const std::string ref = util::trim(request);
  const bool numeric = !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos;
  SQLite::Statement q(db, numeric ? "SELECT id FROM request WHERE id = ?"
                                  : "SELECT id FROM request WHERE reference = upper(?)");
  if (numeric)
    q.bind(1, static_cast<std::int64_t>(std::stoll(ref)));
  else
    q.bind(1, ref);
  if (!q.executeStep())
    throw NotFoundError(_f("no request '{}'", request),
                        {_("imictl request list shows the requests you may see")});
  return q.getColumn(0).getInt64();
}

const char* const request_columns =
    "r.id, r.reference, r.state, r.requesting_authority_id, r.responding_authority_id, "
    "coalesce(qa.informal_name, qa.name), coalesce(pa.informal_name, pa.name), r.subject, r.motivation, "
    "r.language, r.question_set, r.fictitious, r.created_at, r.sent_at, r.due_at, r.closed_at, "
    "r.archived_at, r.accepted_at, r.answered_at, r.refusal_reason, r.proposed_due_at, "
    "r.agreed_due_at, r.blocked, r.version";
const char* const request_joins = "request r JOIN authority qa ON qa.id = r.requesting_authority_id "
                                  "LEFT JOIN authority pa ON pa.id = r.responding_authority_id";

void read_request_row(SQLite::Statement& q, RequestDetails& r)
{
  r.id = q.getColumn(0).getInt64();
  r.reference = q.getColumn(1).getString();
  r.state = parse_request_state(q.getColumn(2).getString());
  r.requesting_authority_id = q.getColumn(3).getInt64();
  if (!q.getColumn(4).isNull()) r.responding_authority_id = q.getColumn(4).getInt64();
  r.requesting_authority = q.getColumn(5).getString();
  r.responding_authority = opt_text(q, 6);
  r.subject = q.getColumn(7).getString();
  r.motivation = q.getColumn(8).getString();
  r.language = q.getColumn(9).getString();
  r.question_set = opt_text(q, 10);
  r.fictitious = q.getColumn(11).getInt() != 0;
  r.created_at = q.getColumn(12).getString();
  r.sent_at = opt_text(q, 13);
  r.due_at = opt_text(q, 14);
  r.closed_at = opt_text(q, 15);
  r.archived_at = opt_text(q, 16);
  r.accepted_at = opt_text(q, 17);
  r.answered_at = opt_text(q, 18);
  r.refusal_reason = opt_text(q, 19);
  r.proposed_due_at = opt_text(q, 20);
  r.agreed_due_at = opt_text(q, 21);
  r.blocked = q.getColumn(22).getInt() != 0;
  r.version = q.getColumn(23).getInt64();
}

RequestDetails load_request(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, fmt::format("SELECT {} FROM {} WHERE r.id = ?", request_columns, request_joins));
  q.bind(1, id);
  if (!q.executeStep()) throw NotFoundError(_f("no request with id {}", id));
  RequestDetails r;
  read_request_row(q, r);
  SQLite::Statement a(db, "SELECT u.username FROM request_assignee ra JOIN user u ON u.id = ra.user_id "
                          "WHERE ra.request_id = ? ORDER BY u.username");
  a.bind(1, id);
  while (a.executeStep())
    r.assignees.push_back(a.getColumn(0).getString());
  return r;
}

// Answers, attachment details and provider fields are personal data (SPEC
// §4): they are read only for the full view.
void load_parts(SQLite::Database& db, RequestDetails& r)
{
  const bool full = r.view == RequestView::full;
  SQLite::Statement q(db, "SELECT q.number, q.text, q.answer_text, q.standard_answer, "
                          "CASE WHEN ?2 = 'nl' THEN s.nl ELSE s.en END FROM request_question q "
                          "LEFT JOIN standard_answer s ON s.code = q.standard_answer "
                          "WHERE q.request_id = ?1 ORDER BY q.number");
  q.bind(1, r.id);
  q.bind(2, r.language);
  while (q.executeStep()) {
    RequestQuestion item{q.getColumn(0).getInt64(), q.getColumn(1).getString(), {}, {}, {}};
    if (full) {
      item.answer_text = opt_text(q, 2);
      item.standard_answer = opt_text(q, 3);
      std::vector<std::string> parts;
      if (auto st = opt_text(q, 4)) parts.push_back(*st);
      if (item.answer_text) parts.push_back(*item.answer_text);
      if (!parts.empty()) item.answer = util::join(parts, "\n");
    }
    r.questions.push_back(std::move(item));
  }
  SQLite::Statement a(db,
                      "SELECT name, size, sha256 FROM request_attachment WHERE request_id = ? ORDER BY id");
  a.bind(1, r.id);
  while (a.executeStep())
    r.attachments.push_back({a.getColumn(0).getString(), full ? a.getColumn(1).getInt64() : -1,
                             full ? a.getColumn(2).getString() : std::string()});
  SQLite::Statement h(
      db, "SELECT at, actor, action, comment FROM request_history WHERE request_id = ? ORDER BY id");
  h.bind(1, r.id);
  while (h.executeStep())
    r.history.push_back(
        {h.getColumn(0).getString(), h.getColumn(1).getString(), h.getColumn(2).getString(), opt_text(h, 3)});
  load_personal_data(db, r);
}

void load_personal_data(SQLite::Database& db, RequestDetails& r)
{
  if (r.view != RequestView::full) return;
  SQLite::Statement p(db,
                      "SELECT provider_name, provider_address, provider_registration, provider_birth_date "
                      "FROM request_personal_data WHERE request_id = ?");
  p.bind(1, r.id);
  PersonalData pd;
  if (p.executeStep()) pd = {opt_text(p, 0), opt_text(p, 1), opt_text(p, 2), opt_text(p, 3)};
  r.personal_data = pd;
}

void update_versioned(SQLite::Database& db, const RequestDetails& r,
                      const std::vector<std::pair<const char*, Column>>& changes)
{
  std::string sql = "UPDATE request SET ";
  for (const auto& [column, value] : changes)
    sql += fmt::format("{} = ?, ", column);
  sql += "version = version + 1 WHERE id = ? AND version = ?";
  SQLite::Statement q(db, sql);
  int i = 1;
  for (const auto& [column, value] : changes) {
    if (const auto* n = std::get_if<std::int64_t>(&value))
      q.bind(i, *n);
    else if (const auto* s = std::get_if<std::string>(&value))
      q.bind(i, *s);
    else
      q.bind(i);
    ++i;
  }
  q.bind(i++, r.id);
  q.bind(i, r.version);
  if (q.exec() == 0)
    throw ConflictError(_f("request {} was changed by someone else; run show again", r.reference),
                        {fmt::format("imictl request show {}", r.reference)});
}

void append_history(SQLite::Database& db, const RequestDetails& r, const std::string& at,
                    const std::string& actor, const std::string& action, std::optional<RequestState> to,
                    std::int64_t authority_id, const std::optional<std::string>& comment)
{
  SQLite::Statement q(db, "INSERT INTO request_history (request_id, at, actor, action, from_state, to_state, "
                          "authority_id, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, r.id);
  q.bind(2, at);
  q.bind(3, actor);
  q.bind(4, action);
  q.bind(5, request_state_slug(r.state));
  q.bind(6, request_state_slug(to.value_or(r.state)));
  authority_id ? q.bind(7, authority_id) : q.bind(7);
  comment ? q.bind(8, *comment) : q.bind(8);
  q.exec();
}

} // namespace imi::request_store
