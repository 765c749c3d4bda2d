#include "users/user_names.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi {
namespace {

// substr() rather than LIKE: a typed '%' or '_' is a character, not a pattern.
std::vector<std::string> names(SQLite::Database& db, const char* sql, std::int64_t authority_id,
                               std::string_view prefix, int limit)
{
  SQLite::Statement q(db, sql);
  q.bind(1, authority_id);
  q.bind(2, std::string(prefix));
  q.bind(3, limit);
  std::vector<std::string> out;
  while (q.executeStep())
    out.push_back(q.getColumn(0).getString());
  return out;
}

} // namespace

std::vector<std::string> usernames_starting_with(SQLite::Database& db, std::int64_t authority_id,
                                                 std::string_view prefix, int limit)
{
  return names(db,
               "SELECT username FROM user WHERE authority_id = ?1 AND status <> 'deleted' "
               "AND substr(username, 1, length(?2)) = ?2 ORDER BY username LIMIT ?3",
               authority_id, prefix, limit);
}

std::vector<std::string> departments_starting_with(SQLite::Database& db, std::int64_t authority_id,
                                                   std::string_view prefix, int limit)
{
  return names(db,
               "SELECT name FROM department WHERE authority_id = ?1 "
               "AND lower(substr(name, 1, length(?2))) = lower(?2) ORDER BY name LIMIT ?3",
               authority_id, prefix, limit);
}

} // namespace imi
