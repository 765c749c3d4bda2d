// The request rules of `imictl check` (B2, B3): answering incoming requests
// is mandatory and timely, a request abroad needs a motivation, and with
// allocation someone must assign what comes in. The table in rules.cpp
// lists them with the other rules.
#pragma once

#include "check/check.hpp"

namespace imi::request_checks {

std::vector<RuleHit> overdue_incoming(const CheckContext& c);
std::vector<RuleHit> sent_without_motivation(const CheckContext& c);
std::vector<RuleHit> unassigned_with_allocation(const CheckContext& c);

} // namespace imi::request_checks
