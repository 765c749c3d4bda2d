#include "notify/mime.hpp"

#include <doctest/doctest.h>

using namespace imi;

namespace {

// Decodes RFC 2047 "B" words joined by folding whitespace, enough for the tests.
std::string decode_words(const std::string& header)
{
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t pos = 0;
  while ((pos = header.find("=?UTF-8?B?", pos)) != std::string::npos) {
    pos += 10;
    const size_t end = header.find("?=", pos);
    unsigned buffer = 0;
    int bits = 0;
    for (size_t i = pos; i < end; ++i) {
      if (header[i] == '=') break;
      buffer = (buffer << 6) | static_cast<unsigned>(alphabet.find(header[i]));
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>((buffer >> bits) & 0xFF);
      }
    }
    pos = end + 2;
  }
  return out;
}

} // namespace

TEST_CASE("mime::format_date")
{
  CHECK(mime::format_date(0) == "Thu, 1 Jan 1970 00:00:00 +0000");
  CHECK(mime::format_date(*util::parse_iso8601("2026-11-28T15:42:09Z")) == "Sat, 28 Nov 2026 15:42:09 +0000");
  CHECK(mime::format_date(*util::parse_iso8601("2024-02-29T23:59:59Z")) == "Thu, 29 Feb 2024 23:59:59 +0000");
}

TEST_CASE("mime::encode_header_text")
{
  SUBCASE("plain ASCII stays as it is")
  {
    CHECK(mime::encode_header_text("Your temporary password") == "Your temporary password");
  }
  SUBCASE("non-ASCII becomes encoded words that decode to the original")
  {
    const std::string subject =
        "Uw tijdelijke wachtwoord voor IMI (Gemeente Ëindhoven–Zuid, afdeling Économie)";
    const std::string encoded = mime::encode_header_text(subject);
    CHECK(encoded.find("=?UTF-8?B?") == 0);
    CHECK(decode_words(encoded) == subject);
    // Every word is short enough and folded with CRLF + space.
    size_t start = 0;
    while (true) {
      const size_t end = encoded.find("\r\n", start);
      const std::string line =
          encoded.substr(start, end == std::string::npos ? std::string::npos : end - start);
      CHECK(line.size() <= 76);
      if (end == std::string::npos) break;
      CHECK(encoded[end + 2] == ' ');
      start = end + 2;
    }
  }
  SUBCASE("a code point is never split between words")
  {
    std::string text;
    for (int i = 0; i < 40; ++i)
      text += "é";
    const std::string encoded = mime::encode_header_text(text);
    CHECK(decode_words(encoded) == text);
    // Each word must decode to valid UTF-8 on its own: 45 bytes max, even count of é bytes.
    size_t pos = 0;
    while ((pos = encoded.find("=?UTF-8?B?", pos)) != std::string::npos) {
      const size_t end = encoded.find("?=", pos + 10);
      CHECK(decode_words(encoded.substr(pos, end + 2 - pos)).size() % 2 == 0);
      pos = end;
    }
  }
  SUBCASE("text that looks like an encoded word is encoded")
  {
    CHECK(mime::encode_header_text("=?x?=").find("=?UTF-8?B?") == 0);
  }
  SUBCASE("CR and LF cannot inject headers")
  {
    const std::string encoded = mime::encode_header_text("Hello\r\nBcc: evil@example.org");
    CHECK(encoded.find("\r\nBcc") == std::string::npos);
    CHECK(decode_words(encoded) == "Hello\r\nBcc: evil@example.org");
  }
}

TEST_CASE("mime::encode_quoted_printable")
{
  CHECK(mime::encode_quoted_printable("plain text\nline two\n") == "plain text\r\nline two\r\n");
  CHECK(mime::encode_quoted_printable("Beste Zoë, 1=1") == "Beste Zo=C3=AB, 1=3D1");
  CHECK(mime::encode_quoted_printable("trailing space \nx") == "trailing space=20\r\nx");
  CHECK(mime::encode_quoted_printable(".\n") == "=2E\r\n");
  SUBCASE("long lines get soft breaks and no line exceeds 76 characters")
  {
    const std::string long_line(200, 'a');
    const std::string encoded = mime::encode_quoted_printable(long_line + "é");
    size_t start = 0;
    while (start < encoded.size()) {
      size_t end = encoded.find("\r\n", start);
      if (end == std::string::npos) end = encoded.size();
      CHECK(end - start <= 76);
      start = end + 2;
    }
    CHECK(encoded.find("=C3=A9") != std::string::npos);
    CHECK(encoded.find("=\r\n") != std::string::npos);
  }
}

TEST_CASE("mime::parse_mailbox and format_mailbox")
{
  auto m = mime::parse_mailbox("Gemeente Oeteldonk <imi@oeteldonk.nl>");
  REQUIRE(m);
  CHECK(m->display_name == "Gemeente Oeteldonk");
  CHECK(m->address == "imi@oeteldonk.nl");
  CHECK(mime::parse_mailbox("imi@oeteldonk.nl")->display_name.empty());
  CHECK(mime::parse_mailbox("\"Oeteldonk, IMI\" <imi@oeteldonk.nl>")->display_name == "Oeteldonk, IMI");
  CHECK_FALSE(mime::parse_mailbox("no address"));
  CHECK_FALSE(mime::parse_mailbox("Name <a@b.nl"));
  CHECK(mime::format_mailbox({"Anna Admin", "a@b.nl"}) == "Anna Admin <a@b.nl>");
  CHECK(mime::format_mailbox({"Oeteldonk, IMI", "a@b.nl"}) == "\"Oeteldonk, IMI\" <a@b.nl>");
  CHECK(mime::format_mailbox({"Zoë", "a@b.nl"}).find("=?UTF-8?B?") == 0);
  CHECK(mime::format_mailbox({"", "a@b.nl"}) == "a@b.nl");
}

TEST_CASE("mime::is_plausible_address")
{
  CHECK(mime::is_plausible_address("b.pauwels@oeteldonk.nl"));
  CHECK(mime::is_plausible_address("root@localhost"));
  CHECK_FALSE(mime::is_plausible_address("b.pauwels"));
  CHECK_FALSE(mime::is_plausible_address("@oeteldonk.nl"));
  CHECK_FALSE(mime::is_plausible_address("a@b@c"));
  CHECK_FALSE(mime::is_plausible_address("a b@c.nl"));
  CHECK_FALSE(mime::is_plausible_address("a@c.nl\r\nBcc: x@y"));
  CHECK_FALSE(mime::is_plausible_address("a@.nl"));
  CHECK_FALSE(mime::is_plausible_address("zoë@c.nl"));
}

TEST_CASE("mime::format_message")
{
  mime::Message m;
  m.from = {"Gemeente Oeteldonk", "imi@oeteldonk.nl"};
  m.to = {"Bram Pauwels", "b.pauwels@oeteldonk.nl"};
  m.cc = mime::Mailbox{"Gemeente Oeteldonk", "imi@oeteldonk.nl"};
  m.subject = "Nieuw verzoek";
  m.body = "Beste Bram,\n\nGroet.";
  m.language = "nl";
  m.date = 0;
  m.message_id = "imictl.1.ab@oeteldonk.nl";
  const std::string text = mime::format_message(m);
  CHECK(text.find("From: Gemeente Oeteldonk <imi@oeteldonk.nl>\r\n") != std::string::npos);
  CHECK(text.find("To: Bram Pauwels <b.pauwels@oeteldonk.nl>\r\n") != std::string::npos);
  CHECK(text.find("Cc: Gemeente Oeteldonk <imi@oeteldonk.nl>\r\n") != std::string::npos);
  CHECK(text.find("Subject: Nieuw verzoek\r\n") != std::string::npos);
  CHECK(text.find("Message-ID: <imictl.1.ab@oeteldonk.nl>\r\n") != std::string::npos);
  CHECK(text.find("Content-Type: text/plain; charset=UTF-8\r\n") != std::string::npos);
  CHECK(text.find("Content-Language: nl\r\n") != std::string::npos);
  CHECK(text.find("\r\n\r\nBeste Bram,\r\n\r\nGroet.\r\n") != std::string::npos);
  // No bare LF anywhere.
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') CHECK((i > 0 && text[i - 1] == '\r'));
  CHECK(mime::envelope_recipients(m) ==
        std::vector<std::string>{"b.pauwels@oeteldonk.nl", "imi@oeteldonk.nl"});
  m.cc.reset();
  CHECK(mime::format_message(m).find("Cc:") == std::string::npos);
}
