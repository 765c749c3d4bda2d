// The SQL of the request tables, for lib/requests only: loading, the
// versioned update every action goes through, and the history.
#pragma once

#include "requests/requests.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <variant>

namespace imi::request_store {

// REQ: a reference (NL-2026-000123, case-insensitive) or the numeric id.
// NotFoundError (3) otherwise.
std::int64_t resolve_request(SQLite::Database& db, const std::string& request);

// The request row and the names of its authorities; not the parts that
// need a view (personal data, questions, attachments, history).
RequestDetails load_request(SQLite::Database& db, std::int64_t id);
// What load_request reads, for a query over many requests (request list):
// SELECT request_columns (24, first) FROM request_joins (r, qa, pa).
extern const char* const request_columns;
extern const char* const request_joins;
void read_request_row(SQLite::Statement& q, RequestDetails& r);
void load_parts(SQLite::Database& db, RequestDetails& r);
// Only the provider's fields (listings): nothing unless the view is full.
void load_personal_data(SQLite::Database& db, RequestDetails& r);

using Column = std::variant<std::nullptr_t, std::int64_t, std::string>;
// UPDATE request SET <changes>, version = version + 1 WHERE id = ? AND version = ?;
// no row changed means someone else acted first: ConflictError (5).
void update_versioned(SQLite::Database& db, const RequestDetails& r,
                      const std::vector<std::pair<const char*, Column>>& changes);

void append_history(SQLite::Database& db, const RequestDetails& r, const std::string& at,
                    const std::string& actor, const std::string& action, std::optional<RequestState> to,
                    std::int64_t authority_id, const std::optional<std::string>& comment);

} // namespace imi::request_store
