#include "notify/mail_list.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/session.hpp"

#include <fmt/format.h>

namespace imi {

void list_mail(Session& session, const Actor& actor, OutboxView view,
               const std::function<void(const OutboxEntry&)>& each)
{
  auto& db = session.db();
  const std::int64_t own = own_authority_id(db);
  require(session, actor, Permission::view_mail, own, "outbox");
  list_outbox(db, view, each);
}

} // namespace imi
