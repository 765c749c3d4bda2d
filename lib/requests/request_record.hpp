// The JSON of a request (SPEC §4 "JSON"): one builder for `request show`,
// the actions that print the request afterwards, and the archive's REF.json,
// so the archived copy and what show prints can never drift apart.
#pragma once

#include "core/output.hpp"
#include "requests/requests.hpp"

namespace imi {

// The full object: personal_data, answers and attachment details are null
// where the view does not include them.
Record request_record(const RequestDetails& r);

} // namespace imi
