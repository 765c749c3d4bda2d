// archive: select, check the whole batch, then per request write the
// attachments, the JSON and the report, and mark and audit it.
#include "archive/archive.hpp"

#include "access/permissions.hpp"
#include "archive/archive_access.hpp"
#include "archive/archive_folder.hpp"
#include "archive/file_names.hpp"
#include "archive/report.hpp"
#include "archive/sha256.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/reference.hpp"
#include "requests/request_archive.hpp"
#include "requests/request_record.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <set>

namespace imi {
namespace {

struct Planned {
  RequestDetails r;
  std::vector<std::string> attachment_files; // relative to DIR, in the order of r.attachments
  std::vector<std::string> files;            // everything written, relative to DIR
};

std::string docx_name(const RequestDetails& r)
{
  return r.reference + ".docx";
}

std::string json_name(const RequestDetails& r)
{
  return r.reference + ".json";
}

// A reference becomes a file name: it must be one (CC-YYYY-NNNNNN), whatever
// the database holds.
void require_reference(const RequestDetails& r)
{
  if (!is_reference(r.reference))
    throw InvalidInputError(_f("request {} has the reference '{}', which is not one (CC-YYYY-NNNNNN); "
                               "it is not used as a file name",
                               r.id, r.reference));
}

Planned plan(RequestDetails r)
{
  require_reference(r);
  Planned p;
  std::set<std::string> taken;
  for (const auto& a : r.attachments)
    p.attachment_files.push_back(r.reference + "/" + archive::unique_name(a.name, taken));
  p.files = {docx_name(r), json_name(r)};
  p.files.insert(p.files.end(), p.attachment_files.begin(), p.attachment_files.end());
  p.r = std::move(r);
  return p;
}

std::optional<std::string> parse_before(const std::optional<std::string>& date)
{
  if (!date) return std::nullopt;
  const auto t = util::parse_iso8601(util::trim(*date));
  if (!t) throw InvalidInputError(_f("{}: '{}' is not a date (YYYY-MM-DD)", "--closed-before", *date));
  return util::format_iso8601(*t);
}

std::map<std::string, std::string> standard_texts(SQLite::Database& db, const std::string& language)
{
  std::map<std::string, std::string> out;
  for (const auto& s : standard_answers(db))
    out[s.code] = language == "nl" ? s.nl : s.en;
  return out;
}

} // namespace

std::vector<ArchiveResult> archive_requests(Session& session, const Actor& actor, const ArchiveOptions& o)
{
  const bool bulk = o.all_closed || o.closed_before;
  if (bulk == !o.requests.empty() || (o.all_closed && o.closed_before))
    throw UsageError(_("archive takes REQ..., --all-closed or --closed-before DATE (one of them)"));
  if (o.reveal_reason && util::trim(*o.reveal_reason).empty())
    throw InvalidInputError(_("--reveal-blocked needs --reason TEXT: why the blocked data must be archived"));
  const auto before = parse_before(o.closed_before);
  const bool reveal = o.reveal_reason.has_value();
  // Writing needs the archive columns (migration 011); a dry run only reads.
  auto& db = session.db(o.dry_run ? Access::read_only : Access::read_write);

  std::vector<ArchiveResult> results;
  std::vector<Planned> batch;
  std::set<std::int64_t> seen;
  if (bulk) {
    require(session, actor, Permission::view_requests, actor.authority_id, "request:*");
    for (std::int64_t id : closed_request_ids(db, actor.authority_id, before, o.force)) {
      RequestDetails r = load_request_as_seen(db, actor, id, reveal);
      if (const std::string why = archive::skip_reason(r); !why.empty()) {
        results.push_back({r.reference, "skipped", {}, {}, why, {}});
        continue;
      }
      batch.push_back(plan(std::move(r)));
    }
  } else {
    for (const auto& name : o.requests) {
      const std::int64_t id = find_request_id(db, name);
      if (!seen.insert(id).second) continue;
      RequestDetails r = load_request_as_seen(db, actor, id, reveal);
      archive::require_full_view(session, actor, r, "archive");
      batch.push_back(plan(std::move(r)));
    }
  }

  // Every check for the whole batch before the first byte is written.
  archive::ArchiveFolder folder(o.out_dir, session_output_options(session), o.force);
  for (const auto& p : batch)
    folder.check(p.r.reference, p.files);

  if (o.dry_run) {
    for (const auto& p : batch)
      results.push_back({p.r.reference, "would-archive", folder.path_of(docx_name(p.r)), {}, {}, p.files});
    return results;
  }
  if (!batch.empty()) folder.create();

  const std::string language = load_authority(db, actor.authority_id).language == "nl" ? "nl" : "en";
  const std::string now = session.now_iso();
  for (auto& p : batch) {
    RequestDetails& r = p.r;
    const auto standards = standard_texts(db, r.language);
    // What is written is the request as show prints it once archived.
    RequestDetails shown = r;
    shown.archived_at = now;
    shown.version = r.version + 1;

    archive::ReportInput report{&shown, language, standards, {}, actor.username};
    std::vector<std::pair<std::string, std::string>> sums;
    if (!p.attachment_files.empty()) folder.create_sub(r.reference);
    size_t i = 0;
    for_each_attachment(db, r.id, [&](const std::string& name, const std::string& content) {
      const std::string& file = p.attachment_files.at(i++);
      const std::string sha = folder.write(file, content);
      report.attachments.push_back({name, file, sha, static_cast<std::int64_t>(content.size())});
      sums.emplace_back(sha, file);
    });
    std::string json;
    write_json_record(json, request_record(shown));
    json += "\n";
    sums.emplace_back(folder.write(json_name(r), json), json_name(r));
    const std::string docx = archive::report_docx(report);
    const std::string docx_sha = folder.write(docx_name(r), docx);
    sums.emplace_back(docx_sha, docx_name(r));
    folder.append_sums(sums);

    const std::string docx_path =
        std::filesystem::absolute(folder.path_of(docx_name(r))).lexically_normal().string();
    WriteTransaction tx(db);
    mark_archived(db, r, now, docx_path, docx_sha);
    if (r.blocked && reveal)
      append_audit(db, session.now(), actor.username, "request.reveal", "request:" + r.reference,
                   "blocked request archived: " + util::trim(*o.reveal_reason));
    // Path and checksum only: the audit log outlives the request's content.
    append_audit(db, session.now(), actor.username, "request.archive", "request:" + r.reference,
                 fmt::format("archived to {}, sha256 {}", docx_path, docx_sha));
    tx.commit();
    results.push_back({r.reference, "archived", docx_path, docx_sha, {}, p.files});
  }
  return results;
}

} // namespace imi
