// A streaming CSV reader (RFC 4180 as Excel and LibreOffice write it): any
// text encoding TextDecoder understands, `;`, `,` or tab (detected from the
// first lines unless given), CRLF or LF, quoted cells holding separators,
// doubled quotes and line breaks. It reads fixed-size chunks and hands out
// one record at a time with the line it starts on, so memory stays flat
// however large the file is; a cell or record beyond the limits is an error
// rather than an allocation.
#pragma once

#include "util/encoding.hpp"

#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace imi::util {

struct CsvOptions {
  char delimiter = 0; // 0: detect from the first lines
  TextEncoding encoding = TextEncoding::automatic;
  size_t max_cell_bytes = 1 << 20;
  size_t max_cells = 1000;
};

struct CsvRecord {
  std::uint64_t line = 0; // physical line (1-based) the record starts on
  std::vector<std::string> cells;
  // All cells empty: a blank line, or ";;;;" as spreadsheets write empty rows.
  bool blank() const;
};

// Malformed input. `line` is the physical line the problem is on.
class CsvError : public std::runtime_error {
public:
  enum class Kind { binary, encoding, syntax, too_large };
  CsvError(Kind kind, std::uint64_t line, const std::string& message)
      : std::runtime_error(message), kind_(kind), line_(line)
  {
  }
  Kind kind() const { return kind_; }
  std::uint64_t line() const { return line_; }

private:
  Kind kind_;
  std::uint64_t line_;
};

class CsvReader {
public:
  // `read` fills up to n bytes and returns how many; 0 means end of input.
  using ReadFn = std::function<size_t(char* buffer, size_t n)>;
  CsvReader(ReadFn read, CsvOptions options = {});

  // The next record; false at the end of the input. Throws CsvError.
  bool next(CsvRecord& record);

  char delimiter(); // detects it (reading ahead) if not known yet
  TextEncoding encoding() const { return decoder_.encoding(); }
  bool had_bom() const { return decoder_.had_bom(); }
  std::uint64_t bytes_read() const { return bytes_read_; }

private:
  bool fill(); // decodes the next chunk into text_; false at the end
  int get();   // next character (byte of UTF-8) or -1 at the end
  int peek();
  void detect_delimiter();
  [[noreturn]] void fail_decoding();

  ReadFn read_;
  CsvOptions options_;
  TextDecoder decoder_;
  std::string chunk_;
  std::string text_; // decoded text not yet parsed
  std::string cell_; // the cell being read
  size_t pos_ = 0;
  bool input_done_ = false;
  DecodeProblem problem_; // set when decoding stopped early
  std::uint64_t line_ = 1;
  std::uint64_t bytes_read_ = 0;
};

// Record writer counterpart: quotes a cell when it holds the separator, a
// quote or a line break; line breaks inside cells are written as given.
std::string csv_quote(const std::string& cell, char delimiter);

} // namespace imi::util
