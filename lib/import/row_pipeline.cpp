#include "import/row_pipeline.hpp"

#include "core/error.hpp"
#include "users/username.hpp"

namespace imi {
namespace {

constexpr size_t batch_rows = 256;
constexpr size_t batches = 4; // in flight: being read, waiting, being written

} // namespace

RowPipeline::RowPipeline(TableReader& reader, util::CsvReader& csv) : reader_(reader), csv_(csv)
{
  for (size_t i = 0; i < batches; ++i) {
    auto b = std::make_unique<Batch>();
    b->rows.resize(batch_rows);
    free_.push_back(std::move(b));
  }
  thread_ = std::thread([this] { produce(); });
}

RowPipeline::~RowPipeline()
{
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::unique_ptr<RowPipeline::Batch> RowPipeline::take_free()
{
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return stop_ || !free_.empty(); });
  if (stop_) return nullptr;
  auto b = std::move(free_.front());
  free_.pop_front();
  return b;
}

void RowPipeline::produce()
{
  try {
    for (bool more = true; more;) {
      auto batch = take_free();
      if (!batch) return;
      batch->size = 0;
      while (batch->size < batch_rows) {
        ReadRow& r = batch->rows[batch->size];
        r.errors.clear();
        r.end = false;
        if (!reader_.next(r.row, r.valid, r.errors)) {
          more = false;
          r.end = true; // carries the problem that stopped the reading, if any
          r.valid = false;
          ++batch->size;
          break;
        }
        if (r.valid && r.row.has_user) {
          try { // a name without Latin letters or digits gives no username
            r.username_base = username_base(r.row.name.first, r.row.name.last);
          } catch (const InvalidInputError& e) {
            r.errors.push_back({r.row.line, reader_.columns().name(TableColumn::name), e.what()});
            r.valid = false;
          }
        }
        ++batch->size;
      }
      batch->bytes_read = csv_.bytes_read();
      batch->last = !more;
      {
        std::lock_guard lock(mutex_);
        full_.push_back(std::move(batch));
      }
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    failure_ = std::current_exception();
    auto b = std::make_unique<Batch>();
    b->last = true;
    full_.push_back(std::move(b));
  }
  changed_.notify_all();
}

ReadRow* RowPipeline::next()
{
  while (!current_ || position_ >= current_->size) {
    if (current_ && current_->last) return nullptr;
    std::unique_lock lock(mutex_);
    if (current_) {
      free_.push_back(std::move(current_));
      changed_.notify_all();
    }
    changed_.wait(lock, [&] { return !full_.empty(); });
    current_ = std::move(full_.front());
    full_.pop_front();
    position_ = 0;
    if (failure_ && current_->last && current_->size == 0) std::rethrow_exception(failure_);
    bytes_read_ = current_->bytes_read;
  }
  return &current_->rows[position_++];
}

} // namespace imi
