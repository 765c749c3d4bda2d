#include "util/encoding.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using imi::util::DecodeProblem;
using imi::util::TextDecoder;
using imi::util::TextEncoding;

namespace {

std::string decode_all(std::string_view bytes, TextEncoding forced = TextEncoding::automatic,
                       DecodeProblem* problem = nullptr, TextDecoder* used = nullptr, size_t chunk = 3)
{
  TextDecoder local(forced);
  TextDecoder& d = used ? *used : local;
  std::string out;
  for (size_t i = 0; i <= bytes.size(); i += chunk) {
    const bool last = i + chunk > bytes.size();
    auto p = d.decode(bytes.substr(i, std::min(chunk, bytes.size() - std::min(i, bytes.size()))), out, last);
    if (p.kind != DecodeProblem::Kind::none) {
      if (problem) *problem = p;
      return out;
    }
    if (last) break;
  }
  return out;
}

} // namespace

TEST_CASE("util::TextDecoder")
{
  SUBCASE("UTF-8 with BOM, split across chunks")
  {
    TextDecoder d;
    CHECK(decode_all("\xEF\xBB\xBF"
                     "Caf\xC3\xA9;x",
                     TextEncoding::automatic, nullptr, &d) == "Caf\xC3\xA9;x");
    CHECK(d.had_bom());
    CHECK(d.encoding() == TextEncoding::utf8);
  }
  SUBCASE("Windows-1252 is detected and converted")
  {
    TextDecoder d;
    CHECK(decode_all("Caf\xE9 \x80 \x93", TextEncoding::automatic, nullptr, &d, 64) ==
          "Caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9C");
    CHECK(d.encoding() == TextEncoding::windows1252);
  }
  SUBCASE("a Windows-1252 byte at the very end")
  {
    CHECK(decode_all("Caf\xE9", TextEncoding::automatic, nullptr, nullptr, 64) == "Caf\xC3\xA9");
  }
  SUBCASE("UTF-16 LE and BE with BOM, surrogate pairs")
  {
    const std::string le("\xFF\xFE"
                         "A\0\xE9\0=\xD8\x00\xDE",
                         10);
    CHECK(decode_all(le) == "A\xC3\xA9\xF0\x9F\x98\x80");
    const std::string be("\xFE\xFF\0A\0\xE9", 6);
    CHECK(decode_all(be) == "A\xC3\xA9");
  }
  SUBCASE("NUL byte is binary")
  {
    DecodeProblem p;
    CHECK(decode_all(std::string("ab\0cd", 5), TextEncoding::automatic, &p) == "ab");
    CHECK(p.kind == DecodeProblem::Kind::binary);
  }
  SUBCASE("a zip archive is named")
  {
    DecodeProblem p;
    decode_all("PK\x03\x04rest", TextEncoding::automatic, &p);
    CHECK(p.kind == DecodeProblem::Kind::binary);
    CHECK(p.message.find("xlsx") != std::string::npos);
  }
  SUBCASE("invalid UTF-8 after valid UTF-8 text")
  {
    DecodeProblem p;
    const std::string text = "Caf\xC3\xA9\nline two \xC3(";
    CHECK(decode_all(text, TextEncoding::automatic, &p, nullptr, 64) == "Caf\xC3\xA9\nline two ");
    CHECK(p.kind == DecodeProblem::Kind::invalid);
  }
  SUBCASE("forced UTF-8 rejects Windows-1252")
  {
    DecodeProblem p;
    decode_all("Caf\xE9", TextEncoding::utf8, &p);
    CHECK(p.kind == DecodeProblem::Kind::invalid);
  }
  SUBCASE("odd UTF-16 length")
  {
    DecodeProblem p;
    decode_all(std::string("\xFF\xFE"
                           "A\0B",
                           5),
               TextEncoding::automatic, &p);
    CHECK(p.kind == DecodeProblem::Kind::invalid);
  }
}

TEST_CASE("util::parse_encoding_name")
{
  CHECK(imi::util::parse_encoding_name("UTF-8") == TextEncoding::utf8);
  CHECK(imi::util::parse_encoding_name("cp1252") == TextEncoding::windows1252);
  CHECK(imi::util::parse_encoding_name("Windows-1252") == TextEncoding::windows1252);
  CHECK(imi::util::parse_encoding_name("utf-16") == TextEncoding::utf16le);
  CHECK_FALSE(imi::util::parse_encoding_name("ebcdic"));
}
