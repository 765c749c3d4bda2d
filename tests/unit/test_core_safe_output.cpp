#include "core/error.hpp"
#include "core/safe_output.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace imi;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir()
  {
    char tmpl[] = "/tmp/imi-output.XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string slurp(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text, OutputOptions options = {})
{
  SafeOutput out(path, std::move(options));
  out.stream() << text;
  out.commit();
}

mode_t mode_of(const std::string& path)
{
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

size_t entries(const fs::path& dir)
{
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

} // namespace

TEST_CASE("core::SafeOutput writes regular files through a temporary file")
{
  TempDir dir;
  const std::string target = dir / "out.csv";
  const mode_t old_umask = ::umask(0);
  write_file(target, "first\n");
  ::umask(old_umask);
  CHECK(slurp(target) == "first\n");
  CHECK(mode_of(target) == 0600); // not 0666 under umask 000
  CHECK(entries(dir.path) == 1);  // no temporary file left

  SUBCASE("a requested mode is honoured")
  {
    OutputOptions o;
    o.mode = 0640;
    write_file(target, "second\n", o);
    CHECK(mode_of(target) == 0640);
    CHECK(slurp(target) == "second\n");
  }
  SUBCASE("without commit the target is untouched and nothing is left")
  {
    {
      SafeOutput out(target, {});
      out.stream() << "half";
      out.stream().flush();
    }
    CHECK(slurp(target) == "first\n");
    CHECK(entries(dir.path) == 1);
  }
  SUBCASE("a symbolic link at the target is refused, never followed")
  {
    const std::string victim = dir / "victim";
    std::ofstream(victim) << "keep";
    const std::string link = dir / "link.csv";
    fs::create_symlink(victim, link);
    CHECK_THROWS_AS(SafeOutput(link, {}), InvalidInputError);
    fs::remove(victim);
    CHECK_THROWS_AS(SafeOutput(link, {}), InvalidInputError); // dangling too
    CHECK(fs::is_symlink(link));
  }
  SUBCASE("folders, missing folders and sockets")
  {
    CHECK_THROWS_AS(SafeOutput(dir.path.string(), {}), InvalidInputError);
    CHECK_THROWS_AS(SafeOutput(dir / "none/out.csv", {}), NotFoundError);
    CHECK_THROWS_AS(SafeOutput(target + "/x", {}), NotFoundError);
  }
}

TEST_CASE("core::SafeOutput never writes a protected file")
{
  TempDir dir;
  const std::string db = dir / "imi.db";
  std::ofstream(db) << "database";
  OutputOptions o;
  o.protect = {db, db + "-wal", dir / "imi.db.key"};
  CHECK_THROWS_AS(SafeOutput(db, o), InvalidInputError);
  // Another spelling and a hard link are the same file.
  CHECK_THROWS_AS(SafeOutput((dir.path / "." / "imi.db").string(), o), InvalidInputError);
  fs::create_hard_link(db, dir / "alias.db");
  CHECK_THROWS_AS(SafeOutput(dir / "alias.db", o), InvalidInputError);
  // A file that does not exist yet is protected by folder and name.
  CHECK_THROWS_AS(SafeOutput(db + "-wal", o), InvalidInputError);
  CHECK_THROWS_AS(SafeOutput(dir / "imi.db.key", o), InvalidInputError);
  CHECK(slurp(db) == "database");
  CHECK_FALSE(fs::exists(db + "-wal"));
  CHECK_NOTHROW(write_file(dir / "other.csv", "x", o));
}

TEST_CASE("core::detail::create_temp_file skips taken names without following links")
{
  TempDir dir;
  const std::string victim = dir / "victim";
  std::ofstream(victim) << "keep";
  fs::create_symlink(victim, dir / ".out.pdf.aaaa.tmp");
  std::ofstream(dir / ".out.pdf.bbbb.tmp") << "stale";
  const char* names[] = {"aaaa", "bbbb", "cccc"};
  int next = 0;
  std::string created;
  const int fd = detail::create_temp_file(
      dir.path.string(), "out.pdf", [&] { return names[next++]; }, created);
  REQUIRE(fd >= 0);
  ::close(fd);
  CHECK(created == dir / ".out.pdf.cccc.tmp");
  CHECK(slurp(victim) == "keep");
  CHECK(slurp(dir / ".out.pdf.bbbb.tmp") == "stale");
  CHECK_THROWS_AS(detail::create_temp_file(
                      dir.path.string(), "out.pdf", [] { return "aaaa"; }, created),
                  FailureError);
}

TEST_CASE("core::SafeOutput writes devices, FIFOs and standard output in place")
{
  SUBCASE("a full device reports ENOSPC")
  {
    // As root a broken writer could replace the system's /dev/full: root
    // writes a node of its own.
    TempDir dir;
    std::string full = "/dev/full";
    if (::geteuid() == 0) {
      full = dir / "full";
      REQUIRE(::mknod(full.c_str(), S_IFCHR | 0600, makedev(1, 7)) == 0);
    }
    SafeOutput out(full, {});
    out.stream() << std::string(100000, 'x');
    try {
      out.commit();
      FAIL("writing a full device succeeded");
    } catch (const FailureError& e) {
      CHECK(std::string(e.what()).find("No space left on device") != std::string::npos);
      CHECK(std::string(e.what()).find(full) != std::string::npos);
    }
    CHECK(fs::is_character_file(full));
  }
  SUBCASE("a FIFO stays a FIFO")
  {
    TempDir dir;
    const std::string fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::string got;
    std::thread reader([&] { got = slurp(fifo); });
    write_file(fifo, "through the pipe\n");
    reader.join();
    CHECK(got == "through the pipe\n");
    CHECK(fs::is_fifo(fifo));
  }
  SUBCASE("- is standard output")
  {
    TempDir dir;
    const std::string captured = dir / "stdout";
    std::cout.flush(); // what doctest printed so far is not ours
    const int saved = ::dup(STDOUT_FILENO);
    const int fd = ::open(captured.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(fd, STDOUT_FILENO);
    write_file("-", "to stdout\n");
    ::dup2(saved, STDOUT_FILENO);
    ::close(fd);
    ::close(saved);
    CHECK(slurp(captured) == "to stdout\n");
    CHECK_FALSE(fs::exists("-"));
  }
}

TEST_CASE("core::parse_file_mode")
{
  CHECK(parse_file_mode("--mode", "0640") == 0640);
  CHECK(parse_file_mode("--mode", "640") == 0640);
  CHECK(parse_file_mode("--mode", "0") == 0);
  for (const char* bad : {"", "999", "01000", "0x1", "rw-r-----", "-1", "0640 "})
    CHECK_THROWS_AS(parse_file_mode("--mode", bad), UsageError);
}
