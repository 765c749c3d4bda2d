#include "import/columns.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

// Folded to lower-case ASCII letters and digits, parenthesised parts dropped:
// "Voor- en achternaam (funct.)" -> "voorenachternaam", "Rol(len)" -> "rol".
std::string header_key(std::string_view text)
{
  std::string out;
  int depth = 0;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(text))) {
    if (c == '(')
      ++depth;
    else if (c == ')')
      depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      out += c;
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p)
{
  return s.substr(0, p.size()) == p;
}

bool contains(std::string_view s, std::string_view p)
{
  return s.find(p) != std::string_view::npos;
}

struct Canonical {
  const char* key;
  TableColumn column;
};
// Spellings for the typo fallback ("afdling", "mailbx").
const Canonical canonical[] = {
    {"afdeling", TableColumn::department},
    {"department", TableColumn::department},
    {"onderdeel", TableColumn::department},
    {"wettenenregels", TableColumn::laws},
    {"lawsandregulations", TableColumn::laws},
    {"voorenachternaam", TableColumn::name},
    {"naam", TableColumn::name},
    {"name", TableColumn::name},
    {"mailbox", TableColumn::mailbox},
    {"email", TableColumn::mailbox},
    {"rollen", TableColumn::roles},
    {"roles", TableColumn::roles},
};

// Two header cells that name the same column, as a whole sentence per column.
std::string duplicate_column_problem(TableColumn c, const std::string& first, const std::string& second)
{
  switch (c) {
  case TableColumn::department:
    return _f("columns '{}' and '{}' both name the department column", first, second);
  case TableColumn::laws:
    return _f("columns '{}' and '{}' both name the laws and regulations column", first, second);
  case TableColumn::name:
    return _f("columns '{}' and '{}' both name the name (function) column", first, second);
  case TableColumn::mailbox: return _f("columns '{}' and '{}' both name the mailbox column", first, second);
  case TableColumn::roles: return _f("columns '{}' and '{}' both name the roles column", first, second);
  }
  return {};
}

} // namespace

const char* table_column_header(TableColumn c)
{
  switch (c) {
  case TableColumn::department: return "Afdeling";
  case TableColumn::laws: return "Wetten en regels van toepassing";
  case TableColumn::name: return "Voor en achternaam (funct.)";
  case TableColumn::mailbox: return "Mailbox";
  case TableColumn::roles: return "Rol(len)";
  }
  return "";
}

std::optional<TableColumn> match_table_header(std::string_view header)
{
  const std::string k = header_key(header);
  if (k.empty()) return std::nullopt;
  if (contains(k, "mail")) return TableColumn::mailbox;
  if (starts_with(k, "rol")) return TableColumn::roles;
  if (starts_with(k, "wet") || starts_with(k, "regel") || starts_with(k, "law") ||
      starts_with(k, "legislation") || starts_with(k, "regulation"))
    return TableColumn::laws;
  if (starts_with(k, "afdeling") || starts_with(k, "onderdeel") || starts_with(k, "department") ||
      k == "unit" || k == "organisationalunit" || k == "organizationalunit")
    return TableColumn::department;
  if (contains(k, "naam") || contains(k, "name")) return TableColumn::name;
  for (const auto& c : canonical)
    if (util::edit_distance(k, c.key) <= (k.size() > 6 ? 2u : 1u)) return c.column;
  return std::nullopt;
}

bool looks_like_header(const std::vector<std::string>& cells)
{
  size_t matches = 0;
  for (const auto& c : cells)
    if (match_table_header(c)) ++matches;
  return matches >= 2;
}

ColumnMap map_table_columns(const std::vector<std::string>& cells, std::vector<std::string>& problems)
{
  ColumnMap map;
  map.width = cells.size();
  for (size_t i = 0; i < cells.size(); ++i) {
    const std::string text = util::trim(cells[i]);
    const auto column = match_table_header(text);
    if (!column) {
      if (!text.empty()) map.ignored.push_back(text);
      continue;
    }
    const auto slot = static_cast<size_t>(*column);
    if (map.index[slot]) {
      problems.push_back(duplicate_column_problem(*column, map.header[slot], text));
      continue;
    }
    map.index[slot] = i;
    // Wrapped header cells ("Wetten en regels van\ntoepassing") read as one line.
    std::string flat;
    for (char c : text)
      flat += (c == '\n' || c == '\r') ? ' ' : c;
    map.header[slot] = flat;
  }
  if (!map.has(TableColumn::department))
    problems.push_back(_("no department column (a header 'Afdeling' or 'Department')"));
  if ((map.has(TableColumn::name) || map.has(TableColumn::roles)) && !map.has(TableColumn::mailbox))
    problems.push_back(_("no mailbox column (a header 'Mailbox' or 'E-mail'), which identifies the users"));
  return map;
}

} // namespace imi
