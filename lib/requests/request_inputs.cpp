// The steps that take more than a state change: answering one question
// (free text or a standard answer, B2), attaching a file (stored in the
// database with size and SHA-256, within [requests] max_attachment_mb), and
// the due date the responder proposes and the requester agrees to.
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "requests/request_actions.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iterator>
#include <sodium.h>

namespace imi {

using request_store::update_versioned;

std::string future_instant(const Session& session, const char* option, const std::string& text)
{
  const auto t = util::parse_iso8601(util::trim(text));
  if (!t) throw InvalidInputError(_f("{}: '{}' is not a date (YYYY-MM-DD)", option, text));
  if (*t < session.now()) throw InvalidInputError(_f("{}: {} is in the past", option, text));
  return util::format_iso8601(*t);
}

void answer_question(ActionContext& c)
{
  if (!c.in.question) throw InvalidInputError(_("--question N is required"));
  const bool has_text = c.in.text && !util::trim(*c.in.text).empty();
  if (!has_text && !c.in.standard)
    throw InvalidInputError(
        _("an answer needs --text TEXT or --standard CODE (imictl request standard-answers)"));
  SQLite::Statement exists(c.db, "SELECT 1 FROM request_question WHERE request_id = ? AND number = ?");
  exists.bind(1, c.r.id);
  exists.bind(2, *c.in.question);
  if (!exists.executeStep())
    throw InvalidInputError(_f("request {} has no question {}", c.r.reference, *c.in.question));
  std::optional<std::string> standard;
  if (c.in.standard) {
    SQLite::Statement s(c.db, "SELECT code FROM standard_answer WHERE code = lower(?)");
    s.bind(1, util::trim(*c.in.standard));
    if (!s.executeStep())
      throw NotFoundError(_f("no standard answer '{}'", *c.in.standard),
                          {_("imictl request standard-answers lists them")});
    standard = s.getColumn(0).getString();
  }
  SQLite::Statement q(c.db,
                      "UPDATE request_question SET answer_text = ?, standard_answer = ?, answered_at = ?, "
                      "answered_by = ? WHERE request_id = ? AND number = ?");
  has_text ? q.bind(1, check_text(C_("field", "answer"), *c.in.text, true, true)) : q.bind(1);
  standard ? q.bind(2, *standard) : q.bind(2);
  q.bind(3, c.now);
  c.actor.user_id ? q.bind(4, c.actor.user_id) : q.bind(4);
  q.bind(5, c.r.id);
  q.bind(6, *c.in.question);
  q.exec();
  update_versioned(c.db, c.r, {});
  c.summary = fmt::format("question {} answered{}", *c.in.question, standard ? " (" + *standard + ")" : "");
  c.history_comment = fmt::format("question {}", *c.in.question);
}

void attach_file(ActionContext& c)
{
  namespace fs = std::filesystem;
  const fs::path path(*c.in.file);
  std::error_code ec;
  if (!fs::exists(path, ec)) throw NotFoundError(_f("no file '{}'", path.string()));
  const auto limit_mb = c.session.config().integer("requests.max_attachment_mb");
  const auto size = fs::is_regular_file(path, ec) ? fs::file_size(path, ec) : 0;
  if (ec || !fs::is_regular_file(path))
    throw InvalidInputError(_f("'{}' is not a readable file", path.string()));
  if (size > static_cast<std::uintmax_t>(limit_mb) * 1024 * 1024)
    throw InvalidInputError(_f("'{}' is {} bytes: over the limit of {} MB", path.string(), size, limit_mb),
                            {_("[requests] max_attachment_mb in the config sets the limit")});
  std::ifstream f(path, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (!f.good() && !f.eof()) throw InvalidInputError(_f("cannot read '{}'", path.string()));
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(content.data()), content.size());
  std::string hex;
  for (unsigned char b : digest)
    hex += fmt::format("{:02x}", b);
  SQLite::Statement q(c.db,
                      "INSERT INTO request_attachment (request_id, name, size, sha256, content, added_at, "
                      "added_by) VALUES (?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, c.r.id);
  q.bind(2, path.filename().string());
  q.bind(3, static_cast<std::int64_t>(content.size()));
  q.bind(4, hex);
  q.bind(5, content.data(), static_cast<int>(content.size()));
  q.bind(6, c.now);
  c.actor.user_id ? q.bind(7, c.actor.user_id) : q.bind(7);
  q.exec();
  update_versioned(c.db, c.r, {});
  c.history_comment = path.filename().string();
  // The size only: the audit log outlives the attachment (purge cannot
  // touch it), and a checksum would still tell which document it was.
  c.summary = fmt::format("attached {} bytes", content.size());
}

void propose_due_date(ActionContext& c)
{
  c.r.proposed_due_at = future_instant(c.session, "--propose", *c.in.date);
  update_versioned(c.db, c.r, {{"proposed_due_at", *c.r.proposed_due_at}});
  c.history_comment = "proposed " + c.r.proposed_due_at->substr(0, 10) +
                      (c.in.comment ? ": " + util::trim(*c.in.comment) : std::string());
  c.summary = "proposed due date " + *c.r.proposed_due_at;
}

void agree_due_date(ActionContext& c)
{
  if (!c.r.proposed_due_at)
    throw ConflictError(_f("request {} has no proposed due date to agree to", c.r.reference));
  update_versioned(c.db, c.r, {{"agreed_due_at", *c.r.proposed_due_at}, {"due_at", *c.r.proposed_due_at}});
  c.r.agreed_due_at = c.r.proposed_due_at;
  c.r.due_at = c.r.proposed_due_at;
  c.history_comment = "agreed " + c.r.proposed_due_at->substr(0, 10);
  c.summary = "agreed due date " + *c.r.proposed_due_at;
}

} // namespace imi
