#include "util/time.hpp"

#include <doctest/doctest.h>

using namespace imi::util;

TEST_CASE("util::parse_iso8601")
{
  CHECK(parse_iso8601("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_iso8601("2026-11-28") == 1795824000);
  CHECK(parse_iso8601("2026-11-28T01:00:00+01:00") == 1795824000);
  CHECK(parse_iso8601("2026-11-28 00:00:00.123Z") == 1795824000);
  CHECK(parse_iso8601("2024-02-29T12:00Z").has_value());
  CHECK_FALSE(parse_iso8601("2023-02-29").has_value());
  CHECK_FALSE(parse_iso8601("2026-13-01").has_value());
  CHECK_FALSE(parse_iso8601("yesterday").has_value());
  CHECK_FALSE(parse_iso8601("2026-11-28T25:00Z").has_value());
  CHECK_FALSE(parse_iso8601("2026-11-28Tjunk").has_value());
}

TEST_CASE("util::format_iso8601")
{
  CHECK(format_iso8601(0) == "1970-01-01T00:00:00Z");
  CHECK(format_iso8601(1795824000 + 3661) == "2026-11-28T01:01:01Z");
  CHECK(format_iso8601(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_date(1795824000) == "2026-11-28");
  for (Instant t : {0LL, 951782400LL, 1795824000LL, 4102444799LL})
    CHECK(parse_iso8601(format_iso8601(t)) == t);
}

TEST_CASE("util::parse_period and add_period")
{
  CHECK(parse_period("6 months")->months == 6);
  CHECK(parse_period("3 years")->months == 36);
  CHECK(parse_period("24 hours")->seconds == 86400);
  CHECK(parse_period("14 days")->seconds == 14 * 86400);
  CHECK(parse_period("1 day")->seconds == 86400);
  CHECK_FALSE(parse_period("forever").has_value());
  CHECK_FALSE(parse_period("-3 days").has_value());
  CHECK_FALSE(parse_period("").has_value());

  SUBCASE("calendar months clamp to the month's end")
  {
    const Instant aug31 = *parse_iso8601("2026-08-31T10:00:00Z");
    CHECK(format_iso8601(add_period(aug31, *parse_period("6 months"))) == "2027-02-28T10:00:00Z");
    CHECK(format_iso8601(subtract_period(aug31, *parse_period("6 months"))) == "2026-02-28T10:00:00Z");
    CHECK(format_iso8601(add_period(aug31, *parse_period("1 year"))) == "2027-08-31T10:00:00Z");
  }
}
