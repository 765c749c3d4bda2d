// `notify list`: the outbox as a local data administrator sees it. Recipients'
// addresses and subjects are personal data, so the listing goes through the
// access layer; list_outbox() itself is for delivery and tests.
#pragma once

#include "access/actor.hpp"
#include "notify/outbox.hpp"

#include <functional>

namespace imi {

class Session;

void list_mail(Session& session, const Actor& actor, OutboxView view,
               const std::function<void(const OutboxEntry&)>& each);

} // namespace imi
