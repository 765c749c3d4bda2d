// The one definition of an open request (sent, accepted, answered: someone
// still has to act), for the domains that may not strand one: a user with
// open assigned requests cannot be deleted or renamed (H6.2).
#include "requests/requests.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::string open_states_sql()
{
  std::vector<std::string> quoted;
  for (RequestState s : open_request_states())
    quoted.push_back(fmt::format("'{}'", request_state_slug(s)));
  return "(" + util::join(quoted, ", ") + ")";
}

} // namespace

const char* open_assigned_requests_sql()
{
  static const std::string sql =
      "SELECT count(*) FROM request_assignee ra JOIN request r ON r.id = ra.request_id "
      "WHERE ra.user_id = ? AND r.state IN " +
      open_states_sql();
  return sql.c_str();
}

std::int64_t count_open_assigned_requests(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(db, open_assigned_requests_sql());
  q.bind(1, user_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

void reassign_open_requests(SQLite::Database& db, std::int64_t from_user, std::int64_t to_user)
{
  SQLite::Statement move(
      db, "INSERT OR IGNORE INTO request_assignee (request_id, user_id) "
          "SELECT ra.request_id, ? FROM request_assignee ra JOIN request r ON r.id = ra.request_id "
          "WHERE ra.user_id = ? AND r.state IN " +
              open_states_sql());
  move.bind(1, to_user);
  move.bind(2, from_user);
  move.exec();
  SQLite::Statement drop(db, "DELETE FROM request_assignee WHERE user_id = ? AND request_id IN "
                             "(SELECT id FROM request WHERE state IN " +
                                 open_states_sql() + ")");
  drop.bind(1, from_user);
  drop.exec();
}

} // namespace imi
