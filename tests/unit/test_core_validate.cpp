#include "core/error.hpp"
#include "core/validate.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("core::check_email")
{
  CHECK(is_valid_email("b.pauwels@oeteldonk.nl"));
  CHECK(is_valid_email("first+tag@sub.example.co.uk"));
  CHECK_FALSE(is_valid_email("publieksbalie@oeteldon k.nl"));
  CHECK_FALSE(is_valid_email("no-at-sign.nl"));
  CHECK_FALSE(is_valid_email("a@b"));
  CHECK_FALSE(is_valid_email("a@@b.nl"));
  CHECK_FALSE(is_valid_email(".a@b.nl"));
  CHECK_FALSE(is_valid_email("a@-b.nl"));
  CHECK_THROWS_AS(check_email("email", "x"), InvalidInputError);
  try {
    check_email("user-email", "bad");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("user-email") == 0);
    CHECK(exit_code(e.kind()) == 6);
  }
}

TEST_CASE("core::check_country and check_language")
{
  CHECK(check_country("country", "nl") == "NL");
  CHECK(check_country("country", "EL") == "GR");
  CHECK_THROWS_AS(check_country("country", "XX"), InvalidInputError);
  CHECK_THROWS_AS(check_country("country", "NLD"), InvalidInputError);
  CHECK(check_language("language", "NL") == "nl");
  CHECK_THROWS_AS(check_language("language", "xx"), InvalidInputError);
}

TEST_CASE("core::check_text")
{
  CHECK(check_text("name", "  Gemeente  ", true) == "Gemeente");
  CHECK_THROWS_AS(check_text("name", "   ", true), InvalidInputError);
  CHECK(check_text("name", "", false).empty());
  CHECK_THROWS_AS(check_text("name", "a\x07", true), InvalidInputError);
  CHECK_THROWS_AS(check_text("name", "a\nb", true), InvalidInputError);
  CHECK(check_text("address", "a\nb", true, true) == "a\nb");
  CHECK_THROWS_AS(check_text("name", std::string(4001, 'x'), true), InvalidInputError);
  CHECK(check_text("name", std::string(4000, 'x'), true).size() == 4000);
  CHECK(check_text("name", "'; DROP TABLE user; --", true) == "'; DROP TABLE user; --");
}

TEST_CASE("core::parse_on_off")
{
  CHECK(parse_on_off("x", "on"));
  CHECK(parse_on_off("x", "YES"));
  CHECK_FALSE(parse_on_off("x", "off"));
  CHECK_THROWS_AS(parse_on_off("x", "maybe"), UsageError);
}

TEST_CASE("core::check_text and check_email: hidden characters and NFC")
{
  const auto message = [](auto&& f) {
    try {
      f();
    } catch (const InvalidInputError& e) {
      return std::string(e.what());
    }
    return std::string("(accepted)");
  };
  CHECK(message([] { check_text("first name", "Pie\xE2\x80\x8Bter", true); }) ==
        "first name: contains the invisible or bidirectional character U+200B (ZERO WIDTH SPACE); retype the "
        "value without it");
  CHECK(message([] {
          check_text("description",
                     "a\n\xE2\x80\xAE"
                     "b",
                     false, true);
        }).find("U+202E") != std::string::npos);
  CHECK(message([] { check_text("name", "a\x01", true); }) == "name: contains control characters");
  CHECK(check_text("description", "regel 1\nregel 2", false, true) == "regel 1\nregel 2");
  CHECK(check_text("first name", " Zoe\xCC\x88 ", true) == "Zo\xC3\xAB");

  CHECK_FALSE(is_valid_email("p.de\xE2\x80\x8Bkort@oeteldonk.nl"));
  CHECK_FALSE(is_valid_email("p.dekort@oeteldonk\xE2\x80\xAE.nl"));
  CHECK_FALSE(is_valid_email("p.dekort\xC2\xA0@oeteldonk.nl"));
  CHECK_FALSE(is_valid_email("p.dekort@oeteldonk.nl\xEF\xBB\xBF"));
  CHECK_FALSE(is_valid_email("bad\xFF@oeteldonk.nl"));
  CHECK(is_valid_email("zo\xC3\xAB@oeteldonk.nl"));
  CHECK(check_email("e-mail", "zoe\xCC\x88@oeteldonk.nl") == "zo\xC3\xAB@oeteldonk.nl");
  CHECK(message([] {
          check_email("e-mail", "a\xC2\xA0"
                                "b@oeteldonk.nl");
        }) ==
        "e-mail: contains the space character U+00A0 (NO-BREAK SPACE); an e-mail address has no spaces");
  CHECK(message([] {
          check_email("e-mail", "a\xE2\x81\xA0"
                                "b@oeteldonk.nl");
        }).find("U+2060 (WORD JOINER)") != std::string::npos);
}
