#include "notify/outbox.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "authority/own_authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "notify/mime.hpp"
#include "notify/templates.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::optional<std::string> cc_for(const OwnAuthority& own, const std::string& recipient)
{
  if (!own.email || util::to_lower_ascii(*own.email) == util::to_lower_ascii(recipient)) return std::nullopt;
  return own.email;
}

std::int64_t insert_row(SQLite::Database& db, const std::string& now, MailKind kind,
                        std::optional<std::int64_t> user_id, std::optional<std::int64_t> request_id,
                        const std::string& recipient, const std::optional<std::string>& cc,
                        const std::string& language, const std::string& subject,
                        const std::optional<std::string>& body)
{
  SQLite::Statement q(db,
                      "INSERT INTO outbox (created_at, kind, user_id, request_id, recipient, cc, language, "
                      "subject, body, state, attempts, next_attempt_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)");
  q.bind(1, now);
  q.bind(2, mail_kind_slug(kind));
  user_id ? q.bind(3, *user_id) : q.bind(3);
  request_id ? q.bind(4, *request_id) : q.bind(4);
  q.bind(5, recipient);
  cc ? q.bind(6, *cc) : q.bind(6);
  q.bind(7, language);
  q.bind(8, subject);
  body ? q.bind(9, *body) : q.bind(9);
  q.bind(10, now);
  q.exec();
  return db.getLastInsertRowid();
}

enum class MailField { subject, body };

void require_text(const std::string& value, MailField field)
{
  const bool subject = field == MailField::subject;
  if (util::trim(value).empty())
    throw InvalidInputError(subject ? _("the mail subject is empty") : _("the mail body is empty"));
  if (!util::is_valid_utf8(value))
    throw InvalidInputError(subject ? _("the mail subject is not valid UTF-8")
                                    : _("the mail body is not valid UTF-8"));
}

} // namespace

const char* mail_kind_slug(MailKind kind)
{
  switch (kind) {
  case MailKind::credentials: return "credentials";
  case MailKind::password_reset: return "password_reset";
  case MailKind::message: return "message";
  }
  return "message";
}

bool carries_secret(MailKind kind)
{
  return kind == MailKind::credentials || kind == MailKind::password_reset;
}

std::optional<MailKind> parse_mail_kind(const std::string& slug)
{
  for (MailKind k : {MailKind::credentials, MailKind::password_reset, MailKind::message})
    if (slug == mail_kind_slug(k)) return k;
  return std::nullopt;
}

std::int64_t enqueue_user_mail(Session& session, std::int64_t user_id, MailKind kind,
                               const std::string& subject, const std::string& body)
{
  auto& db = session.db(Access::read_write);
  SQLite::Statement user(db,
                         "SELECT username, email, language FROM user WHERE id = ? AND status <> 'deleted'");
  user.bind(1, user_id);
  if (!user.executeStep()) throw NotFoundError(_f("no user with id {}", user_id));
  const std::string username = user.getColumn(0).getString();
  const std::string email = user.getColumn(1).getString();
  const std::string language = mail_language(user.getColumn(2).getString());
  if (!mime::is_plausible_address(email))
    throw InvalidInputError(_f("the e-mail of user {} is not a valid address: '{}'", username, email));
  const OwnAuthority own = load_own_authority(db);

  std::string mail_subject = subject;
  std::optional<std::string> mail_body;
  if (carries_secret(kind)) {
    if (!body.empty()) throw InvalidInputError(_("a credentials or password-reset mail takes no body"));
    if (mail_subject.empty()) mail_subject = secret_mail_subject(kind, language, own.display_name());
    // Only the newest temporary password will work; an older unsent mail would only confuse.
    SQLite::Statement supersede(db, "DELETE FROM outbox WHERE user_id = ? AND state = 'pending' "
                                    "AND kind IN ('credentials', 'password_reset')");
    supersede.bind(1, user_id);
    supersede.exec();
  } else {
    require_text(body, MailField::body);
    mail_body = body;
  }
  require_text(mail_subject, MailField::subject);
  return insert_row(db, session.now_iso(), kind, user_id, std::nullopt, email, cc_for(own, email), language,
                    mail_subject, mail_body);
}

std::optional<std::int64_t> readdress_user_mail(Session& session, std::int64_t user_id)
{
  auto& db = session.db(Access::read_write);
  SQLite::Statement q(db, "SELECT kind FROM outbox WHERE user_id = ? AND state = 'pending' "
                          "AND kind IN ('credentials', 'password_reset') ORDER BY id DESC LIMIT 1");
  q.bind(1, user_id);
  if (!q.executeStep()) return std::nullopt;
  const auto kind = parse_mail_kind(q.getColumn(0).getString());
  if (!kind) return std::nullopt;
  return enqueue_user_mail(session, user_id, *kind);
}

std::int64_t enqueue_mail(Session& session, const std::string& recipient, const std::string& language,
                          const std::string& subject, const std::string& body,
                          std::optional<std::int64_t> request_id)
{
  auto& db = session.db(Access::read_write);
  if (!mime::is_plausible_address(recipient))
    throw InvalidInputError(_f("the mail recipient is not a valid address: '{}'", recipient));
  require_text(subject, MailField::subject);
  require_text(body, MailField::body);
  const OwnAuthority own = load_own_authority(db);
  return insert_row(db, session.now_iso(), MailKind::message, std::nullopt, request_id, recipient,
                    cc_for(own, recipient), mail_language(language), subject, body);
}

void list_outbox(SQLite::Database& db, OutboxView view, const std::function<void(const OutboxEntry&)>& each)
{
  const char* where = "";
  switch (view) {
  case OutboxView::unsent: where = "WHERE o.state <> 'sent'"; break;
  case OutboxView::pending: where = "WHERE o.state IN ('pending', 'sending')"; break;
  case OutboxView::failed: where = "WHERE o.state = 'failed'"; break;
  case OutboxView::all: break;
  }
  SQLite::Statement q(
      db, fmt::format("SELECT o.id, o.created_at, o.kind, u.username, o.request_id, o.recipient, "
                      "o.cc, o.language, o.subject, o.state, o.attempts, o.next_attempt_at, "
                      "o.last_error, o.sent_at FROM outbox o LEFT JOIN user u ON u.id = o.user_id "
                      "{} ORDER BY o.id",
                      where));
  OutboxEntry e;
  while (q.executeStep()) {
    e.id = q.getColumn(0).getInt64();
    e.created_at = q.getColumn(1).getString();
    e.kind = q.getColumn(2).getString();
    e.username = optional_text(q.getColumn(3));
    e.request_id =
        q.getColumn(4).isNull() ? std::nullopt : std::optional<std::int64_t>(q.getColumn(4).getInt64());
    e.recipient = q.getColumn(5).getString();
    e.cc = optional_text(q.getColumn(6));
    e.language = q.getColumn(7).getString();
    e.subject = q.getColumn(8).getString();
    e.state = q.getColumn(9).getString();
    e.attempts = q.getColumn(10).getInt64();
    e.next_attempt_at = q.getColumn(11).getString();
    e.last_error = optional_text(q.getColumn(12));
    e.sent_at = optional_text(q.getColumn(13));
    each(e);
  }
}

std::int64_t enqueue_authority_mail(Session& session, std::int64_t cc_authority_id,
                                    const std::string& recipient, const std::string& language,
                                    const std::string& subject, const std::string& body,
                                    std::optional<std::int64_t> request_id,
                                    std::optional<std::int64_t> user_id)
{
  auto& db = session.db(Access::read_write);
  if (!mime::is_plausible_address(recipient))
    throw InvalidInputError(_f("the mail recipient is not a valid address: '{}'", recipient));
  require_text(subject, MailField::subject);
  require_text(body, MailField::body);
  const auto email = load_authority(db, cc_authority_id).email;
  std::optional<std::string> cc;
  if (email && util::to_lower_ascii(*email) != util::to_lower_ascii(recipient)) cc = email;
  return insert_row(db, session.now_iso(), MailKind::message, user_id, request_id, recipient, cc,
                    mail_language(language), subject, body);
}

std::vector<std::int64_t> retry_failed_mail(Session& session, const Actor& actor,
                                            const std::vector<std::int64_t>& ids, bool all_failed)
{
  auto& db = session.db(Access::read_write);
  const OwnAuthority own = load_own_authority(db);
  require(session, actor, Permission::retry_notifications, own.id, "outbox");
  WriteTransaction tx(db);
  std::vector<std::int64_t> targets = ids;
  if (all_failed) {
    SQLite::Statement q(db, "SELECT id FROM outbox WHERE state = 'failed' ORDER BY id");
    while (q.executeStep())
      targets.push_back(q.getColumn(0).getInt64());
  }
  std::vector<std::int64_t> done;
  for (const std::int64_t id : targets) {
    SQLite::Statement state(db, "SELECT state FROM outbox WHERE id = ?");
    state.bind(1, id);
    if (!state.executeStep()) throw NotFoundError(_f("no mail with id {} in the outbox", id));
    const std::string current = state.getColumn(0).getString();
    if (current != "failed") {
      if (all_failed) continue; // listed twice
      throw ConflictError(
          // TRANSLATORS: {1} is the mail's state code (pending, sending, sent).
          _f("mail {0} is {1}, not failed; only failed mail can be retried", id, current));
    }
    SQLite::Statement requeue(db, "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ? "
                                  "WHERE id = ?");
    requeue.bind(1, session.now_iso());
    requeue.bind(2, id);
    requeue.exec();
    append_audit(db, session.now(), actor.username, "mail.retry", fmt::format("outbox:{}", id),
                 "requeued a failed mail");
    done.push_back(id);
  }
  tx.commit();
  return done;
}

} // namespace imi
