// The Commission's scoreboard rules (H5 stap 5), apart from the SQL that
// counts, so the thresholds are tested on their own and every output format
// (table, JSON, CSV, HTML) colours the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace imi {

// none: nothing to measure in the period (no request, or none decided yet);
// it neither adds to nor takes from the score.
enum class Rating { none, green, amber, red };
const char* rating_slug(Rating r);

// Shares in percent: green >= 80, amber 60-79, red < 60.
Rating rate_share(std::optional<double> percent);
// Average days to answer: green < 16, amber 16-25, red > 25.
Rating rate_days(std::optional<double> days);
// green +1, amber 0, red -1 (none 0).
int score_of(Rating r);
int overall_score(const std::vector<Rating>& ratings);

// One indicator: the value as shown (rounded to one decimal, so the colour
// always agrees with the figure a person reads), and what it was made of.
struct Indicator {
  std::optional<double> value;
  std::int64_t count = 0; // requests that met it (shares) or were answered (days)
  std::int64_t of = 0;    // requests it was measured over
  Rating rating = Rating::none;
};
// count of `of` as a percentage; none when `of` is 0.
Indicator share_indicator(std::int64_t count, std::int64_t of);
// the average of `answered` requests' days; none without answers.
Indicator days_indicator(std::optional<double> average_days, std::int64_t answered);

double round_one_decimal(double v);

} // namespace imi
