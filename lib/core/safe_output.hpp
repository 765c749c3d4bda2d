// The one way imictl writes a file the user names (-o FILE, export FILE, and
// later archives). A regular file is written to a temporary file created
// exclusively beside it, synced, and renamed over the target only when every
// byte arrived, so a reader sees the old file or the new one, never half. A
// symbolic link is never followed, the database, its journals and its key
// are never overwritten, "-" is standard output, and FIFOs and character
// devices (a pipe, /dev/null, a terminal) are written in place.
//
// Exit codes: a target imictl refuses to write (symbolic link, folder,
// socket, block device, the database or its key) is invalid input (6) and
// nothing is written; a missing folder is not found (3); any error of the
// operating system while creating, writing, syncing or renaming (ENOSPC,
// EACCES, EPIPE, EIO) is an I/O failure (1). Every message names the path
// and the reason.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace imi {

class Session;

struct OutputOptions {
  // Mode of a created or replaced regular file, applied with fchmod so the
  // umask cannot widen it. Devices and FIFOs keep their own mode.
  mode_t mode = 0600;
  // Files that must never be written: compared by device and inode, and by
  // folder and name for files that do not exist yet (a -wal to come).
  std::vector<std::string> protect;
};

// Options that protect the session's database, its -wal, -shm and -journal
// files, its key file and the lock file of `notify send`.
OutputOptions session_output_options(const Session& session, mode_t mode = 0600);

// "0640" or "640": an octal mode from 0 to 0777; anything else is a
// UsageError (2) naming `option`.
mode_t parse_file_mode(std::string_view option, std::string_view text);

class SafeOutput {
public:
  // Checks and opens the target: nothing is written when this throws.
  SafeOutput(std::string path, OutputOptions options);
  // Without commit() the temporary file is removed and the target untouched.
  ~SafeOutput();
  SafeOutput(const SafeOutput&) = delete;
  SafeOutput& operator=(const SafeOutput&) = delete;

  // Buffered; errors are remembered and reported by commit().
  std::ostream& stream();
  // Flushes, syncs and renames into place; throws FailureError (1) with the
  // reason when any write failed.
  void commit();

  const std::string& path() const;
  bool is_stdout() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

namespace detail {
// Creates DIR/.NAME.SUFFIX.tmp with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600,
// trying new suffixes while a name is taken (by a stale file or a planted
// symbolic link, which is never followed). Returns the descriptor and sets
// `created`; throws FailureError after too many taken names.
int create_temp_file(const std::string& dir, const std::string& name,
                     const std::function<std::string()>& suffix, std::string& created);
std::string random_suffix();
} // namespace detail

} // namespace imi
