#include "util/time.hpp"

#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace imi::util {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d)
{
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct Civil {
  std::int64_t y;
  unsigned m, d;
};

Civil civil_from_days(std::int64_t z)
{
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

unsigned days_in_month(std::int64_t y, unsigned m)
{
  static const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : days[m - 1];
}

bool read_number(std::string_view s, size_t& pos, size_t digits, int& out)
{
  if (pos + digits > s.size()) return false;
  for (size_t i = 0; i < digits; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[pos + i]))) return false;
  std::from_chars(s.data() + pos, s.data() + pos + digits, out);
  pos += digits;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c)
{
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

} // namespace

std::optional<Instant> parse_iso8601(std::string_view s)
{
  size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!read_number(s, pos, 4, y) || !expect(s, pos, '-') || !read_number(s, pos, 2, mo) ||
      !expect(s, pos, '-') || !read_number(s, pos, 2, d))
    return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(mo)))
    return std::nullopt;
  std::int64_t offset = 0;
  if (pos < s.size()) {
    if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
    ++pos;
    if (!read_number(s, pos, 2, h) || !expect(s, pos, ':') || !read_number(s, pos, 2, mi))
      return std::nullopt;
    if (expect(s, pos, ':')) {
      if (!read_number(s, pos, 2, sec)) return std::nullopt;
      if (expect(s, pos, '.') || expect(s, pos, ',')) {
        size_t start = pos;
        while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])))
          ++pos;
        if (pos == start) return std::nullopt;
      }
    }
    if (h > 23 || mi > 59 || sec > 60) return std::nullopt;
    if (expect(s, pos, 'Z') || expect(s, pos, 'z')) {
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
      const int sign = s[pos] == '-' ? -1 : 1;
      ++pos;
      int oh = 0, om = 0;
      if (!read_number(s, pos, 2, oh)) return std::nullopt;
      expect(s, pos, ':');
      if (!read_number(s, pos, 2, om)) return std::nullopt;
      offset = sign * (oh * 3600 + om * 60);
    }
  }
  if (pos != s.size()) return std::nullopt;
  return days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec - offset;
}

std::string format_iso8601(Instant t)
{
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  std::int64_t rest = t - days * 86400;
  const Civil c = civil_from_days(days);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", c.y, c.m, c.d, rest / 3600, rest / 60 % 60,
                     rest % 60);
}

std::string format_date(Instant t)
{
  return format_iso8601(t).substr(0, 10);
}

std::optional<Period> parse_period(std::string_view text)
{
  size_t pos = 0;
  while (pos < text.size() && text[pos] == ' ')
    ++pos;
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data() + pos, text.data() + text.size(), n);
  if (ec != std::errc() || n < 0) return std::nullopt;
  std::string unit;
  for (const char* p = end; p != text.data() + text.size(); ++p)
    if (*p != ' ') unit += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
  if (!unit.empty() && unit.back() == 's') unit.pop_back();
  Period p;
  if (unit == "second")
    p.seconds = n;
  else if (unit == "minute")
    p.seconds = n * 60;
  else if (unit == "hour" || unit == "h")
    p.seconds = n * 3600;
  else if (unit == "day" || unit == "d")
    p.seconds = n * 86400;
  else if (unit == "week")
    p.seconds = n * 7 * 86400;
  else if (unit == "month")
    p.months = static_cast<int>(n);
  else if (unit == "year")
    p.months = static_cast<int>(n * 12);
  else
    return std::nullopt;
  return p;
}

static Instant shift_months(Instant t, int months)
{
  std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
  const std::int64_t rest = t - days * 86400;
  Civil c = civil_from_days(days);
  std::int64_t total = c.y * 12 + (c.m - 1) + months;
  std::int64_t y = total >= 0 ? total / 12 : (total - 11) / 12;
  auto m = static_cast<unsigned>(total - y * 12 + 1);
  unsigned d = std::min(c.d, days_in_month(y, m));
  return days_from_civil(y, m, d) * 86400 + rest;
}

Instant add_period(Instant t, const Period& p)
{
  return shift_months(t, p.months) + p.seconds;
}

Instant subtract_period(Instant t, const Period& p)
{
  return shift_months(t, -p.months) - p.seconds;
}

} // namespace imi::util
