// A practical e-mail address check for data typed into spreadsheets: one
// '@', a plausible local part, a domain of dot-separated labels with a
// top-level domain. Returns why an address is rejected, in words a person
// can act on ("contains a space: 'publieksbalie@oeteldon k.nl'").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imi::util {

// Empty when the address is acceptable, else the problem.
std::optional<std::string> email_problem(std::string_view address);

} // namespace imi::util
