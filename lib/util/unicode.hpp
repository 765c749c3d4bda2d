// Unicode facts the rest of the program needs (libutf8proc): normalisation to
// NFC, so that "é" typed as one code point and as "e" plus a combining accent
// are the same text, and the characters that show nothing or reorder what
// follows, which make two different strings look alike (a mailbox with a
// zero-width space is another mailbox that reads the same).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imi::util {

// Normalization Form C. ASCII is returned as it is, without calling utf8proc;
// invalid UTF-8 comes back as given (callers validate first).
std::string to_nfc(std::string_view s);

// The first code point that is invisible or bidirectional: control
// characters (Cc; line feed, carriage return and tab allowed when
// `allow_line_breaks`), format characters (Cf: zero-width space and joiners,
// bidirectional marks, embeddings, overrides and isolates, soft hyphen, byte
// order mark), line and paragraph separators (Zl, Zp), surrogates, and the
// other default-ignorable code points (Hangul fillers, variation selectors).
std::optional<char32_t> find_hidden_character(std::string_view s, bool allow_line_breaks);

// The first space that is not U+0020 (no-break, em, ideographic, ...: Zs).
std::optional<char32_t> find_unusual_space(std::string_view s);

// The code point of s at i, advancing i past it; -1 for a byte that does not
// start well-formed UTF-8 (overlong forms, surrogates, cut-off sequences and
// values above U+10FFFF too), advancing i by that one byte so that a caller
// can replace it and go on.
long next_code_point(std::string_view s, size_t& i);

// "U+202E (RIGHT-TO-LEFT OVERRIDE)" for the usual suspects, else "U+XXXX".
std::string describe_code_point(char32_t cp);

} // namespace imi::util
