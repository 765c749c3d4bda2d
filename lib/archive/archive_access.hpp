// Who may archive a request or fill in its consent declaration: both carry
// the provider's personal data, so only an actor whose view of the request
// is full (access layer, SPEC §4 "Visibility") may; for a blocked request
// that is an LDA who passed --reveal-blocked --reason.
#pragma once

#include "requests/requests.hpp"

#include <string>
#include <string_view>

namespace imi {
class Session;
}

namespace imi::archive {

bool may_archive(const RequestDetails& r);

// Refuses (4, audited as denied:request.ACTION) unless may_archive(r).
void require_full_view(Session& session, const Actor& actor, const RequestDetails& r,
                       std::string_view action);

// Why a bulk archive leaves r out, for its report; empty when it does not.
std::string skip_reason(const RequestDetails& r);

} // namespace imi::archive
