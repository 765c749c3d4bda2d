#include "retention/purge_lock.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

namespace imi::retention {

PurgeLock::PurgeLock(const std::string& database_path, int wait_ms)
{
  const std::string path = database_path + ".purge-lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd_ < 0) throw FailureError(_f("cannot open the lock file {}: {}", path, std::strerror(errno)));
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      const int err = errno;
      ::close(fd_);
      throw FailureError(_f("cannot lock {}: {}", path, std::strerror(err)));
    }
    if (std::chrono::steady_clock::now() >= give_up) {
      ::close(fd_);
      throw UnavailableError(_("another 'imictl purge' is running; nothing done"),
                             {_("the running purge finishes the work; try again when it is done")});
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

PurgeLock::~PurgeLock()
{
  if (fd_ >= 0) ::close(fd_);
}

} // namespace imi::retention
