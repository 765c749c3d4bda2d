#include "util/unicode.hpp"

#include <doctest/doctest.h>

using namespace imi::util;

TEST_CASE("util::to_nfc")
{
  CHECK(to_nfc("plain ascii") == "plain ascii");
  CHECK(to_nfc("Zoe\xCC\x88") == "Zo\xC3\xAB");                    // e + combining diaeresis -> ë
  CHECK(to_nfc("Zo\xC3\xAB") == "Zo\xC3\xAB");                     // already composed
  CHECK(to_nfc("\xE2\x84\xAB") == "\xC3\x85");                     // ANGSTROM SIGN -> Å (canonical)
  CHECK(to_nfc("\xEF\xAC\x81") == "\xEF\xAC\x81");                 // the ligature ﬁ stays (NFC, not NFKC)
  CHECK(to_nfc(std::string("a\0b", 3)) == std::string("a\0b", 3)); // length, not NUL, ends the text
  CHECK(to_nfc("bad \xFF utf-8") == "bad \xFF utf-8");             // left for the caller's check
}

TEST_CASE("util::find_hidden_character")
{
  CHECK_FALSE(find_hidden_character("Pieter de Kort", false));
  CHECK_FALSE(find_hidden_character("Ĳsbrand Öçal, Ελένη, Łódź", false));
  CHECK(find_hidden_character("a\tb", false) == U'\t');
  CHECK_FALSE(find_hidden_character("a\tb\r\nc", true));
  CHECK(find_hidden_character("a\x7F", true) == 0x7F);
  CHECK(find_hidden_character("p.de\xE2\x80\x8Bkort", false) == 0x200B); // zero width space
  CHECK(find_hidden_character("\xE2\x80\xAEtroK", true) == 0x202E);      // right-to-left override
  CHECK(find_hidden_character("x\xE2\x81\xA6y", true) == 0x2066);        // left-to-right isolate
  CHECK(find_hidden_character("x\xC2\xAD", true) == 0xAD);               // soft hyphen
  CHECK(find_hidden_character("\xEF\xBB\xBFx", true) == 0xFEFF);         // byte order mark
  CHECK(find_hidden_character("x\xE2\x80\xA8y", true) == 0x2028);        // line separator
  CHECK(find_hidden_character("x\xE3\x85\xA4y", true) == 0x3164);        // Hangul filler (a letter)
  CHECK(find_hidden_character("x\xEF\xB8\x8F", true) == 0xFE0F);         // variation selector
  CHECK(find_hidden_character("x\xC2\x85", true) == 0x85);               // C1 control
  CHECK(find_hidden_character("x\xEF\xBF\xB9", true) == 0xFFF9); // a format character that is not ignorable
  CHECK_FALSE(find_hidden_character("no\xC2\xA0"
                                    "break",
                                    false)); // a space, not hidden
}

TEST_CASE("util::find_unusual_space and describe_code_point")
{
  CHECK_FALSE(find_unusual_space("a b"));
  CHECK(find_unusual_space("a\xC2\xA0"
                           "b") == 0xA0);
  CHECK(find_unusual_space("a\xE3\x80\x80"
                           "b") == 0x3000);
  CHECK(describe_code_point(0x202E) == "U+202E (RIGHT-TO-LEFT OVERRIDE)");
  CHECK(describe_code_point(0x200B) == "U+200B (ZERO WIDTH SPACE)");
  CHECK(describe_code_point(0xE0041) == "U+E0041");
  CHECK(describe_code_point(0x7) == "U+0007");
}

TEST_CASE("util::next_code_point decodes UTF-8 and steps over what is not")
{
  using imi::util::next_code_point;
  const std::string s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  size_t i = 0;
  CHECK(next_code_point(s, i) == 'a');
  CHECK(i == 1);
  CHECK(next_code_point(s, i) == 0xE9);
  CHECK(next_code_point(s, i) == 0x20AC);
  CHECK(next_code_point(s, i) == 0x1F600);
  CHECK(i == s.size());
  // Invalid: a lone continuation byte, an overlong '/', a surrogate, a cut-off
  // sequence; each is one byte, then decoding goes on.
  for (const std::string bad : {"\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x82"}) {
    size_t k = 0;
    CHECK(next_code_point(bad, k) == -1);
    CHECK(k == 1);
  }
}
