#include "core/database_file.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imi {
namespace {

std::string reason()
{
  return std::strerror(errno);
}

// mkdir -p with 0700 for every folder it makes: chmod after mkdir, because
// the umask may remove bits from 0700 (and 077 would never add any).
void create_private_folders(const std::filesystem::path& folder)
{
  if (folder.empty()) return;
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode))
      throw UnavailableError(_f("cannot create the database in {}: it is not a folder", folder.string()));
    return;
  }
  if (errno != ENOENT) throw UnavailableError(_f("cannot create folder {}: {}", folder.string(), reason()));
  create_private_folders(folder.parent_path());
  if (::mkdir(folder.c_str(), 0700) != 0 && errno != EEXIST)
    throw UnavailableError(_f("cannot create folder {}: {}", folder.string(), reason()));
  if (::chmod(folder.c_str(), 0700) != 0)
    throw UnavailableError(_f("cannot make folder {} private: {}", folder.string(), reason()));
}

} // namespace

DatabaseFileState inspect_database_file(const std::string& path)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    switch (errno) {
    case ENOENT: return DatabaseFileState::missing;
    case ENAMETOOLONG: throw UsageError(_f("database path is too long: {}", path));
    case ENOTDIR:
      throw UnavailableError(_f("cannot use database {}: a part of the path is a file, not a folder", path));
    default: throw UnavailableError(_f("cannot open database {}: {}", path, reason()));
    }
  }
  if (S_ISDIR(st.st_mode))
    throw UnavailableError(_f("{} is a folder, not a database file", path),
                           {_("name the database file inside it, such as --db DIR/imi.db")});
  if (!S_ISREG(st.st_mode))
    throw UnavailableError(_f("{} is not a regular file (a FIFO, socket or device)", path));
  return st.st_size == 0 ? DatabaseFileState::empty : DatabaseFileState::present;
}

bool create_database_file(const std::string& path)
{
  create_private_folders(std::filesystem::path(path).parent_path());
  // O_EXCL tells whether this process made the file, so only its own file is
  // removed again when init fails.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    throw UnavailableError(_f("cannot create database {}: {}", path, reason()));
  }
  const bool ok = ::fchmod(fd, 0600) == 0;
  ::close(fd);
  if (!ok) throw UnavailableError(_f("cannot make database {} private: {}", path, reason()));
  return true;
}

void make_database_file_private(const std::string& path)
{
  if (::chmod(path.c_str(), 0600) != 0)
    throw UnavailableError(_f("cannot make database {} private: {}", path, reason()),
                           {_("the file must belong to the account that runs imictl")});
}

} // namespace imi
