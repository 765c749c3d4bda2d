#include "requests/request_archive.hpp"

#include "requests/request_gate.hpp"
#include "requests/request_store.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi {

std::int64_t find_request_id(SQLite::Database& db, const std::string& request)
{
  return request_store::resolve_request(db, request);
}

RequestDetails load_request_as_seen(SQLite::Database& db, const Actor& actor, std::int64_t id,
                                    bool reveal_blocked)
{
  RequestDetails r = request_store::load_request(db, id);
  r.view = request_gate::view_of(db, actor, r, reveal_blocked);
  if (r.view != RequestView::none) request_store::load_parts(db, r);
  return r;
}

std::vector<std::int64_t> closed_request_ids(SQLite::Database& db, std::int64_t authority_id,
                                             const std::optional<std::string>& closed_before,
                                             bool include_archived)
{
  SQLite::Statement q(db, "SELECT id FROM request WHERE state IN ('closed', 'refused') "
                          "AND (requesting_authority_id = :a OR responding_authority_id = :a) "
                          "AND (:before IS NULL OR closed_at < :before) "
                          "AND (:all = 1 OR archived_at IS NULL) ORDER BY closed_at, id");
  q.bind(":a", authority_id);
  closed_before ? q.bind(":before", *closed_before) : q.bind(":before");
  q.bind(":all", include_archived ? 1 : 0);
  std::vector<std::int64_t> ids;
  while (q.executeStep())
    ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

void for_each_attachment(SQLite::Database& db, std::int64_t request_id,
                         const std::function<void(const std::string& name, const std::string& content)>& each)
{
  SQLite::Statement ids(db, "SELECT id FROM request_attachment WHERE request_id = ? ORDER BY id");
  ids.bind(1, request_id);
  std::vector<std::int64_t> list;
  while (ids.executeStep())
    list.push_back(ids.getColumn(0).getInt64());
  // One attachment in memory at a time.
  for (std::int64_t id : list) {
    SQLite::Statement a(db, "SELECT name, content FROM request_attachment WHERE id = ?");
    a.bind(1, id);
    if (!a.executeStep()) continue;
    const auto blob = a.getColumn(1);
    each(a.getColumn(0).getString(),
         std::string(static_cast<const char*>(blob.getBlob()), static_cast<size_t>(blob.getBytes())));
  }
}

void mark_archived(SQLite::Database& db, RequestDetails& r, const std::string& at, const std::string& path,
                   const std::string& sha256)
{
  request_store::update_versioned(db, r,
                                  {{"archived_at", at}, {"archive_path", path}, {"archive_sha256", sha256}});
  r.archived_at = at;
  ++r.version;
}

} // namespace imi
