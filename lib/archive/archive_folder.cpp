#include "archive/archive_folder.hpp"

#include "archive/sha256.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace imi::archive {
namespace {

namespace fs = std::filesystem;

constexpr const char* sums_name = "SHA256SUMS";

[[noreturn]] void refuse(const std::string& message)
{
  throw InvalidInputError(message);
}

[[noreturn]] void refuse_link(const std::string& path)
{
  refuse(_f("will not write {}: it is a symbolic link, which the archive never follows", path));
}

// The content of an existing regular file, never through a link.
std::string read_existing(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return {};
    throw FailureError(_f("cannot read {}: {}", path, std::strerror(errno)));
  }
  std::string content;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0)
    content.append(buf, static_cast<size_t>(n));
  const int err = errno;
  ::close(fd);
  if (n < 0) throw FailureError(_f("cannot read {}: {}", path, std::strerror(err)));
  return content;
}

} // namespace

ArchiveFolder::ArchiveFolder(std::string dir, OutputOptions options, bool force)
    : dir_(std::move(dir)), options_(std::move(options)), force_(force)
{
  if (dir_.empty()) throw UsageError(_("--out DIR is empty"));
  while (dir_.size() > 1 && dir_.back() == '/')
    dir_.pop_back();
}

std::string ArchiveFolder::path_of(const std::string& relative) const
{
  return dir_ + "/" + relative;
}

void ArchiveFolder::check(const std::string& sub, const std::vector<std::string>& files) const
{
  struct stat st {};
  if (::stat(dir_.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode)) refuse(_f("will not write {}: it is not a folder", dir_));
  } else {
    const fs::path parent = fs::path(dir_).has_parent_path() ? fs::path(dir_).parent_path() : fs::path(".");
    if (::stat(parent.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
      throw NotFoundError(_f("folder {} does not exist, so {} cannot be created", parent.string(), dir_));
    return; // a new folder holds nothing yet
  }
  if (!sub.empty() && ::lstat(path_of(sub).c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) refuse_link(path_of(sub));
    if (!S_ISDIR(st.st_mode)) refuse(_f("will not write {}: it is not a folder", path_of(sub)));
  }
  if (::lstat(path_of(sums_name).c_str(), &st) == 0 && !S_ISREG(st.st_mode))
    refuse(_f("will not write {}: it is not a regular file", path_of(sums_name)));
  for (const auto& f : files) {
    const std::string path = path_of(f);
    if (::lstat(path.c_str(), &st) != 0) continue;
    if (S_ISLNK(st.st_mode)) refuse_link(path);
    if (!S_ISREG(st.st_mode)) refuse(_f("will not write {}: it is not a regular file", path));
    if (!force_)
      throw ConflictError(_f("{} exists; nothing was archived", path),
                          {_("--force replaces the files of an earlier archive")});
  }
}

void ArchiveFolder::create() const
{
  if (::mkdir(dir_.c_str(), 0700) != 0 && errno != EEXIST)
    throw FailureError(_f("cannot create folder {}: {}", dir_, std::strerror(errno)));
}

void ArchiveFolder::create_sub(const std::string& sub) const
{
  const std::string path = path_of(sub);
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
    throw FailureError(_f("cannot create folder {}: {}", path, std::strerror(errno)));
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
    refuse(_f("will not write {}: it is not a folder of its own (a symbolic link?)", path));
}

std::string ArchiveFolder::write(const std::string& relative, std::string_view bytes) const
{
  SafeOutput out(path_of(relative), options_);
  out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.commit();
  return sha256_hex(bytes);
}

void ArchiveFolder::append_sums(const std::vector<std::pair<std::string, std::string>>& sums) const
{
  std::set<std::string> replaced;
  for (const auto& entry : sums)
    replaced.insert(entry.second);
  std::string kept;
  std::istringstream old(read_existing(path_of(sums_name)));
  // sha256sum's lines: 64 hex digits, two spaces (or " *"), the path.
  for (std::string line; std::getline(old, line);)
    if (line.size() < 67 || replaced.count(line.substr(66)) == 0) kept += line + "\n";
  for (const auto& [sha, path] : sums)
    kept += sha + "  " + path + "\n";
  write(sums_name, kept);
}

} // namespace imi::archive
