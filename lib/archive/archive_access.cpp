#include "archive/archive_access.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "requests/request_gate.hpp"
#include "util/i18n.hpp"

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
  const char* const message =
      // TRANSLATORS: {0} user, {1} the command refused (archive or consent-form,
      // as typed), {2} request reference.
      N_("{0} may not {1} request {2}: that needs its personal data, which {0} may not see");
  session.audit_after_rollback(actor.audit_name(), "denied:request." + std::string(action),
                               "request:" + r.reference,
                               fmt::format(fmt::runtime(message), actor.audit_name(), action, r.reference));
  throw PermissionError(_f(message, actor.audit_name(), action, r.reference),
                        {_("a handler of the requesting authority, or of the responding authority who "
                           "may handle it, sees a request in full")});
}

std::string skip_reason(const RequestDetails& r)
{
  if (may_archive(r)) return {};
  if (r.blocked) return _("blocked: only an lda with --reveal-blocked --reason may archive it");
  return _("its personal data is not yours to see");
}

} // namespace imi::archive
