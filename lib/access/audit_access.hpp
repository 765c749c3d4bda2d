// Reading the audit log: who did what to whom is personal data, so only a
// local data administrator of the own authority lists it. Verifying the chain
// (audit verify, audit head) reads no names and needs no actor.
#pragma once

#include "access/actor.hpp"
#include "core/audit.hpp"

#include <vector>

namespace imi {

class Session;

std::vector<AuditEntry> read_audit(Session& session, const Actor& actor, const AuditFilter& filter);

} // namespace imi
