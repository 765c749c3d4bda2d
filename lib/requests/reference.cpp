#include "requests/reference.hpp"

#include <SQLiteCpp/Statement.h>
#include <cctype>
#include <fmt/format.h>

namespace imi {

std::string format_reference(std::string_view country, int year, std::int64_t number)
{
  return fmt::format("{}-{:04d}-{:06d}", country, year, number);
}

bool is_reference(std::string_view t)
{
  if (t.size() != 14 || t[2] != '-' || t[7] != '-') return false;
  for (size_t i = 0; i < t.size(); ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (i < 2 && !std::isupper(c)) return false;
    if (i > 2 && i != 7 && !std::isdigit(c)) return false;
  }
  return true;
}

std::string next_reference(SQLite::Database& db, std::string_view country, int year)
{
  // The prefix is fixed width, so the number is everything after it; the
  // UNIQUE constraint on reference guards against two writers picking one.
  const std::string prefix = fmt::format("{}-{:04d}-", country, year);
  SQLite::Statement q(db, "SELECT coalesce(max(CAST(substr(reference, 9) AS INTEGER)), 0) FROM request "
                          "WHERE reference LIKE ? || '%'");
  q.bind(1, prefix);
  q.executeStep();
  return format_reference(country, year, q.getColumn(0).getInt64() + 1);
}

} // namespace imi
