#include "retention/retention_policy.hpp"

#include "core/config.hpp"

namespace imi {

RetentionPolicy RetentionPolicy::from_config(const Config& config)
{
  return {config.period("retention.block_after"), config.period("retention.delete_after")};
}

// Periods mix calendar months and seconds, so they compare only as the
// instants they lead back to from a given moment.
bool RetentionPolicy::blocks_first(util::Instant now) const
{
  return util::subtract_period(now, block_after) > util::subtract_period(now, delete_after);
}

RetentionStage retention_stage(const RetentionPolicy& policy, util::Instant closed_at, util::Instant now)
{
  if (closed_at <= util::subtract_period(now, policy.delete_after)) return RetentionStage::erase;
  if (policy.blocks_first(now) && closed_at <= util::subtract_period(now, policy.block_after))
    return RetentionStage::block;
  return RetentionStage::keep;
}

RetentionCutoffs retention_cutoffs(const RetentionPolicy& policy, util::Instant now)
{
  RetentionCutoffs c;
  c.erase_closed_by = util::format_iso8601(util::subtract_period(now, policy.delete_after));
  if (policy.blocks_first(now))
    c.block_closed_by = util::format_iso8601(util::subtract_period(now, policy.block_after));
  return c;
}

} // namespace imi
