#include "notify/backoff.hpp"

#include <array>

namespace imi {

std::int64_t retry_delay_seconds(int failed_attempts)
{
  static constexpr std::array<std::int64_t, 5> schedule = {60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600};
  if (failed_attempts < 1) return schedule[0];
  const auto index = static_cast<size_t>(failed_attempts - 1);
  return index < schedule.size() ? schedule[index] : 12 * 3600;
}

RetryDecision decide_retry(int attempts, int max_attempts, util::Instant now)
{
  if (max_attempts < 1) max_attempts = 1;
  if (attempts >= max_attempts) return {true, 0};
  return {false, now + retry_delay_seconds(attempts)};
}

} // namespace imi
