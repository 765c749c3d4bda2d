// `imictl import`: loads a result table (guide H5 stap 1.4-2.6, Bijlage 4)
// into the departments, users, roles and services of one authority.
//
// One transaction, one pass over the file: each row is checked as it is
// read and, when valid, written at once -- a new mailbox becomes a user, a
// known one waits in a temporary table (on disk, so a million rows cost no
// memory) until the whole file is known (see import/table_writer.hpp). Any
// invalid row, or a problem only the database reveals, rolls everything
// back and all problems are reported together. --dry-run computes the same
// plan, usernames included, and rolls back.
#pragma once

#include "access/actor.hpp"
#include "core/error.hpp"
#include "import/table_reader.hpp"
#include "util/encoding.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct ImportOptions {
  std::string file;                     // a path, or "-" for standard input
  std::optional<std::string> authority; // id or name; the own authority when empty
  char delimiter = 0;                   // 0: detect
  util::TextEncoding encoding = util::TextEncoding::automatic;
  std::vector<std::string> default_services; // keywords for handlers without services
  bool dry_run = false;
  bool prune = false;               // delete users of the authority that the file does not list
  bool yes = false;                 // confirms --prune without asking
  bool allow_self_demotion = false; // the file may take the acting user's own lda role
  size_t max_plan_rows = 10000;     // plan rows kept for the report; the rest are counted
};

struct ImportCounts {
  std::int64_t departments = 0, users = 0;
};

struct PlanRow {
  std::uint64_t line = 0;
  std::string kind;   // "department" | "user"
  std::string action; // "create" | "update" | "unchanged" | "delete"
  std::string department, username, email;
  std::vector<std::string> roles;   // slugs
  std::vector<std::string> changes; // for "update": "roles", "departments", "name", "laws", ...
};

struct ImportResult {
  std::string file;
  std::int64_t authority_id = 0;
  bool dry_run = false;
  bool written = false;  // committed with at least one change
  std::int64_t rows = 0; // data rows read
  ImportCounts created, updated, unchanged, deleted;
  std::vector<std::string> default_services; // used for handlers that had none
  std::string default_services_source;       // "--default-service" | "authority keywords" | ""
  std::vector<PlanRow> plan;
  std::int64_t plan_rows_omitted = 0;
  // The line whose roles take lda from the acting user (0: none). Refused
  // unless ImportOptions::allow_self_demotion: an administrator who loses
  // lda by a spreadsheet typo cannot undo it.
  std::uint64_t self_demotion_line = 0;
  bool changes() const;
};

// Thrown when rows are invalid: every problem found (up to a limit), exit 6.
class ImportInvalidError : public InvalidInputError {
public:
  ImportInvalidError(std::string file, std::vector<RowError> errors, std::int64_t total);
  std::string file;
  std::vector<RowError> errors;
  std::int64_t total = 0; // all problems, also those beyond the stored ones
};

ImportResult import_result_table(Session& session, const Actor& actor, const ImportOptions& options);

} // namespace imi
