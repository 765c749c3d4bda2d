// The one clock. Every time-dependent rule (24-hour credentials, deadlines,
// retention) reads "now" here; IMICTL_NOW pins it for tests and replays.
#pragma once

#include "util/time.hpp"

namespace imi {

class Clock {
public:
  // Reads IMICTL_NOW once; an unparsable value is a UsageError (exit 2).
  static Clock from_environment();
  static Clock fixed(util::Instant t) { return Clock(t); }
  util::Instant now() const;
  bool pinned() const { return pinned_; }

private:
  Clock() = default;
  explicit Clock(util::Instant t) : pinned_(true), fixed_(t) {}
  bool pinned_ = false;
  util::Instant fixed_ = 0;
};

} // namespace imi
