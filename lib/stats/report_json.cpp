// stats --json: written here rather than through the Renderer because the
// indicators are decimal numbers and nested objects, which its records do
// not carry.
#include "core/output.hpp"
#include "stats/render.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

std::string quoted(const std::string& s)
{
  return "\"" + json_escape(s) + "\"";
}

std::string indicator_json(const Indicator& i)
{
  return fmt::format(R"({{"value": {}, "count": {}, "of": {}, "rating": "{}"}})",
                     i.value ? fmt::format("{:.1f}", *i.value) : "null", i.count, i.of,
                     rating_slug(i.rating));
}

std::string row_json(const StatsRow& r)
{
  return fmt::format(R"({{"authority": {}, "department": {}, "sent": {}, "received": {}, "answered": {}, )"
                     R"("accepted_within_7_days": {}, "average_days_to_answer": {}, )"
                     R"("answered_by_agreed_date": {}, "score": {}}})",
                     quoted(r.authority), r.department ? quoted(*r.department) : "null", r.sent, r.received,
                     r.answered, indicator_json(r.accepted_within_7_days),
                     indicator_json(r.average_days_to_answer), indicator_json(r.answered_by_agreed_date),
                     r.score);
}

} // namespace

std::string stats_json(const StatsReport& rep)
{
  std::string s = fmt::format(R"({{"authority_id": {}, "authority": {}, "from": "{}", "to": "{}", )"
                              R"("fictitious": {}, "generated_at": "{}", "rows": [)",
                              rep.authority_id, quoted(rep.authority), rep.from, rep.to,
                              rep.fictitious ? "true" : "false", rep.generated_at);
  for (size_t i = 0; i < rep.rows.size(); ++i)
    s += (i ? ", " : "") + row_json(rep.rows[i]);
  s += "], \"months\": [";
  for (size_t i = 0; i < rep.months.size(); ++i)
    s += fmt::format(R"({}{{"month": "{}", "received": {}, "answered": {}}})", i ? ", " : "",
                     rep.months[i].month, rep.months[i].received, rep.months[i].answered);
  return s + "]}";
}

} // namespace imi
