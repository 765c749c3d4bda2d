// What the archive (lib/archive) needs from the request tables: the request
// as an actor may see it, the closed requests to archive in bulk, the
// attachments' bytes and the archive mark. The SQL stays with the tables.
#pragma once

#include "requests/requests.hpp"

#include <SQLiteCpp/Database.h>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace imi {

// REQ (reference or id) to the request's id; NotFoundError (3).
std::int64_t find_request_id(SQLite::Database& db, const std::string& request);

// The request with the view the access layer gives this actor (none, without
// personal data, full) and, unless the view is none, every part that view
// may read. Unlike show_request this neither refuses nor audits: the caller
// decides what a view allows.
RequestDetails load_request_as_seen(SQLite::Database& db, const Actor& actor, std::int64_t id,
                                    bool reveal_blocked);

// Closed and refused requests (a refusal closes a request, SPEC §4) in which
// the authority is requester or responder, closed before `closed_before`
// when given, oldest first. Already archived ones only with
// `include_archived`.
std::vector<std::int64_t> closed_request_ids(SQLite::Database& db, std::int64_t authority_id,
                                             const std::optional<std::string>& closed_before,
                                             bool include_archived);

// The attachments' names and bytes, one at a time, in the order
// RequestDetails::attachments lists them.
void for_each_attachment(
    SQLite::Database& db, std::int64_t request_id,
    const std::function<void(const std::string& name, const std::string& content)>& each);

// Records that the report was written: archived_at, the .docx's path and its
// SHA-256. Versioned like every change (ConflictError when someone acted
// first); r.version and r.archived_at follow.
void mark_archived(SQLite::Database& db, RequestDetails& r, const std::string& at, const std::string& path,
                   const std::string& sha256);

} // namespace imi
