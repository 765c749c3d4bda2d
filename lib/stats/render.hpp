// The scoreboard as JSON and as one self-contained HTML page (no script,
// style or font from elsewhere, charts as inline SVG), for a person to open
// in a browser or to mail on.
#pragma once

#include "stats/stats.hpp"

#include <string>

namespace imi {

// One object: the period, the rows with each indicator's value, count, base
// and rating, and the monthly counts.
std::string stats_json(const StatsReport& report);

// Gauges carry id "gauge-<indicator>" and data-rating; the colours are the
// ones rating_color() gives.
std::string render_stats_html(const StatsReport& report);
const char* rating_color(Rating r); // "#2e7d32" for green, ...

} // namespace imi
