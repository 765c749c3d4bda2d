#include "core/config.hpp"
#include "retention/retention_policy.hpp"

#include <doctest/doctest.h>

using namespace imi;
using util::parse_iso8601;

namespace {

util::Instant at(const char* text)
{
  return *parse_iso8601(text);
}

RetentionPolicy policy(const char* block, const char* erase)
{
  return {*util::parse_period(block), *util::parse_period(erase)};
}

} // namespace

TEST_CASE("retention: the default is the guide's, delete at 6 months without a blocking stage")
{
  const RetentionPolicy p = RetentionPolicy::from_config(Config::defaults());
  const util::Instant now = at("2026-09-03T09:00:00Z");
  CHECK_FALSE(p.blocks_first(now));
  CHECK(retention_stage(p, at("2026-04-01T00:00:00Z"), now) == RetentionStage::keep);
  CHECK(retention_stage(p, at("2026-03-03T09:00:01Z"), now) == RetentionStage::keep);
  // Exactly six calendar months before now is due.
  CHECK(retention_stage(p, at("2026-03-03T09:00:00Z"), now) == RetentionStage::erase);
  CHECK(retention_stage(p, at("2025-01-01T00:00:00Z"), now) == RetentionStage::erase);
  const RetentionCutoffs c = retention_cutoffs(p, now);
  CHECK(c.erase_closed_by == "2026-03-03T09:00:00Z");
  CHECK_FALSE(c.block_closed_by.has_value());
}

TEST_CASE("retention: block at 6 months, delete at 3 years (Regulation 1024/2012 art. 14)")
{
  const RetentionPolicy p = policy("6 months", "3 years");
  const util::Instant now = at("2027-04-02T09:00:00Z");
  CHECK(p.blocks_first(now));
  CHECK(retention_stage(p, at("2026-10-03T00:00:00Z"), now) == RetentionStage::keep);
  CHECK(retention_stage(p, at("2026-10-01T09:00:00Z"), now) == RetentionStage::block);
  CHECK(retention_stage(p, at("2024-04-03T00:00:00Z"), now) == RetentionStage::block);
  CHECK(retention_stage(p, at("2024-04-02T09:00:00Z"), now) == RetentionStage::erase);
  const RetentionCutoffs c = retention_cutoffs(p, now);
  CHECK(c.erase_closed_by == "2024-04-02T09:00:00Z");
  REQUIRE(c.block_closed_by.has_value());
  CHECK(*c.block_closed_by == "2026-10-02T09:00:00Z");
}

TEST_CASE("retention: blocking after deletion is no stage at all")
{
  const util::Instant now = at("2026-09-03T09:00:00Z");
  for (const auto& p : {policy("1 year", "6 months"), policy("185 days", "6 months")}) {
    CHECK_FALSE(p.blocks_first(now));
    CHECK(retention_stage(p, at("2026-03-01T00:00:00Z"), now) == RetentionStage::erase);
    CHECK(retention_stage(p, at("2026-08-01T00:00:00Z"), now) == RetentionStage::keep);
  }
  // Months and days compare as the instants they lead to: 6 months back
  // from 3 September is 184 days, so 183 days blocks first.
  CHECK(policy("183 days", "6 months").blocks_first(now));
}

TEST_CASE("retention: months are calendar months, clamped to the month's end")
{
  const RetentionPolicy p = policy("6 months", "6 months");
  CHECK(retention_cutoffs(p, at("2026-08-31T12:00:00Z")).erase_closed_by == "2026-02-28T12:00:00Z");
  CHECK(retention_stage(p, at("2026-02-28T12:00:00Z"), at("2026-08-31T12:00:00Z")) == RetentionStage::erase);
  CHECK(retention_stage(p, at("2026-03-01T00:00:00Z"), at("2026-08-31T12:00:00Z")) == RetentionStage::keep);
}

TEST_CASE("retention: closed and refused requests count as closed")
{
  CHECK(std::string(closed_states_sql) == "('closed', 'refused')");
}
