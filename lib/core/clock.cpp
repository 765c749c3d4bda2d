#include "core/clock.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <chrono>
#include <cstdlib>

namespace imi {

Clock Clock::from_environment()
{
  const char* pinned = std::getenv("IMICTL_NOW");
  if (!pinned || !*pinned) return Clock();
  auto t = util::parse_iso8601(pinned);
  if (!t) throw UsageError(_f("IMICTL_NOW is not an ISO-8601 instant: '{}'", pinned));
  return Clock(*t);
}

util::Instant Clock::now() const
{
  if (pinned_) return fixed_;
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace imi
