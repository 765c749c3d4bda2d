# Script mode: writes the migrations as raw string literals. The delimiter
# "imi_sql" must not occur in any .sql file.
set(body "// Generated from schemas/*.sql; do not edit.\n#include \"core/migrations.hpp\"\n\nnamespace imi {\nconst std::vector<Migration>& embedded_migrations()\n{\n  static const std::vector<Migration> migrations = {\n")
foreach(f ${FILES})
  get_filename_component(name ${f} NAME)
  string(REGEX MATCH "^([0-9]+)_" _ ${name})
  math(EXPR version "${CMAKE_MATCH_1}")
  file(READ ${f} sql)
  string(APPEND body "    {${version}, \"${name}\", R\"imi_sql(${sql})imi_sql\"},\n")
endforeach()
string(APPEND body "  };\n  return migrations;\n}\n} // namespace imi\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
