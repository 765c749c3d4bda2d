// One purge at a time. Two runs would not corrupt anything (every batch is
// its own transaction), but they would fight over the write lock and report
// each other's work; the second waits briefly and then gives up with exit 7.
// An flock dies with its process, so a killed purge never leaves it behind.
#pragma once

#include <string>

namespace imi::retention {

class PurgeLock {
public:
  // Waits up to wait_ms for DATABASE.purge-lock; UnavailableError (7) after.
  PurgeLock(const std::string& database_path, int wait_ms);
  ~PurgeLock();
  PurgeLock(const PurgeLock&) = delete;
  PurgeLock& operator=(const PurgeLock&) = delete;

private:
  int fd_ = -1;
};

} // namespace imi::retention
