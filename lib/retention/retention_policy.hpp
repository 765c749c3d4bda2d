// When a closed request is blocked and when its content is deleted (SPEC §2
// "Retention"; guide H5 stap 3.5; Regulation (EU) 1024/2012 art. 14). Both
// periods count from closure, and a refusal is a closure. The guide deletes
// at 6 months and knows no blocking stage; the regulation blocks first and
// deletes later. Blocking is a stage of its own only when it comes before
// deletion: with block_after >= delete_after (the default, both 6 months) a
// request goes straight from visible to deleted.
#pragma once

#include "util/time.hpp"

#include <optional>
#include <string>

namespace imi {

class Config;

struct RetentionPolicy {
  util::Period block_after, delete_after;

  // [retention] block_after and delete_after.
  static RetentionPolicy from_config(const Config& config);
  // Whether requests are blocked before they are deleted.
  bool blocks_first(util::Instant now) const;
};

enum class RetentionStage { keep, block, erase };

// What the policy asks for a request closed at `closed_at`, at `now`.
RetentionStage retention_stage(const RetentionPolicy& policy, util::Instant closed_at, util::Instant now);

// The same rule as instants, for the queries: a request closed at or before
// `erase_closed_by` is deleted; one closed at or before `block_closed_by`
// (absent without a blocking stage) is blocked.
struct RetentionCutoffs {
  std::string erase_closed_by;
  std::optional<std::string> block_closed_by;
};
RetentionCutoffs retention_cutoffs(const RetentionPolicy& policy, util::Instant now);

// The states in which a request counts as closed for retention, as an SQL
// list: closed, and refused (SPEC §4: a refused request counts as closed).
// Both set closed_at when they are reached.
inline constexpr const char* closed_states_sql = "('closed', 'refused')";

} // namespace imi
