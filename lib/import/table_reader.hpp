// Reads a result table row by row: finds the header row (title lines above
// it are skipped), maps the columns, and turns each record into a checked
// TableRow or into row errors that name the line and the column. Streaming:
// it holds one record at a time.
#pragma once

#include "import/cells.hpp"
#include "import/columns.hpp"
#include "util/csv.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace imi {

struct RowError {
  std::uint64_t line = 0;
  std::string column; // the file's header text; empty for a whole-row problem
  std::string message;
};
// "FILE:LINE: column 'Mailbox': problem" (the form of compiler messages).
std::string format_row_error(const std::string& file, const RowError& e);

struct TableRow {
  std::uint64_t line = 0;
  std::string department; // after filling down an empty cell from the row above
  std::vector<std::string> laws;
  bool has_user = false;
  PersonName name;
  std::string email;
  RoleMask roles = 0;
};

class TableReader {
public:
  explicit TableReader(util::CsvReader& csv);

  // Finds and maps the header. False (with errors) when there is none or it
  // is unusable.
  bool read_header(std::vector<RowError>& errors);
  const ColumnMap& columns() const { return columns_; }
  std::uint64_t header_line() const { return header_line_; }

  // The next non-blank row: true with `valid` telling whether it passed;
  // its problems are appended to `errors`. False at the end of the file or
  // after a problem that stops reading (binary data, an unclosed quote).
  bool next(TableRow& row, bool& valid, std::vector<RowError>& errors);

private:
  bool read_record(std::vector<RowError>& errors);
  std::string cell(TableColumn c) const;

  util::CsvReader& csv_;
  util::CsvRecord record_;
  ColumnMap columns_;
  std::uint64_t header_line_ = 0;
  std::string last_department_;
  bool stopped_ = false;
};

} // namespace imi
