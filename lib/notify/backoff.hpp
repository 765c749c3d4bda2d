// When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 6 h,
// then every 12 h, until mail.max_attempts attempts have failed; then the
// mail is marked failed and waits for `imictl notify retry`.
#pragma once

#include "util/time.hpp"

#include <cstdint>

namespace imi {

inline constexpr int default_max_attempts = 6;

// Delay after the n-th failed attempt (n >= 1).
std::int64_t retry_delay_seconds(int failed_attempts);

struct RetryDecision {
  bool give_up = false;
  util::Instant next_attempt_at = 0; // meaningful when !give_up
};
// `attempts` counts the attempt that just failed.
RetryDecision decide_retry(int attempts, int max_attempts, util::Instant now);

} // namespace imi
