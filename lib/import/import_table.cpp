#include "import/import_table.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "authority/keyword_vocabulary.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/session.hpp"
#include "import/row_pipeline.hpp"
#include "import/table_writer.hpp"
#include "users/user_store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <sys/stat.h>
#include <unordered_map>

namespace imi {
namespace {

constexpr std::uint64_t progress_threshold = 4u << 20; // bytes; smaller files finish before a bar helps

struct InputFile {
  std::FILE* fp = nullptr;
  bool owned = false;
  std::uint64_t size = 0; // 0 when unknown (a pipe)
  ~InputFile()
  {
    if (owned && fp) std::fclose(fp);
  }
};

void open_input(const std::string& path, InputFile& in)
{
  if (path == "-") {
    in.fp = stdin;
  } else {
    struct stat sb {};
    if (::stat(path.c_str(), &sb) != 0) {
      if (errno == ENOENT) throw NotFoundError(_f("no such file: {}", path));
      throw FailureError(_f("cannot read {}: {}", path, std::strerror(errno)));
    }
    if (S_ISDIR(sb.st_mode)) throw InvalidInputError(_f("{} is a directory, not a result table", path));
    in.fp = std::fopen(path.c_str(), "rb");
    if (!in.fp) throw FailureError(_f("cannot read {}: {}", path, std::strerror(errno)));
    in.owned = true;
    if (S_ISREG(sb.st_mode)) in.size = static_cast<std::uint64_t>(sb.st_size);
  }
}

std::vector<std::string> resolve_default_services(SQLite::Database& db, const ImportOptions& o,
                                                  std::int64_t authority_id, std::string& source)
{
  std::vector<std::string> out;
  if (!o.default_services.empty()) {
    for (const auto& kw : o.default_services)
      out.push_back(resolve_keyword(db, kw, "--default-service"));
    source = "--default-service";
    return out;
  }
  SQLite::Statement q(db, "SELECT keyword FROM authority_keyword WHERE authority_id = ? ORDER BY keyword");
  q.bind(1, authority_id);
  while (q.executeStep())
    out.push_back(q.getColumn(0).getString());
  source = "the authority's keywords"; // i18n: not shown (a code; the note has its own sentence)
  return out;
}

std::string counts_summary(const ImportResult& r)
{
  return fmt::format("created {} departments, {} users; updated {} departments, {} users; unchanged {} "
                     "departments, {} users; deleted {} users",
                     r.created.departments, r.created.users, r.updated.departments, r.updated.users,
                     r.unchanged.departments, r.unchanged.users, r.deleted.users);
}

} // namespace

bool ImportResult::changes() const
{
  return created.departments + created.users + updated.departments + updated.users + deleted.users > 0;
}

ImportInvalidError::ImportInvalidError(std::string f, std::vector<RowError> e, std::int64_t t)
    : InvalidInputError(_n("{}: {} problem found; nothing was written",
                           "{}: {} problems found; nothing was written", static_cast<unsigned long>(t), f,
                           t)),
      file(std::move(f)), errors(std::move(e)), total(t)
{
}

ImportResult import_result_table(Session& session, const Actor& actor, const ImportOptions& options)
{
  Reporter& reporter = session.reporter();
  if (options.prune && !options.yes && !options.dry_run && !reporter.can_confirm())
    throw UsageError(_("--prune deletes users: confirm with --yes (no terminal to ask on)"));

  ImportResult result;
  result.file = options.file == "-" ? "<stdin>" : options.file;
  result.dry_run = options.dry_run;
  const std::string& label = result.file;

  InputFile input;
  open_input(options.file, input);

  auto& db = session.db(Access::read_write);
  // A bulk write touches every page of the user tables: a larger page cache
  // keeps SQLite from spilling them mid-transaction. Bounded, so memory
  // stays flat however long the file is.
  db.exec("PRAGMA cache_size = -16384");
  db.exec("PRAGMA temp.cache_size = -8192");
  // Every reference the import writes is one it has just inserted or
  // checked (departments, users, keywords), and every value a CHECK
  // constraint guards (role slugs, status, flags) is one of the import's own
  // constants. So the per-row foreign-key lookups and CHECKs are skipped for
  // the bulk write -- SQLite compiles `role IN (...)` into a temporary index
  // built anew on every insert -- and switched back on after.
  struct BulkChecksOff {
    SQLite::Database& db;
    explicit BulkChecksOff(SQLite::Database& d) : db(d)
    {
      db.exec("PRAGMA foreign_keys = OFF");
      db.exec("PRAGMA ignore_check_constraints = ON");
    }
    // For the writes that are not the import's own (the audit entry).
    void checks_on() { db.exec("PRAGMA ignore_check_constraints = OFF"); }
    ~BulkChecksOff()
    {
      try {
        checks_on();
        db.exec("PRAGMA foreign_keys = ON");
      } catch (...) { // the connection is closing anyway
      }
    }
  } bulk_checks_off(db);
  WriteTransaction tx(db);
  const std::int64_t authority_id = resolve_authority(db, options.authority);
  result.authority_id = authority_id;
  require(session, actor, Permission::import_table, authority_id, fmt::format("authority:{}", authority_id));
  std::string language = "nl";
  {
    SQLite::Statement q(db, "SELECT language FROM authority WHERE id = ?");
    q.bind(1, authority_id);
    if (q.executeStep()) language = q.getColumn(0).getString();
  }
  const std::int64_t ldas_before = count_usable_ldas(db, authority_id);
  auto elapsed = [start = std::chrono::steady_clock::now()] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };

  // One pass: each row is checked as it is read and, when valid, written
  // at once (see UserWriter). Problems are collected; any of them rolls the
  // whole import back at the end.
  util::CsvOptions csv_options;
  csv_options.delimiter = options.delimiter;
  csv_options.encoding = options.encoding;
  std::FILE* fp = input.fp;
  util::CsvReader csv([fp](char* buf, size_t n) { return std::fread(buf, 1, n, fp); }, csv_options);
  TableReader reader(csv);
  RowErrors errors;
  std::vector<RowError> found;
  auto flush = [&] {
    for (auto& e : found)
      errors.add(std::move(e));
    found.clear();
  };
  const bool show_progress = input.size >= progress_threshold;
  if (!reader.read_header(found)) {
    flush();
    throw ImportInvalidError(label, std::move(errors.list), errors.total);
  }
  for (const auto& ignored : reader.columns().ignored)
    reporter.warning(_f("{}:{}: column '{}' is not part of a result table and is ignored", label,
                        reader.header_line(), ignored));

  std::vector<std::string> services;
  bool services_resolved = false;
  std::string services_source;
  WriteContext ctx{db,
                   authority_id,
                   language,
                   session.now_iso(),
                   actor.user_id,
                   reader.columns(),
                   errors,
                   result,
                   reporter,
                   show_progress,
                   options.max_plan_rows,
                   [&]() -> const std::vector<std::string>& {
                     if (!services_resolved) {
                       services = resolve_default_services(db, options, authority_id, services_source);
                       services_resolved = true;
                     }
                     if (result.default_services.empty()) { // reported when first used
                       result.default_services = services;
                       result.default_services_source = services_source;
                     }
                     return services;
                   }};
  if (!options.default_services.empty()) { // a wrong keyword is an error even when no row needs it
    services = resolve_default_services(db, options, authority_id, services_source);
    services_resolved = true;
  }
  DepartmentTable departments(db, authority_id);
  UserWriter users(ctx);
  {
    RowPipeline rows(reader, csv); // reads and checks a batch ahead on a thread of its own
    while (ReadRow* r = rows.next()) {
      for (auto& e : r->errors)
        errors.add(std::move(e));
      if (r->end) break;
      ++result.rows;
      if (show_progress && result.rows % 4096 == 0)
        // TRANSLATORS: the label of a progress bar while the table is read.
        reporter.progress(_("reading"), rows.bytes_read(), input.size);
      if (!r->valid) continue;
      const std::int64_t department_id = departments.add(r->row.department, r->row.laws, r->row.line, label);
      if (r->row.has_user) users.add(r->row, department_id, r->username_base);
    }
    if (show_progress) reporter.progress_done();
  }
  flush();
  reporter.debug(fmt::format("read and wrote {} rows in {:.2f} s", result.rows, elapsed()));
  departments.finish(result, options.max_plan_rows);
  users.finish(departments);
  reporter.debug(fmt::format("applied in {:.2f} s", elapsed()));
  if (options.prune && !errors.any()) users.prune(label);
  if (ldas_before > 0 && count_usable_ldas(db, authority_id) == 0)
    errors.add({0, "",
                _("the import would leave the authority without a local data administrator (lda); keep at "
                  "least one in the file")});
  if (errors.any()) throw ImportInvalidError(label, std::move(errors.list), errors.total);
  if (result.self_demotion_line != 0) {
    const std::string what = _f("{}:{}: the row takes the local data administrator role (lda) from "
                                "you, the acting user '{}'",
                                label, result.self_demotion_line, actor.username);
    if (!options.allow_self_demotion && !options.dry_run)
      // TRANSLATORS: {} is the sentence "FILE:LINE: the row takes the local
      // data administrator role (lda) from you, ...".
      throw ConflictError(
          _f("{}; nothing was written", what),
          {_("list lda for yourself in that row, or pass --allow-self-demotion if you mean it")});
    reporter.warning(what);
  }

  if (!result.default_services.empty() && (result.created.users + result.updated.users) > 0)
    reporter.note(result.default_services_source == "--default-service"
                      ? _f("handlers without services get {} (--default-service)",
                           util::join(result.default_services, ", "))
                      : _f("handlers without services get {} (the authority's keywords)",
                           util::join(result.default_services, ", ")));
  if (options.dry_run) return result; // the transaction rolls back
  if (result.deleted.users > 0 && !options.yes &&
      !reporter.confirm(_n("Delete {} user of the authority that {} does not list?",
                           "Delete {} users of the authority that {} does not list?",
                           static_cast<unsigned long>(result.deleted.users), result.deleted.users, label)))
    throw FailureError(_("import cancelled; nothing was written"));
  if (result.changes()) {
    bulk_checks_off.checks_on();
    append_audit(db, session.now(), actor.username, "import", fmt::format("authority:{}", authority_id),
                 counts_summary(result));
    tx.commit();
    result.written = true;
  }
  return result;
}

} // namespace imi
