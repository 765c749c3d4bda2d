// Binds the scoreboard's SQL (stats_sql.cpp) for the authority and each of
// its departments, and applies the Commission's colours (scoreboard.cpp).
#include "stats/stats.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "util/i18n.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

struct Period {
  std::string from, to;                 // YYYY-MM-DD inclusive
  std::string from_instant, to_instant; // ISO, to exclusive (the day after --to)
};

util::Instant parse_day(const std::string& option, const std::string& text)
{
  const auto t = text.size() == 10 ? util::parse_iso8601(text) : std::nullopt;
  if (!t) throw InvalidInputError(_f("{}: '{}' is not a date YYYY-MM-DD", option, text));
  return *t;
}

Period period_of(const StatsFilter& f, util::Instant now)
{
  const util::Instant to = f.to ? parse_day("--to", *f.to) : *util::parse_iso8601(util::format_date(now));
  // A year: the span the Commission's scoreboard reports on.
  const util::Instant from =
      f.from ? parse_day("--from", *f.from) : util::subtract_period(to, util::Period{12, 0}) + 86400;
  if (from > to)
    throw InvalidInputError(_f("the period is reversed: --from {} is after --to {}", util::format_date(from),
                               util::format_date(to)));
  return {util::format_date(from), util::format_date(to), util::format_iso8601(from),
          util::format_iso8601(to + 86400)};
}

void bind_common(SQLite::Statement& q, std::int64_t authority, std::optional<std::int64_t> department,
                 const Period& p, const std::string& now, bool fictitious)
{
  q.bind(":a", authority);
  department ? q.bind(":department", *department) : q.bind(":department");
  q.bind(":from", p.from_instant);
  q.bind(":to", p.to_instant);
  q.bind(":fictitious", fictitious ? 1 : 0);
  const int now_index = q.getIndex(":now");
  if (now_index) q.bind(now_index, now);
}

StatsRow row_for(SQLite::Database& db, std::int64_t authority, std::optional<std::int64_t> department,
                 const Period& p, const std::string& now, bool fictitious)
{
  StatsRow row;
  SQLite::Statement sent(db, stats_sql::sent);
  bind_common(sent, authority, department, p, now, fictitious);
  sent.executeStep();
  row.sent = sent.getColumn(0).getInt64();

  SQLite::Statement q(db, stats_sql::received);
  bind_common(q, authority, department, p, now, fictitious);
  q.executeStep();
  row.received = q.getColumn(0).getInt64();
  row.answered = q.getColumn(1).getInt64();
  row.accepted_within_7_days = share_indicator(q.getColumn(2).getInt64(), q.getColumn(3).getInt64());
  std::optional<double> days;
  if (!q.getColumn(4).isNull()) days = q.getColumn(4).getDouble();
  row.average_days_to_answer = days_indicator(days, row.answered);
  row.answered_by_agreed_date = share_indicator(q.getColumn(5).getInt64(), q.getColumn(6).getInt64());
  row.score = overall_score({row.accepted_within_7_days.rating, row.average_days_to_answer.rating,
                             row.answered_by_agreed_date.rating});
  return row;
}

// Every month of the period, empty ones too: a chart with gaps misleads.
std::vector<MonthCount> months_of(SQLite::Database& db, std::int64_t authority, const Period& p,
                                  const std::string& now, bool fictitious)
{
  std::vector<MonthCount> months;
  for (util::Instant t = *util::parse_iso8601(p.from.substr(0, 7) + "-01"); util::format_date(t) <= p.to;
       t = util::add_period(t, util::Period{1, 0}))
    months.push_back({util::format_date(t).substr(0, 7), 0, 0});
  SQLite::Statement q(db, stats_sql::monthly);
  bind_common(q, authority, std::nullopt, p, now, fictitious);
  while (q.executeStep())
    for (auto& m : months)
      if (m.month == q.getColumn(0).getString()) {
        m.received = q.getColumn(1).getInt64();
        m.answered = q.getColumn(2).getInt64();
      }
  return months;
}

} // namespace

StatsReport compute_stats(Session& session, const Actor& actor, const StatsFilter& filter)
{
  auto& db = session.db();
  const std::int64_t authority =
      filter.authority ? resolve_authority(db, filter.authority)
                       : (actor.kind == Actor::Kind::user ? actor.authority_id : own_authority_id(db));
  require(session, actor, Permission::view_stats, authority, fmt::format("authority:{}", authority));
  const Period p = period_of(filter, session.now());
  const std::string now = session.now_iso();

  StatsReport report;
  report.authority_id = authority;
  const Authority a = load_authority(db, authority);
  report.authority = a.informal_name.value_or(a.name);
  report.from = p.from;
  report.to = p.to;
  report.generated_at = now;
  report.fictitious = filter.fictitious;

  SQLite::Statement departments(db, "SELECT id, name FROM department WHERE authority_id = ? "
                                    "AND (? IS NULL OR lower(name) = lower(?)) ORDER BY position, name");
  departments.bind(1, authority);
  filter.department ? departments.bind(2, *filter.department) : departments.bind(2);
  filter.department ? departments.bind(3, *filter.department) : departments.bind(3);
  std::vector<std::pair<std::int64_t, std::string>> wanted;
  while (departments.executeStep())
    wanted.emplace_back(departments.getColumn(0).getInt64(), departments.getColumn(1).getString());
  if (filter.department && wanted.empty())
    throw NotFoundError(_f("{} has no department '{}'", report.authority, *filter.department),
                        {_("imictl authority show lists the departments")});

  if (!filter.department) {
    report.rows.push_back(row_for(db, authority, std::nullopt, p, now, filter.fictitious));
    report.rows.back().authority = report.authority;
  }
  for (const auto& [id, name] : wanted) {
    report.rows.push_back(row_for(db, authority, id, p, now, filter.fictitious));
    report.rows.back().authority = report.authority;
    report.rows.back().department = name;
  }
  report.months = months_of(db, authority, p, now, filter.fictitious);
  return report;
}

} // namespace imi
