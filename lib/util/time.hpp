// Calendar arithmetic on UTC instants (seconds since the Unix epoch), free of
// the C library's time zone and locale state.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imi::util {

using Instant = std::int64_t;

// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z", "+HH:MM" or
// no offset (taken as UTC); a space may replace the "T".
std::optional<Instant> parse_iso8601(std::string_view text);
// "2026-11-28T15:42:09Z"
std::string format_iso8601(Instant t);
// "2026-11-28"
std::string format_date(Instant t);

// A configured period such as "6 months", "24 hours", "3 years", "14 days".
struct Period {
  int months = 0;
  std::int64_t seconds = 0;
};
std::optional<Period> parse_period(std::string_view text);
// Adds a period; months are calendar months, clamped to the month's last day.
Instant add_period(Instant t, const Period& p);
Instant subtract_period(Instant t, const Period& p);

} // namespace imi::util
