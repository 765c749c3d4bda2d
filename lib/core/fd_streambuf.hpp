// A std::streambuf over a file descriptor that remembers the first write
// error (errno) instead of losing it in an ostream's badbit, so the caller
// can report "No space left on device" rather than a bare failure. Used by
// SafeOutput only.
#pragma once

#include <array>
#include <cerrno>
#include <streambuf>
#include <unistd.h>

namespace imi {

class FdStreamBuf : public std::streambuf {
public:
  explicit FdStreamBuf(int fd) : fd_(fd) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  FdStreamBuf(const FdStreamBuf&) = delete;
  FdStreamBuf& operator=(const FdStreamBuf&) = delete;

  // 0 while every write succeeded, else the errno of the first failure.
  int error() const { return error_; }

protected:
  int_type overflow(int_type c) override
  {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

  int sync() override { return drain() ? 0 : -1; }

private:
  // Writes the buffer out, resuming after short writes and signals.
  bool drain()
  {
    if (error_) return false;
    const char* p = pbase();
    while (p < pptr()) {
      const ssize_t n = ::write(fd_, p, static_cast<size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        error_ = n < 0 ? errno : EIO;
        return false;
      }
      p += n;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::array<char, 64 * 1024> buffer_{};
};

} // namespace imi
