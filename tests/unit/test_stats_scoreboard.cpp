// The Commission's thresholds at their edges, and the score they sum to.
#include "stats/scoreboard.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace imi;

TEST_CASE("shares: green from 80, amber from 60, red below")
{
  CHECK(rate_share(100.0) == Rating::green);
  CHECK(rate_share(80.0) == Rating::green);
  CHECK(rate_share(79.9) == Rating::amber);
  CHECK(rate_share(60.0) == Rating::amber);
  CHECK(rate_share(59.9) == Rating::red);
  CHECK(rate_share(0.0) == Rating::red);
  CHECK(rate_share(std::nullopt) == Rating::none);
}

TEST_CASE("days: green below 16, amber 16 to 25, red above")
{
  CHECK(rate_days(0.0) == Rating::green);
  CHECK(rate_days(15.9) == Rating::green);
  CHECK(rate_days(16.0) == Rating::amber);
  CHECK(rate_days(25.0) == Rating::amber);
  CHECK(rate_days(25.1) == Rating::red);
  CHECK(rate_days(std::nullopt) == Rating::none);
}

TEST_CASE("the colour follows the figure shown, rounded to one decimal")
{
  // 4 of 5 is exactly 80; 239 of 300 is 79.67, shown 79.7: amber.
  CHECK(share_indicator(4, 5).rating == Rating::green);
  CHECK(share_indicator(239, 300).value == doctest::Approx(79.7));
  CHECK(share_indicator(239, 300).rating == Rating::amber);
  // 79.96 is shown as 80.0 and must not be painted amber.
  CHECK(share_indicator(7996, 10000).value == doctest::Approx(80.0));
  CHECK(share_indicator(7996, 10000).rating == Rating::green);
  CHECK(days_indicator(25.04, 3).rating == Rating::amber);
  CHECK(days_indicator(25.05, 3).rating == Rating::red);
}

TEST_CASE("nothing measured is no colour and no score")
{
  CHECK(share_indicator(0, 0).rating == Rating::none);
  CHECK_FALSE(share_indicator(0, 0).value.has_value());
  CHECK(days_indicator(std::nullopt, 0).rating == Rating::none);
  CHECK(days_indicator(3.0, 0).rating == Rating::none);
  CHECK(score_of(Rating::none) == 0);
}

TEST_CASE("score: green +1, amber 0, red -1, summed")
{
  CHECK(overall_score({Rating::green, Rating::green, Rating::green}) == 3);
  CHECK(overall_score({Rating::red, Rating::red, Rating::red}) == -3);
  CHECK(overall_score({Rating::green, Rating::amber, Rating::red}) == 0);
  CHECK(overall_score({Rating::green, Rating::none, Rating::amber}) == 1);
  CHECK(overall_score({}) == 0);
  CHECK(std::string(rating_slug(Rating::amber)) == "amber");
}
