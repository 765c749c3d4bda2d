// Reading and checking the rows of a result table on a thread of its own,
// a batch ahead of the writer: parsing and checking cost as much CPU as a
// good part of the database work, and the two overlap. Rows come out in
// file order with their problems, exactly as TableReader gives them. At
// most a few small batches are in flight, so memory stays flat.
#pragma once

#include "import/table_reader.hpp"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace imi {

struct ReadRow {
  bool end = false; // not a row: the problem that stopped the reading, in `errors`
  TableRow row;
  bool valid = false;
  std::vector<RowError> errors;
  std::string username_base; // for a valid row with a user (users/username.hpp)
};

class RowPipeline {
public:
  // `reader` must have read the header; the pipeline owns it from here on.
  RowPipeline(TableReader& reader, util::CsvReader& csv);
  ~RowPipeline(); // stops and joins the reading thread
  RowPipeline(const RowPipeline&) = delete;
  RowPipeline& operator=(const RowPipeline&) = delete;

  // The next row, valid until the next call; nullptr at the end. Rethrows
  // what the reading thread threw.
  ReadRow* next();
  std::uint64_t bytes_read() const { return bytes_read_; } // of the rows handed out so far

private:
  struct Batch {
    std::vector<ReadRow> rows;
    size_t size = 0;
    std::uint64_t bytes_read = 0;
    bool last = false;
  };
  void produce();
  std::unique_ptr<Batch> take_free();

  TableReader& reader_;
  util::CsvReader& csv_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> full_, free_;
  std::exception_ptr failure_;
  bool stop_ = false;
  std::unique_ptr<Batch> current_; // the consumer's
  size_t position_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::thread thread_;
};

} // namespace imi
