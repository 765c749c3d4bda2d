#include "util/csv.hpp"

#include "util/i18n.hpp"

#include <array>
#include <fmt/format.h>

namespace imi::util {
namespace {

constexpr size_t chunk_size = 64 * 1024;

std::string too_large_message(size_t limit, bool quoted)
{
  if (quoted) return _f("cell longer than {} KiB (a quote that is never closed?)", limit / 1024);
  return _f("cell longer than {} KiB", limit / 1024);
}

} // namespace

bool CsvRecord::blank() const
{
  for (const auto& c : cells)
    if (c.find_first_not_of(" \t") != std::string::npos) return false;
  return true;
}

CsvReader::CsvReader(ReadFn read, CsvOptions options)
    : read_(std::move(read)), options_(options), decoder_(options.encoding)
{
}

bool CsvReader::fill()
{
  if (problem_.kind != DecodeProblem::Kind::none) fail_decoding();
  text_.erase(0, pos_);
  pos_ = 0;
  const size_t before = text_.size();
  while (text_.size() == before && !input_done_) {
    chunk_.resize(chunk_size);
    const size_t n = read_(chunk_.data(), chunk_size);
    bytes_read_ += n;
    input_done_ = n == 0;
    problem_ = decoder_.decode(std::string_view(chunk_.data(), n), text_, input_done_);
    if (problem_.kind != DecodeProblem::Kind::none) {
      input_done_ = true;
      // The good text before the problem is still parsed, so the line number is right.
      if (text_.size() == before) fail_decoding();
    }
  }
  return text_.size() > before;
}

void CsvReader::fail_decoding()
{
  throw CsvError(problem_.kind == DecodeProblem::Kind::binary ? CsvError::Kind::binary
                                                              : CsvError::Kind::encoding,
                 line_, problem_.message);
}

int CsvReader::get()
{
  if (pos_ >= text_.size() && !fill()) return -1;
  return static_cast<unsigned char>(text_[pos_++]);
}

int CsvReader::peek()
{
  if (pos_ >= text_.size() && !fill()) return -1;
  return static_cast<unsigned char>(text_[pos_]);
}

char CsvReader::delimiter()
{
  if (options_.delimiter == 0) detect_delimiter();
  return options_.delimiter;
}

// Counts the candidates outside quotes over the first lines that are
// already decoded; the most frequent wins, ties in the order ; tab ,
// (Dutch Excel writes ';', and a comma is the likeliest to occur in text).
void CsvReader::detect_delimiter()
{
  while (text_.size() - pos_ < chunk_size && !input_done_ && problem_.kind == DecodeProblem::Kind::none) {
    const size_t had = text_.size();
    chunk_.resize(chunk_size);
    const size_t n = read_(chunk_.data(), chunk_size);
    bytes_read_ += n;
    input_done_ = n == 0;
    problem_ = decoder_.decode(std::string_view(chunk_.data(), n), text_, input_done_);
    if (problem_.kind != DecodeProblem::Kind::none) input_done_ = true;
    if (text_.size() == had && input_done_) break;
  }
  const std::array<char, 3> candidates = {';', '\t', ','};
  std::array<size_t, 3> counts{};
  bool quoted = false;
  int lines = 0;
  for (size_t i = pos_; i < text_.size() && lines < 20; ++i) {
    const char c = text_[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && c == '\n')
      ++lines;
    else if (!quoted)
      for (size_t k = 0; k < candidates.size(); ++k)
        if (c == candidates[k]) ++counts[k];
  }
  size_t best = 0;
  for (size_t k = 1; k < candidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  options_.delimiter = candidates[best];
}

bool CsvReader::next(CsvRecord& record)
{
  const char delim = delimiter();
  if (peek() < 0) {
    record.cells.clear();
    return false;
  }
  record.line = line_;
  // The record's strings are reused from one record to the next: a table of
  // a million rows then costs no allocation per cell.
  size_t used = 0;
  std::string& cell = cell_;
  cell.clear();
  auto push_cell = [&] {
    if (used >= options_.max_cells)
      throw CsvError(CsvError::Kind::too_large, record.line,
                     _n("more than {} cell in one row", "more than {} cells in one row", options_.max_cells,
                        options_.max_cells));
    if (used < record.cells.size())
      record.cells[used].assign(cell);
    else
      record.cells.push_back(cell);
    ++used;
    cell.clear();
  };
  auto finish = [&] {
    push_cell();
    record.cells.resize(used);
    return true;
  };
  auto end_of_line = [&](int c) {
    if (c == '\r' && peek() == '\n') ++pos_;
    ++line_;
  };
  for (;;) {
    int c = get();
    if (c == '"' && cell.empty()) {
      const std::uint64_t quote_line = line_;
      for (;;) {
        // Copy the run up to the next quote or line break in one go.
        if (pos_ >= text_.size() && !fill())
          throw CsvError(
              CsvError::Kind::syntax, quote_line,
              _("the file ends inside a quoted cell that starts on this line (a missing closing quote?)"));
        size_t stop = pos_;
        while (stop < text_.size() && text_[stop] != '"' && text_[stop] != '\r' && text_[stop] != '\n')
          ++stop;
        cell.append(text_, pos_, stop - pos_);
        pos_ = stop;
        if (cell.size() > options_.max_cell_bytes)
          throw CsvError(CsvError::Kind::too_large, quote_line,
                         too_large_message(options_.max_cell_bytes, true));
        if (pos_ >= text_.size()) continue;
        c = get();
        if (c == '\r' || c == '\n') {
          end_of_line(c);
          cell += '\n';
          continue;
        }
        if (peek() == '"') { // a doubled quote is a literal quote
          ++pos_;
          cell += '"';
          continue;
        }
        break;
      }
      // After the closing quote: text up to the separator is kept as it is
      // (what Excel and LibreOffice do with `"a"b`).
      c = get();
    }
    for (;;) {
      if (c < 0) return finish();
      if (c == delim) {
        push_cell();
        break;
      }
      if (c == '\r' || c == '\n') {
        end_of_line(c);
        return finish();
      }
      cell += static_cast<char>(c);
      // Copy the plain run up to the next special character in one go.
      size_t stop = pos_;
      while (stop < text_.size() && text_[stop] != delim && text_[stop] != '\r' && text_[stop] != '\n')
        ++stop;
      cell.append(text_, pos_, stop - pos_);
      pos_ = stop;
      if (cell.size() > options_.max_cell_bytes)
        throw CsvError(CsvError::Kind::too_large, record.line,
                       too_large_message(options_.max_cell_bytes, false));
      c = get();
    }
  }
}

std::string csv_quote(const std::string& cell, char delimiter)
{
  if (cell.find_first_of(std::string{'"', '\r', '\n', delimiter}) == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

} // namespace imi::util
