#include "import/link_batch.hpp"

namespace imi {

LinkBatch::LinkBatch(SQLite::Database& db, std::string insert, size_t batch_rows)
    : db_(db), insert_(std::move(insert)), batch_rows_(batch_rows)
{
  rows_.reserve(batch_rows);
}

void LinkBatch::add(std::int64_t user_id, std::string value)
{
  rows_.push_back({user_id, 0, std::move(value), true});
  if (rows_.size() == batch_rows_) flush();
}

void LinkBatch::add(std::int64_t user_id, std::int64_t value)
{
  rows_.push_back({user_id, value, {}, false});
  if (rows_.size() == batch_rows_) flush();
}

std::unique_ptr<SQLite::Statement> LinkBatch::prepare(size_t rows) const
{
  std::string sql = insert_ + " VALUES ";
  for (size_t i = 0; i < rows; ++i)
    sql += i ? ", (?, ?)" : "(?, ?)";
  return std::make_unique<SQLite::Statement>(db_, sql);
}

void LinkBatch::write(SQLite::Statement& s, size_t n)
{
  s.reset();
  for (size_t i = 0; i < n; ++i) {
    const auto& r = rows_[i];
    const int at = static_cast<int>(2 * i + 1);
    s.bind(at, r.user_id);
    if (r.is_text)
      s.bindNoCopy(at + 1, r.text);
    else
      s.bind(at + 1, r.number);
  }
  s.exec();
}

void LinkBatch::flush()
{
  if (rows_.empty()) return;
  if (rows_.size() == batch_rows_) {
    if (!full_) full_ = prepare(batch_rows_);
    write(*full_, rows_.size());
  } else { // the tail: a statement of its own size, once per flush
    write(*prepare(rows_.size()), rows_.size());
  }
  rows_.clear();
}

} // namespace imi
