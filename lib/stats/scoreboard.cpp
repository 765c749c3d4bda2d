#include "stats/scoreboard.hpp"

#include <cmath>

namespace imi {

const char* rating_slug(Rating r)
{
  switch (r) {
  case Rating::none: return "none";
  case Rating::green: return "green";
  case Rating::amber: return "amber";
  case Rating::red: return "red";
  }
  return "none";
}

Rating rate_share(std::optional<double> percent)
{
  if (!percent) return Rating::none;
  if (*percent >= 80) return Rating::green;
  if (*percent >= 60) return Rating::amber;
  return Rating::red;
}

Rating rate_days(std::optional<double> days)
{
  if (!days) return Rating::none;
  if (*days < 16) return Rating::green;
  if (*days <= 25) return Rating::amber;
  return Rating::red;
}

int score_of(Rating r)
{
  switch (r) {
  case Rating::green: return 1;
  case Rating::red: return -1;
  default: return 0;
  }
}

int overall_score(const std::vector<Rating>& ratings)
{
  int score = 0;
  for (Rating r : ratings)
    score += score_of(r);
  return score;
}

double round_one_decimal(double v)
{
  return std::round(v * 10) / 10;
}

Indicator share_indicator(std::int64_t count, std::int64_t of)
{
  Indicator i;
  i.count = count;
  i.of = of;
  if (of > 0) i.value = round_one_decimal(100.0 * static_cast<double>(count) / static_cast<double>(of));
  i.rating = rate_share(i.value);
  return i;
}

Indicator days_indicator(std::optional<double> average_days, std::int64_t answered)
{
  Indicator i;
  i.count = answered;
  i.of = answered;
  if (average_days && answered > 0) i.value = round_one_decimal(*average_days);
  i.rating = rate_days(i.value);
  return i;
}

} // namespace imi
