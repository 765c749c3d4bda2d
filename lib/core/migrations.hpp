#pragma once

#include <string>
#include <vector>

namespace imi {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};
// Generated at build time from schemas/NNN_*.sql, in version order.
const std::vector<Migration>& embedded_migrations();
int latest_schema_version();

} // namespace imi
