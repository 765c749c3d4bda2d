// `imictl user issue-credentials` (cron, guide H6.1): a user receives a
// temporary password by mail 24 hours after being created.
#pragma once

#include "access/actor.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace imi {

class Session;

struct IssueResult {
  bool dry_run = false;
  // The users whose credentials mail was queued (or would be, in a dry run),
  // by username, oldest account first.
  std::vector<std::string> usernames;
  // The outbox ids of the queued mails (empty in a dry run).
  std::vector<std::int64_t> outbox_ids;
};

// Queues a credentials mail (MailKind::credentials) for every user of the
// own authority who is `pending`, was created at least 24 hours before
// session.now() (IMICTL_NOW), and has neither a password nor
// credentials_queued_at; sets credentials_queued_at. Idempotent: a second
// run queues nothing new. The temporary password itself is generated when
// `notify send` delivers the mail (notify/delivery.hpp).
//
// Acts as the `system` actor (calls session.act_as_system();
// Permission::issue_credentials). Writes one audit entry
// `user.issue_credentials` per user, in its own write transaction, which it
// commits. With dry_run nothing is written.
IssueResult issue_credentials(Session& session, const Actor& actor, bool dry_run);

} // namespace imi
