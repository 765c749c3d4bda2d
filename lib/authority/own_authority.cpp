#include "authority/own_authority.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>

namespace imi {
namespace {

std::optional<std::string> non_empty_text(const SQLite::Column& column)
{
  if (column.isNull()) return std::nullopt;
  std::string value = column.getString();
  if (value.empty()) return std::nullopt;
  return value;
}

} // namespace

OwnAuthority load_own_authority(SQLite::Database& db)
{
  SQLite::Statement q(db, "SELECT id, name, informal_name, email, language, allocation FROM authority "
                          "WHERE is_own = 1");
  if (!q.executeStep())
    throw UnavailableError(_("the database has no own authority yet"), {_("run 'imictl init' first")});
  OwnAuthority a;
  a.id = q.getColumn(0).getInt64();
  a.name = q.getColumn(1).getString();
  a.informal_name = non_empty_text(q.getColumn(2));
  a.email = non_empty_text(q.getColumn(3));
  a.language = q.getColumn(4).getString();
  a.allocation = q.getColumn(5).getInt() != 0;
  return a;
}

} // namespace imi
