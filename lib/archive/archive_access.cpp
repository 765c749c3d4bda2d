#include "archive/archive_access.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/request_gate.hpp"

#include <fmt/format.h>

namespace imi::archive {

bool may_archive(const RequestDetails& r)
{
  return r.view == RequestView::full;
}

void require_full_view(Session& session, const Actor& actor, const RequestDetails& r, std::string_view action)
{
  if (may_archive(r)) return;
  // Not visible at all: refused (and audited) as show refuses it.
  request_gate::require_visible(session, actor, r, r.view, action);
  const std::string message =
      fmt::format("{} may not {} request {}: that needs its personal data, which {} may not see",
                  actor.audit_name(), action, r.reference, actor.audit_name());
  session.audit_after_rollback(actor.audit_name(), "denied:request." + std::string(action),
                               "request:" + r.reference, message);
  throw PermissionError(message, {"a handler of the requesting authority, or of the responding authority who "
                                  "may handle it, sees a request in full"});
}

std::string skip_reason(const RequestDetails& r)
{
  if (may_archive(r)) return {};
  if (r.blocked) return "blocked: only an lda with --reveal-blocked --reason may archive it";
  return "its personal data is not yours to see";
}

} // namespace imi::archive
