#include "util/text.hpp"

#include <doctest/doctest.h>

using namespace imi::util;

TEST_CASE("util::fold_to_ascii")
{
  CHECK(fold_to_ascii("é ö ß ç Ĳ") == "e o ss c IJ");
  CHECK(fold_to_ascii("Łukasz Żółć") == "Lukasz Zolc");
  CHECK(fold_to_ascii("plain") == "plain");
  CHECK(fold_to_ascii("€uro") == "uro");
  CHECK(fold_to_ascii(std::string("\xff\xfe", 2)).empty());
}

TEST_CASE("util::is_valid_utf8")
{
  CHECK(is_valid_utf8("héllo €"));
  CHECK(is_valid_utf8(""));
  CHECK_FALSE(is_valid_utf8("\xff"));
  CHECK_FALSE(is_valid_utf8("\xc3"));         // truncated
  CHECK_FALSE(is_valid_utf8("\xc0\xaf"));     // overlong
  CHECK_FALSE(is_valid_utf8("\xed\xa0\x80")); // surrogate
  CHECK(utf8_length("é€x") == 3);
}

TEST_CASE("util::has_control_characters")
{
  CHECK(has_control_characters("a\x01", true));
  CHECK(has_control_characters("a\nb", false));
  CHECK_FALSE(has_control_characters("a\nb\tc", true));
  CHECK(has_control_characters("a\xc2\x85", true)); // NEL, a C1 control
}

TEST_CASE("util::split, join, trim")
{
  CHECK(split("a;b;;c", ';') == std::vector<std::string>{"a", "b", "", "c"});
  CHECK(join({"a", "b"}, ", ") == "a, b");
  CHECK(trim("  x y \r\n") == "x y");
  CHECK(trim("   ").empty());
}

TEST_CASE("util::nearest_matches")
{
  const std::vector<std::string> words = {"authority", "audit", "user", "role", "import"};
  CHECK(nearest_matches("autority", words) == std::vector<std::string>{"authority"});
  CHECK(nearest_matches("usr", words).front() == "user");
  CHECK(nearest_matches("zzzzzz", words).empty());
  CHECK(edit_distance("kitten", "sitting") == 3);
}
