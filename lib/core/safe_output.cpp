#include "core/safe_output.hpp"

#include "core/error.hpp"
#include "core/fd_streambuf.hpp"
#include "core/session.hpp"
#include "util/i18n.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <random>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace imi {
namespace {

enum class Kind { standard_output, in_place, replace };

std::string reason(int err)
{
  return std::strerror(err);
}

// `message` says which file and why: "will not write FILE: it is a folder".
[[noreturn]] void refuse(std::string message)
{
  throw InvalidInputError(std::move(message), {_("name a new file, or a regular file imictl may replace")});
}

bool same_inode(const struct stat& a, const struct stat& b)
{
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// The target is protected when it is the same file as a protected one, or
// when it would take the place of one that does not exist yet (DB-wal).
void check_not_protected(const std::string& path, const std::string& dir, const std::string& name,
                         const OutputOptions& options)
{
  namespace fs = std::filesystem;
  struct stat target {
  }, folder{};
  const bool target_exists = ::stat(path.c_str(), &target) == 0;
  if (::stat(dir.c_str(), &folder) != 0) return; // reported when the file is created
  for (const auto& p : options.protect) {
    if (p.empty()) continue;
    struct stat st {};
    if (target_exists && ::stat(p.c_str(), &st) == 0 && same_inode(st, target))
      refuse(
          _f("will not write {}: it is {}, a file of the database, which imictl never overwrites", path, p));
    const fs::path pp(p);
    const std::string pdir = pp.has_parent_path() ? pp.parent_path().string() : std::string(".");
    if (pp.filename().string() == name && ::stat(pdir.c_str(), &st) == 0 && same_inode(st, folder))
      refuse(
          _f("will not write {}: it is {}, a file of the database, which imictl never overwrites", path, p));
  }
}

} // namespace

namespace detail {

std::string random_suffix()
{
  static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::random_device device;
  std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 2);
  std::string s(10, ' ');
  for (auto& c : s)
    c = alphabet[pick(device)];
  return s;
}

int create_temp_file(const std::string& dir, const std::string& name,
                     const std::function<std::string()>& suffix, std::string& created)
{
  // A long target name must still leave room for the suffix (NAME_MAX).
  const std::string stem = name.substr(0, 120);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string candidate = fmt::format("{}/.{}.{}.tmp", dir, stem, suffix());
    const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) {
      created = candidate;
      return fd;
    }
    if (errno != EEXIST) {
      if (errno == ENOENT) throw NotFoundError(_f("folder {} does not exist", dir));
      throw FailureError(_f("cannot create a file in {}: {}", dir, reason(errno)));
    }
  }
  throw FailureError(_f("cannot create a temporary file in {}: every name tried is taken", dir));
}

} // namespace detail

struct SafeOutput::Impl {
  std::string path, dir, name, temp;
  OutputOptions options;
  Kind kind = Kind::replace;
  int fd = -1;
  bool committed = false;
  std::unique_ptr<FdStreamBuf> buf;
  std::unique_ptr<std::ostream> out;
};

SafeOutput::SafeOutput(std::string path, OutputOptions options) : impl_(std::make_unique<Impl>())
{
  auto& m = *impl_;
  m.path = std::move(path);
  m.options = std::move(options);
  if (m.path.empty()) throw UsageError(_("the output file name is empty"), {_("use - for standard output")});
  if (m.path == "-") {
    // What the renderer already wrote to std::cout comes first.
    std::cout.flush();
    m.kind = Kind::standard_output;
    m.fd = STDOUT_FILENO;
  } else {
    const std::filesystem::path p(m.path);
    m.name = p.filename().string();
    m.dir = p.has_parent_path() ? p.parent_path().string() : std::string(".");
    struct stat st {};
    if (m.name.empty() || m.name == "." || m.name == "..")
      refuse(_f("will not write {}: it is a folder", m.path));
    if (::lstat(m.path.c_str(), &st) == 0) {
      if (S_ISLNK(st.st_mode))
        refuse(_f("will not write {}: it is a symbolic link, which imictl does not follow", m.path));
      if (S_ISDIR(st.st_mode)) refuse(_f("will not write {}: it is a folder", m.path));
      if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))
        m.kind = Kind::in_place;
      else if (!S_ISREG(st.st_mode))
        refuse(_f("will not write {}: it is neither a regular file, a FIFO nor a character device", m.path));
    } else if (errno == ENAMETOOLONG) {
      throw UsageError(_f("output file name {} is too long", m.path));
    } else if (errno == ENOTDIR) {
      throw NotFoundError(_f("cannot write {}: {} is not a folder", m.path, m.dir));
    }
    check_not_protected(m.path, m.dir, m.name, m.options);
    if (m.kind == Kind::in_place) {
      // No O_CREAT, no O_TRUNC: a pipe or device is written as it is. A
      // link swapped in since lstat fails with ELOOP instead of being followed.
      m.fd = ::open(m.path.c_str(), O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
      if (m.fd < 0) throw FailureError(_f("cannot open {}: {}", m.path, reason(errno)));
      if (::fstat(m.fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
        ::close(m.fd);
        m.fd = -1;
        refuse(_f("will not write {}: it changed while being opened", m.path));
      }
    } else {
      m.fd = detail::create_temp_file(m.dir, m.name, detail::random_suffix, m.temp);
    }
  }
  m.buf = std::make_unique<FdStreamBuf>(m.fd);
  m.out = std::make_unique<std::ostream>(m.buf.get());
}

SafeOutput::~SafeOutput()
{
  auto& m = *impl_;
  if (m.kind != Kind::standard_output && m.fd >= 0) ::close(m.fd);
  if (!m.committed && !m.temp.empty()) ::unlink(m.temp.c_str());
}

std::ostream& SafeOutput::stream()
{
  return *impl_->out;
}

const std::string& SafeOutput::path() const
{
  return impl_->path;
}

bool SafeOutput::is_stdout() const
{
  return impl_->kind == Kind::standard_output;
}

void SafeOutput::commit()
{
  auto& m = *impl_;
  // TRANSLATORS: stands for a file name in "cannot write {}: {}".
  const std::string shown = m.kind == Kind::standard_output ? _("standard output") : m.path;
  m.out->flush();
  if (const int err = m.buf->error()) throw FailureError(_f("cannot write {}: {}", shown, reason(err)));
  if (m.kind != Kind::replace) {
    if (m.kind == Kind::in_place) {
      const int fd = std::exchange(m.fd, -1);
      if (::close(fd) != 0) throw FailureError(_f("cannot write {}: {}", shown, reason(errno)));
    }
    m.committed = true;
    return;
  }
  // fchmod, not the mode of open(): the umask must not decide who reads it.
  if (::fchmod(m.fd, m.options.mode) != 0 || ::fsync(m.fd) != 0)
    throw FailureError(_f("cannot write {}: {}", shown, reason(errno)));
  if (::close(std::exchange(m.fd, -1)) != 0)
    throw FailureError(_f("cannot write {}: {}", shown, reason(errno)));
  // The target may have become a protected file since the constructor looked.
  check_not_protected(m.path, m.dir, m.name, m.options);
  // rename() replaces a link at the target instead of following it.
  if (::rename(m.temp.c_str(), m.path.c_str()) != 0)
    throw FailureError(_f("cannot write {}: {}", shown, reason(errno)));
  m.committed = true;
  // Make the rename itself durable; some file systems cannot sync a folder,
  // and the data is already safe in the file then.
  if (const int dfd = ::open(m.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

OutputOptions session_output_options(const Session& session, mode_t mode)
{
  OutputOptions o;
  o.mode = mode;
  const std::string db = real_path(session.database_path());
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    o.protect.push_back(db + suffix);
  o.protect.push_back(session.database_path());
  // Replacing the lock of `notify send` would let two runs overlap.
  o.protect.push_back(session.database_path() + ".notify-lock");
  const std::string key = session.config().text("security.key_file");
  o.protect.push_back(key.empty() ? default_key_path(session.database_path()) : key);
  return o;
}

mode_t parse_file_mode(std::string_view option, std::string_view text)
{
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 8);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > 0777)
    throw UsageError(
        _f("{} must be an octal file mode from 0 to 0777 (such as 0600), not '{}'", option, text));
  return static_cast<mode_t>(value);
}

} // namespace imi
