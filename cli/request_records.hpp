// How requests and lifecycle rows are printed (SPEC §4 JSON): shared by the
// request and assign commands.
#pragma once

#include "core/output.hpp"
#include "requests/request_record.hpp"
#include "requests/requests.hpp"

namespace imi::cli {

// The JSON object of a request is imi::request_record (lib/requests).

// A row of `request list` in table and CSV form.
const std::vector<std::string>& request_list_columns();
Record request_list_row(const RequestDetails& r);
// A row of `request transitions`.
Record transition_record(const Transition& t, bool for_table = false);

} // namespace imi::cli
