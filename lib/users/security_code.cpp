#include "users/security_code.hpp"

#include "core/error.hpp"
#include "core/session.hpp"
#include "users/password_policy.hpp"
#include "util/i18n.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

namespace imi {
namespace {

void init_sodium()
{
  if (sodium_init() < 0) throw FailureError(_("libsodium could not be initialised"));
}

} // namespace

namespace {

// Checks an existing key file; false when nothing is at the path. lstat: a
// link (a dangling one most of all) is refused, never followed or replaced.
bool existing_key_file(const std::string& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return false;
    throw FailureError(_f("cannot read key file {}: {}", path, std::strerror(errno)));
  }
  if (S_ISLNK(st.st_mode))
    throw FailureError(_f("key file {} is a symbolic link, which imictl does not follow", path),
                       {_("put the key file itself there, or name it with [security] key_file")});
  if (!S_ISREG(st.st_mode)) throw FailureError(_f("key file {} is not a regular file", path));
  if (st.st_size != static_cast<off_t>(sizeof(SecretKey)))
    throw FailureError(_f("key file {} is not a {}-byte key", path, sizeof(SecretKey)));
  if ((st.st_mode & 077) != 0)
    throw FailureError(_f("key file {} is readable by others; run chmod 600 on it", path),
                       {_("a key that others can read no longer protects the security codes")});
  return true;
}

} // namespace

void ensure_key_file(const std::string& path)
{
  init_sodium();
  if (existing_key_file(path)) return;
  // O_EXCL: two processes creating the key at once must not both win; the
  // loser checks the winner's file once (no retry loop, no recursion).
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST && existing_key_file(path)) return;
    throw FailureError(_f("cannot create key file {}: {}", path, std::strerror(errno)));
  }
  SecretKey key{};
  randombytes_buf(key.data(), key.size());
  const bool ok = ::fchmod(fd, 0600) == 0 &&
                  ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
  const int err = errno;
  sodium_memzero(key.data(), key.size());
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    errno = err;
    throw FailureError(_f("cannot write key file {}: {}", path, std::strerror(errno)));
  }
}

std::string security_key_path(const Session& session)
{
  const auto& entries = session.config().entries();
  const auto it = entries.find("security.key_file");
  if (it != entries.end() && !it->second.value.empty()) return it->second.value;
  return default_key_path(session.database_path());
}

SecretKey load_key_file(const std::string& path)
{
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT)
      throw NotFoundError(_f("key file {} is missing: security codes cannot be checked", path),
                          {_("restore the key file from the backup made with the database")});
    if (errno == ELOOP)
      throw FailureError(_f("key file {} is a symbolic link, which imictl does not follow", path),
                         {_("put the key file itself there, or name it with [security] key_file")});
    throw FailureError(_f("cannot read key file {}: {}", path, std::strerror(errno)));
  }
  SecretKey key{};
  const ssize_t n = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (n != static_cast<ssize_t>(key.size()))
    throw FailureError(_f("key file {} is not a {}-byte key", path, key.size()));
  return key;
}

std::vector<unsigned char> seal_security_code(const SecretKey& key, std::string_view code)
{
  init_sodium();
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + code.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(code.data()), code.size(), out.data(),
                        key.data());
  return out;
}

std::string open_security_code(const SecretKey& key, const std::vector<unsigned char>& sealed)
{
  init_sodium();
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    throw FailureError(_("the stored security code is damaged"));
  std::string code(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(code.data()),
                                 sealed.data() + crypto_secretbox_NONCEBYTES,
                                 sealed.size() - crypto_secretbox_NONCEBYTES, sealed.data(), key.data()) != 0)
    throw FailureError(_("the stored security code does not open with the key file"),
                       {_("the key file belongs to another database, or was replaced")});
  return code;
}

std::array<int, 3> pick_code_positions()
{
  init_sodium();
  std::array<int, 3> picked{};
  for (size_t i = 0; i < picked.size();) {
    const int p = static_cast<int>(randombytes_uniform(security_code_length)) + 1;
    if (std::find(picked.begin(), picked.begin() + static_cast<long>(i), p) ==
        picked.begin() + static_cast<long>(i))
      picked[i++] = p;
  }
  std::sort(picked.begin(), picked.end());
  return picked;
}

std::string describe_positions(const std::array<int, 3>& positions)
{
  // TRANSLATORS: three positions in the security code, e.g. "1, 5 and 11"
  return _f("{}, {} and {}", positions[0], positions[1], positions[2]);
}

bool check_code_answer(std::string_view code, const std::array<int, 3>& positions, std::string_view answer)
{
  std::string given;
  for (char c : answer)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') given += c;
  if (given.size() != positions.size()) return false;
  std::string expected;
  for (int p : positions) {
    if (p < 1 || static_cast<size_t>(p) > code.size()) return false;
    expected += code[static_cast<size_t>(p) - 1];
  }
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

} // namespace imi
