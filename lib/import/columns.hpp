// The columns of a result table (guide Bijlage 4) and how a header row is
// recognised: Dutch or English, any order, matched tolerantly so that
// "Voor- en achternaam (functie)", "Voor en achternaam (funct.)" and
// "Name (function)" all name the same column.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

enum class TableColumn { department, laws, name, mailbox, roles };
inline constexpr size_t table_column_count = 5;

// The Dutch header the export writes: "Afdeling", "Mailbox", ...
const char* table_column_header(TableColumn c);

// Which column a header cell names, if any.
std::optional<TableColumn> match_table_header(std::string_view header);

struct ColumnMap {
  std::array<std::optional<size_t>, table_column_count> index{};
  std::array<std::string, table_column_count> header{}; // as written in the file
  std::vector<std::string> ignored;                     // headers of columns that are not used
  size_t width = 0;                                     // cells in the header row

  const std::optional<size_t>& at(TableColumn c) const { return index[static_cast<size_t>(c)]; }
  bool has(TableColumn c) const { return at(c).has_value(); }
  // The column's name for messages: the file's own header text.
  const std::string& name(TableColumn c) const { return header[static_cast<size_t>(c)]; }
};

// Cells that match at least two columns make a header row.
bool looks_like_header(const std::vector<std::string>& cells);

// Builds the map; problems (a duplicate column, no department column, a
// name column without a mailbox column) are returned as messages.
ColumnMap map_table_columns(const std::vector<std::string>& cells, std::vector<std::string>& problems);

} // namespace imi
