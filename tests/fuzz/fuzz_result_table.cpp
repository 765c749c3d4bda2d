// libFuzzer target: arbitrary bytes through the text decoder, the CSV reader
// and the result-table row checks. Any crash, hang or sanitizer report is a
// bug; errors must come out as CsvError or row errors.
#include "import/table_reader.hpp"
#include "util/csv.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size)
{
  // The first byte picks options, so forced delimiters and encodings are covered too.
  imi::util::CsvOptions options;
  if (size > 0) {
    const std::uint8_t pick = data[0];
    const char delimiters[] = {0, ';', ',', '\t'};
    options.delimiter = delimiters[pick & 3];
    options.encoding = static_cast<imi::util::TextEncoding>((pick >> 2) % 5);
    options.max_cell_bytes = 4096;
    ++data;
    --size;
  }
  size_t pos = 0;
  const size_t step = size % 7 + 1; // odd chunk sizes cross every boundary
  imi::util::CsvReader csv(
      [&](char* buf, size_t n) {
        const size_t k = std::min({n, step, size - pos});
        std::memcpy(buf, data + pos, k);
        pos += k;
        return k;
      },
      options);
  imi::TableReader reader(csv);
  std::vector<imi::RowError> errors;
  if (!reader.read_header(errors)) return 0;
  imi::TableRow row;
  bool valid = false;
  for (int rows = 0; rows < 10000 && reader.next(row, valid, errors); ++rows) {
    if (errors.size() > 1000) errors.clear();
  }
  for (const auto& e : errors)
    (void)imi::format_row_error("fuzz.csv", e);
  return 0;
}
