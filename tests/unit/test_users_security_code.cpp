#include "core/error.hpp"
#include "users/security_code.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

using namespace imi;
namespace fs = std::filesystem;

namespace {

fs::path temp_key_path()
{
  static int n = 0;
  return fs::temp_directory_path() /
         ("imictl-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".key");
}

} // namespace

TEST_CASE("users::ensure_key_file")
{
  const fs::path path = temp_key_path();
  ensure_key_file(path.string());
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(st.st_size == 32);
  const SecretKey first = load_key_file(path.string());

  SUBCASE("an existing key is kept")
  {
    ensure_key_file(path.string());
    CHECK(load_key_file(path.string()) == first);
  }
  SUBCASE("a key readable by others is refused")
  {
    fs::permissions(path, fs::perms::group_read, fs::perm_options::add);
    CHECK_THROWS_AS(ensure_key_file(path.string()), FailureError);
  }
  SUBCASE("a file of the wrong size is refused")
  {
    std::ofstream(path, std::ios::trunc) << "short";
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    CHECK_THROWS_AS(ensure_key_file(path.string()), FailureError);
  }
  fs::remove(path);
  CHECK_THROWS_AS(load_key_file(path.string()), NotFoundError);
}

TEST_CASE("users::seal_security_code")
{
  const fs::path path = temp_key_path();
  ensure_key_file(path.string());
  const SecretKey key = load_key_file(path.string());
  const std::string code = "Fu0!bar9#Qz1";
  const auto sealed = seal_security_code(key, code);
  SUBCASE("the sealed form does not contain the code")
  {
    const std::string raw(sealed.begin(), sealed.end());
    CHECK(raw.find(code) == std::string::npos);
    CHECK(raw.find("bar9") == std::string::npos);
  }
  SUBCASE("opens with the key")
  {
    CHECK(open_security_code(key, sealed) == code);
  }
  SUBCASE("each sealing uses a fresh nonce")
  {
    CHECK(seal_security_code(key, code) != sealed);
  }
  SUBCASE("another key or a tampered blob does not open")
  {
    SecretKey other = key;
    other[0] ^= 1;
    CHECK_THROWS_AS(open_security_code(other, sealed), FailureError);
    auto tampered = sealed;
    tampered.back() ^= 1;
    CHECK_THROWS_AS(open_security_code(key, tampered), FailureError);
    CHECK_THROWS_AS(open_security_code(key, {1, 2, 3}), FailureError);
  }
  fs::remove(path);
}

TEST_CASE("users::pick_code_positions")
{
  std::set<int> seen;
  for (int i = 0; i < 300; ++i) {
    const auto p = pick_code_positions();
    CHECK(p[0] >= 1);
    CHECK(p[2] <= 12);
    CHECK(p[0] < p[1]);
    CHECK(p[1] < p[2]);
    seen.insert(p.begin(), p.end());
  }
  // 300 draws of 3 positions reach every one of the 12 (failure chance ~1e-36).
  CHECK(seen.size() == 12);
  CHECK(describe_positions({1, 5, 11}) == "1, 5 and 11");
}

TEST_CASE("users::check_code_answer")
{
  const std::string code = "Fu0!bar9#Qz1";
  CHECK(check_code_answer(code, {1, 2, 3}, "Fu0"));
  CHECK(check_code_answer(code, {1, 2, 3}, "F u 0"));
  CHECK(check_code_answer(code, {4, 9, 12}, "!#1\n"));
  CHECK_FALSE(check_code_answer(code, {1, 2, 3}, "fu0"));
  CHECK_FALSE(check_code_answer(code, {1, 2, 3}, "Fu"));
  CHECK_FALSE(check_code_answer(code, {1, 2, 3}, "Fu0!"));
  CHECK_FALSE(check_code_answer(code, {1, 2, 13}, "Fu?"));
}
