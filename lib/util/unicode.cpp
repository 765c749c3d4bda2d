#include "util/unicode.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utf8proc.h>

namespace imi::util {
namespace {

bool is_ascii(std::string_view s)
{
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Calls `hit` for each code point until it returns true; returns that code point.
template <typename Predicate>
std::optional<char32_t> find_code_point(std::string_view s, Predicate hit)
{
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return std::nullopt; // invalid UTF-8 is reported by the callers' own check
    if (hit(cp)) return static_cast<char32_t>(cp);
    p += n;
    left -= n;
  }
  return std::nullopt;
}

struct Named {
  char32_t cp;
  const char* name;
};
// The ones people meet in pasted text and in spoofing.
constexpr Named names[] = {
    {0x00A0, "NO-BREAK SPACE"},
    {0x00AD, "SOFT HYPHEN"},
    {0x034F, "COMBINING GRAPHEME JOINER"},
    {0x061C, "ARABIC LETTER MARK"},
    {0x115F, "HANGUL CHOSEONG FILLER"},
    {0x1160, "HANGUL JUNGSEONG FILLER"},
    {0x180E, "MONGOLIAN VOWEL SEPARATOR"},
    {0x200B, "ZERO WIDTH SPACE"},
    {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x2028, "LINE SEPARATOR"},
    {0x2029, "PARAGRAPH SEPARATOR"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x202F, "NARROW NO-BREAK SPACE"},
    {0x2060, "WORD JOINER"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
    {0x3000, "IDEOGRAPHIC SPACE"},
    {0x3164, "HANGUL FILLER"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE"},
    {0xFFA0, "HALFWIDTH HANGUL FILLER"},
};

} // namespace

std::string to_nfc(std::string_view s)
{
  if (is_ascii(s)) return std::string(s);
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

std::optional<char32_t> find_hidden_character(std::string_view s, bool allow_line_breaks)
{
  if (is_ascii(s)) // only control characters can hide in ASCII
    return find_code_point(s, [&](utf8proc_int32_t cp) {
      if (allow_line_breaks && (cp == '\n' || cp == '\r' || cp == '\t')) return false;
      return cp < 0x20 || cp == 0x7F;
    });
  return find_code_point(s, [&](utf8proc_int32_t cp) {
    if (allow_line_breaks && (cp == '\n' || cp == '\r' || cp == '\t')) return false;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CS: return true;
    default: return utf8proc_get_property(cp)->ignorable != 0;
    }
  });
}

std::optional<char32_t> find_unusual_space(std::string_view s)
{
  if (is_ascii(s)) return std::nullopt;
  return find_code_point(
      s, [](utf8proc_int32_t cp) { return cp != ' ' && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS; });
}

std::string describe_code_point(char32_t cp)
{
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  for (const auto& n : names)
    if (n.cp == cp) return std::string(code) + " (" + n.name + ")";
  return code;
}

long next_code_point(std::string_view s, size_t& i)
{
  utf8proc_int32_t cp = -1;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i;
  const utf8proc_ssize_t n = utf8proc_iterate(p, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return -1;
  }
  i += static_cast<size_t>(n);
  return cp;
}

} // namespace imi::util
