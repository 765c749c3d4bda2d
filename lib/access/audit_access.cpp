#include "access/audit_access.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/session.hpp"

namespace imi {

std::vector<AuditEntry> read_audit(Session& session, const Actor& actor, const AuditFilter& filter)
{
  auto& db = session.db();
  require(session, actor, Permission::view_audit, own_authority_id(db), "audit");
  return list_audit(db, filter);
}

} // namespace imi
