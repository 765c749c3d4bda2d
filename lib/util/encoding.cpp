#include "util/encoding.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi::util {
namespace {

// Windows-1252 0x80..0x9F; 0 marks the five bytes the code page leaves undefined.
const char16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// Length of the UTF-8 sequence starting at s[i]: >0 valid, 0 invalid, -1 cut off by the end.
int utf8_sequence_length(std::string_view s, size_t i)
{
  const auto c = static_cast<unsigned char>(s[i]);
  const int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len <= 1) return len;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if (i + static_cast<size_t>(k) >= s.size()) return -1;
    const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

DecodeProblem binary_problem(std::string message)
{
  return {DecodeProblem::Kind::binary, std::move(message)};
}

bool starts_with(std::string_view s, std::string_view prefix)
{
  return s.substr(0, prefix.size()) == prefix;
}

} // namespace

std::optional<TextEncoding> parse_encoding_name(std::string_view name)
{
  std::string n;
  for (char c : to_lower_ascii(trim(name)))
    if (c != '-' && c != '_' && c != ' ') n += c;
  if (n == "auto" || n == "automatic") return TextEncoding::automatic;
  if (n == "utf8" || n == "utf8bom") return TextEncoding::utf8;
  if (n == "utf16" || n == "utf16le" || n == "ucs2") return TextEncoding::utf16le;
  if (n == "utf16be") return TextEncoding::utf16be;
  if (n == "windows1252" || n == "cp1252" || n == "latin1" || n == "iso88591" || n == "ansi")
    return TextEncoding::windows1252;
  return std::nullopt;
}

const char* encoding_name(TextEncoding e)
{
  switch (e) {
  case TextEncoding::automatic: return "auto";
  case TextEncoding::utf8: return "utf-8";
  case TextEncoding::utf16le: return "utf-16le";
  case TextEncoding::utf16be: return "utf-16be";
  case TextEncoding::windows1252: return "windows-1252";
  }
  return "auto";
}

TextDecoder::TextDecoder(TextEncoding forced) : encoding_(forced), forced_(forced != TextEncoding::automatic)
{
}

DecodeProblem TextDecoder::decode(std::string_view bytes, std::string& out, bool last)
{
  std::string joined;
  if (!pending_.empty()) {
    joined = pending_;
    joined.append(bytes);
    pending_.clear();
    bytes = joined;
  }
  if (!started_) {
    if (bytes.size() < 4 && !last) {
      pending_ = std::string(bytes);
      return {};
    }
    started_ = true;
    // A byte-order mark wins over detection unless an encoding was forced.
    auto bom = [&](std::string_view mark, TextEncoding e) {
      if (!starts_with(bytes, mark) || (forced_ && encoding_ != e)) return false;
      encoding_ = e;
      had_bom_ = true;
      bytes.remove_prefix(mark.size());
      return true;
    };
    if (!bom("\xEF\xBB\xBF", TextEncoding::utf8) && !bom("\xFF\xFE", TextEncoding::utf16le))
      bom("\xFE\xFF", TextEncoding::utf16be);
    if (starts_with(bytes, "PK\x03\x04"))
      return {DecodeProblem::Kind::binary,
              _("a zip archive (an .xlsx or .ods spreadsheet?), not a text file; save the sheet as CSV")};
  }
  if (encoding_ == TextEncoding::automatic) choose_by_content(bytes, last);
  switch (encoding_) {
  case TextEncoding::utf16le:
  case TextEncoding::utf16be: return decode_utf16(bytes, out, last);
  case TextEncoding::windows1252: return decode_1252(bytes, out);
  case TextEncoding::automatic:
  case TextEncoding::utf8: break;
  }
  return decode_utf8(bytes, out, last);
}

// All ASCII so far says nothing; the first non-ASCII character decides: a
// valid UTF-8 sequence makes the file UTF-8 (a later invalid byte is then an
// error with its line, not a silent misreading), anything else makes it
// Windows-1252.
void TextDecoder::choose_by_content(std::string_view bytes, bool last)
{
  size_t i = 0;
  while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80)
    ++i;
  if (i == bytes.size()) return;
  const int len = utf8_sequence_length(bytes, i);
  if (len > 1)
    encoding_ = TextEncoding::utf8;
  else if (len == 0 || last)
    encoding_ = TextEncoding::windows1252;
  // else: cut off by the chunk end; the next call decides
}

DecodeProblem TextDecoder::decode_utf8(std::string_view bytes, std::string& out, bool last)
{
  size_t i = 0, run = 0; // [run, i) is valid text not yet appended
  while (i < bytes.size()) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x01 && c < 0x80) {
      ++i;
      continue;
    }
    out.append(bytes.substr(run, i - run));
    run = i;
    if (c == 0) return binary_problem(_("binary data (NUL byte), not a text file"));
    const int len = utf8_sequence_length(bytes, i);
    if (len < 0 && !last) {
      pending_ = std::string(bytes.substr(i));
      return {};
    }
    if (len <= 0) {
      if (len < 0)
        return {DecodeProblem::Kind::invalid, _f("invalid UTF-8 (byte 0x{:02X} at the end of the file)", c)};
      return {DecodeProblem::Kind::invalid, _f("invalid UTF-8 (byte 0x{:02X})", c)};
    }
    i += static_cast<size_t>(len);
    out.append(bytes.substr(run, i - run));
    run = i;
  }
  out.append(bytes.substr(run));
  return {};
}

DecodeProblem TextDecoder::decode_1252(std::string_view bytes, std::string& out)
{
  for (char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return binary_problem(_("binary data (NUL byte), not a text file"));
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      const char16_t cp = cp1252_high[c - 0x80];
      if (cp == 0)
        return {DecodeProblem::Kind::invalid, _f("byte 0x{:02X} is not a Windows-1252 character", c)};
      append_utf8(out, cp);
    } else {
      append_utf8(out, c);
    }
  }
  return {};
}

DecodeProblem TextDecoder::decode_utf16(std::string_view bytes, std::string& out, bool last)
{
  const bool le = encoding_ == TextEncoding::utf16le;
  auto unit = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return le ? static_cast<char32_t>(a | (b << 8)) : static_cast<char32_t>((a << 8) | b);
  };
  size_t i = 0;
  while (i + 1 < bytes.size()) {
    char32_t cp = unit(i);
    size_t used = 2;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 3 >= bytes.size()) break; // the low half is in the next chunk
      const char32_t low = unit(i + 2);
      if (low < 0xDC00 || low > 0xDFFF)
        return {DecodeProblem::Kind::invalid, _("invalid UTF-16 (lone surrogate)")};
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      used = 4;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return {DecodeProblem::Kind::invalid, _("invalid UTF-16 (lone surrogate)")};
    }
    if (cp == 0) return binary_problem(_("binary data (NUL character), not a text file"));
    append_utf8(out, cp);
    i += used;
  }
  if (i < bytes.size()) {
    if (last)
      return {DecodeProblem::Kind::invalid, _("invalid UTF-16 (the file ends in the middle of a character)")};
    pending_ = std::string(bytes.substr(i));
  }
  return {};
}

} // namespace imi::util

namespace imi::util {
namespace {

bool next_code_point(std::string_view s, size_t& i, char32_t& cp)
{
  const int len = utf8_sequence_length(s, i);
  if (len <= 0) return false;
  const auto c = static_cast<unsigned char>(s[i]);
  cp = len == 1 ? c : c & (0x7F >> len);
  for (int k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return true;
}

} // namespace

std::optional<std::string> encode_utf8_as(std::string_view utf8, TextEncoding e)
{
  if (e == TextEncoding::utf8 || e == TextEncoding::automatic) return std::string(utf8);
  std::string out;
  out.reserve(utf8.size() * (e == TextEncoding::windows1252 ? 1 : 2));
  size_t i = 0;
  char32_t cp = 0;
  while (i < utf8.size()) {
    if (!next_code_point(utf8, i, cp)) return std::nullopt;
    if (e == TextEncoding::windows1252) {
      if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) {
        out += static_cast<char>(cp);
        continue;
      }
      int found = -1;
      for (int k = 0; k < 32; ++k)
        if (cp1252_high[k] != 0 && cp1252_high[k] == cp) found = k;
      if (found < 0) return std::nullopt;
      out += static_cast<char>(0x80 + found);
      continue;
    }
    auto put = [&](char32_t unit) {
      const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
      if (e == TextEncoding::utf16le) {
        out += lo;
        out += hi;
      } else {
        out += hi;
        out += lo;
      }
    };
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
  }
  return out;
}

std::string byte_order_mark(TextEncoding e)
{
  switch (e) {
  case TextEncoding::utf8: return "\xEF\xBB\xBF";
  case TextEncoding::utf16le: return "\xFF\xFE";
  case TextEncoding::utf16be: return "\xFE\xFF";
  case TextEncoding::automatic:
  case TextEncoding::windows1252: break;
  }
  return "";
}

} // namespace imi::util
