// imictl stats: the scoreboard of an authority (H5 stap 5), computed from
// the request history so that forwarded and reopened requests count the way
// they happened. Only counts and durations leave this module: no reference,
// no provider, no name of a handler.
#pragma once

#include "access/actor.hpp"
#include "stats/scoreboard.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct StatsFilter {
  std::optional<std::string> authority;  // id or name; empty: the actor's own
  std::optional<std::string> department; // one department; empty: all, and each
  std::optional<std::string> from;       // YYYY-MM-DD, inclusive; default: a year before --to
  std::optional<std::string> to;         // YYYY-MM-DD, inclusive; default: today
  bool fictitious = false;               // count practice requests too
};

struct StatsRow {
  std::string authority;
  std::optional<std::string> department; // none: the whole authority
  std::int64_t sent = 0;
  std::int64_t received = 0;
  std::int64_t answered = 0;
  Indicator accepted_within_7_days;  // of the received requests whose week is over or that were accepted
  Indicator average_days_to_answer;  // from receipt to the first reply
  Indicator answered_by_agreed_date; // of the answered or overdue ones
  int score = 0;
};

struct MonthCount {
  std::string month; // YYYY-MM
  std::int64_t received = 0;
  std::int64_t answered = 0;
};

struct StatsReport {
  std::int64_t authority_id = 0;
  std::string authority;
  std::string from, to; // the period, YYYY-MM-DD inclusive
  std::string generated_at;
  bool fictitious = false;
  std::vector<StatsRow> rows;     // the authority first, then its departments
  std::vector<MonthCount> months; // the authority's, every month of the period
};

// Needs view_stats in the authority asked about (4 otherwise); an unknown
// authority or department is 3, a malformed or reversed period 6.
StatsReport compute_stats(Session& session, const Actor& actor, const StatsFilter& filter);

namespace stats_sql {
// Named parameters: :a authority, :department (NULL for all), :from and :to
// (ISO instants, :to exclusive), :now, :fictitious (0 or 1).
extern const char* const received;
extern const char* const sent;
extern const char* const monthly;
} // namespace stats_sql

} // namespace imi
