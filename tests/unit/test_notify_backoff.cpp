#include "notify/backoff.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("notify::retry_delay_seconds")
{
  CHECK(retry_delay_seconds(1) == 60);
  CHECK(retry_delay_seconds(2) == 300);
  CHECK(retry_delay_seconds(3) == 1800);
  CHECK(retry_delay_seconds(4) == 7200);
  CHECK(retry_delay_seconds(5) == 21600);
  CHECK(retry_delay_seconds(6) == 43200);
  CHECK(retry_delay_seconds(50) == 43200);
  CHECK(retry_delay_seconds(0) == 60);
}

TEST_CASE("notify::decide_retry")
{
  const util::Instant now = 1000000;
  SUBCASE("retries until the last attempt")
  {
    auto d = decide_retry(1, 6, now);
    CHECK_FALSE(d.give_up);
    CHECK(d.next_attempt_at == now + 60);
    d = decide_retry(5, 6, now);
    CHECK_FALSE(d.give_up);
    CHECK(d.next_attempt_at == now + 21600);
  }
  SUBCASE("gives up after max attempts")
  {
    CHECK(decide_retry(6, 6, now).give_up);
    CHECK(decide_retry(7, 6, now).give_up);
    CHECK(decide_retry(1, 1, now).give_up);
    CHECK(decide_retry(1, 0, now).give_up);
  }
}
