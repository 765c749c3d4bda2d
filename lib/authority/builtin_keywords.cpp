#include "authority/builtin_keywords.hpp"

#include "core/migrations.hpp"

#include <SQLiteCpp/Database.h>

namespace imi {

std::vector<Keyword> builtin_keyword_vocabulary()
{
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  for (const auto& m : embedded_migrations())
    db.exec(m.sql);
  return keyword_vocabulary(db);
}

} // namespace imi
