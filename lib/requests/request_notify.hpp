// Request notifications (B3; SPEC §4 "Notifications"), queued in the outbox
// inside the action's transaction. Mails name the request by reference and
// subject only: no personal data travels by mail.
#pragma once

#include "requests/requests.hpp"

namespace imi {

class Session;

enum class RequestMail { intake, assigned, replied, refused, forwarded, reminder };

// The responding authority's address, and its handlers, or its allocators
// when it works with allocation.
void notify_responder_intake(Session& session, const RequestDetails& r);
// The requesting handler who sent it.
void notify_sender(Session& session, const RequestDetails& r, std::int64_t sent_by, RequestMail what);
// Given handlers of the responding authority.
void notify_users(Session& session, const RequestDetails& r, const std::vector<std::int64_t>& user_ids,
                  RequestMail what);

} // namespace imi
