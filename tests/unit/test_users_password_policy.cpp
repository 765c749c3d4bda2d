#include "core/error.hpp"
#include "users/password_policy.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace imi;

TEST_CASE("users::check_password_policy")
{
  CHECK_NOTHROW(check_password_policy("correct horse 42", "pdekort", "Tmp8aaaaaaaa", 12));
  SUBCASE("too short")
  {
    CHECK_THROWS_AS(check_password_policy("short1", "pdekort", "", 12), InvalidInputError);
    CHECK_NOTHROW(check_password_policy("short123", "pdekort", "", 8));
  }
  SUBCASE("needs a letter and a digit")
  {
    CHECK_THROWS_AS(check_password_policy("onlylettershere", "pdekort", "", 12), InvalidInputError);
    CHECK_THROWS_AS(check_password_policy("123456789012", "pdekort", "", 12), InvalidInputError);
  }
  SUBCASE("not the username nor the temporary password")
  {
    CHECK_THROWS_AS(check_password_policy("Jdevries2000", "jdevries2000", "", 12), InvalidInputError);
    CHECK_THROWS_AS(check_password_policy("Tmp8aaaaaaaa", "pdekort", "Tmp8aaaaaaaa", 12), InvalidInputError);
  }
  SUBCASE("the message never contains the password")
  {
    try {
      check_password_policy("secret1", "x", "", 12);
      FAIL("expected an error");
    } catch (const InvalidInputError& e) {
      CHECK(std::string(e.what()).find("secret1") == std::string::npos);
    }
  }
}

TEST_CASE("users::check_security_code")
{
  CHECK_NOTHROW(check_security_code("Fu0!bar9#Qz1"));
  CHECK_THROWS_AS(check_security_code("Fu0!bar9#Qz"), InvalidInputError);   // 11
  CHECK_THROWS_AS(check_security_code("Fu0!bar9#Qz12"), InvalidInputError); // 13
  CHECK_THROWS_AS(check_security_code("abcdefgh1234"), InvalidInputError);  // no symbol
  CHECK_THROWS_AS(check_security_code("abcdefgh!@#$"), InvalidInputError);  // no digit
  CHECK_THROWS_AS(check_security_code("12345678!@#$"), InvalidInputError);  // no letter
  CHECK_THROWS_AS(check_security_code("Fu0 bar9#Qz1"), InvalidInputError);  // space
  CHECK_THROWS_AS(check_security_code("Fü0!bar9#Qz"), InvalidInputError);   // non-ASCII
}
