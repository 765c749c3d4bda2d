#include "notify/credentials.hpp"

#include "access/permissions.hpp"
#include "authority/own_authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/session.hpp"
#include "notify/outbox.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

namespace {
constexpr util::Instant credentials_delay_seconds = 24 * 3600; // guide H6.1: "na 24 uur"
}

IssueResult issue_credentials(Session& session, const Actor& actor, bool dry_run)
{
  auto& db = session.db(dry_run ? Access::read_only : Access::read_write);
  const OwnAuthority own = load_own_authority(db);
  require(session, actor, Permission::issue_credentials, own.id, fmt::format("authority:{}", own.id));

  IssueResult result;
  result.dry_run = dry_run;
  std::optional<WriteTransaction> tx;
  if (!dry_run) tx.emplace(db);

  struct Candidate {
    std::int64_t id;
    std::string username;
  };
  std::vector<Candidate> due;
  const util::Instant cutoff = session.now() - credentials_delay_seconds;
  SQLite::Statement q(
      db, "SELECT id, username, created_at FROM user WHERE authority_id = ? AND status = 'pending' "
          "AND password_hash IS NULL AND credentials_queued_at IS NULL ORDER BY created_at, id");
  q.bind(1, own.id);
  while (q.executeStep()) {
    // Parsed rather than compared as text, so any ISO-8601 spelling counts.
    const auto created = util::parse_iso8601(q.getColumn(2).getString());
    if (created && *created <= cutoff) due.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString()});
  }

  for (const auto& user : due) {
    result.usernames.push_back(user.username);
    if (dry_run) continue;
    const std::int64_t outbox_id = enqueue_user_mail(session, user.id, MailKind::credentials);
    SQLite::Statement mark(db, "UPDATE user SET credentials_queued_at = ? WHERE id = ?");
    mark.bind(1, session.now_iso());
    mark.bind(2, user.id);
    mark.exec();
    append_audit(db, session.now(), actor.username, "user.issue-credentials", "user:" + user.username,
                 fmt::format("credentials mail queued (outbox:{})", outbox_id));
    result.outbox_ids.push_back(outbox_id);
  }
  if (tx) tx->commit();
  return result;
}

} // namespace imi
