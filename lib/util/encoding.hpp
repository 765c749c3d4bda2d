// Turning the bytes of a text file into UTF-8 while it streams past: the
// encoding comes from a byte-order mark, else from the first non-ASCII bytes
// (valid UTF-8, else Windows-1252, what Excel writes on Dutch systems).
// Nothing here knows about CSV or lines; problems carry the number of good
// output bytes before them so a caller can name the line.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace imi::util {

enum class TextEncoding { automatic, utf8, utf16le, utf16be, windows1252 };

// "utf-8", "utf8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "cp1252",
// "latin1", "iso-8859-1", "auto"; case-insensitive.
std::optional<TextEncoding> parse_encoding_name(std::string_view name);
const char* encoding_name(TextEncoding e); // "utf-8", "windows-1252", ...

struct DecodeProblem {
  enum class Kind { none, binary, invalid };
  Kind kind = Kind::none;
  std::string message; // "binary data (NUL byte)", "invalid UTF-8 byte 0xC3"
};

class TextDecoder {
public:
  explicit TextDecoder(TextEncoding forced = TextEncoding::automatic);

  // Appends the UTF-8 text of `bytes` to `out`. `last` says no more bytes
  // follow (an incomplete sequence at the end is then a problem). On a
  // problem, `out` holds everything valid before it and the decoder stops.
  DecodeProblem decode(std::string_view bytes, std::string& out, bool last);

  TextEncoding encoding() const { return encoding_; } // automatic while all ASCII so far
  bool had_bom() const { return had_bom_; }

private:
  DecodeProblem decode_utf8(std::string_view bytes, std::string& out, bool last);
  DecodeProblem decode_utf16(std::string_view bytes, std::string& out, bool last);
  DecodeProblem decode_1252(std::string_view bytes, std::string& out);
  void choose_by_content(std::string_view bytes, bool last);

  TextEncoding encoding_;
  bool forced_;
  bool started_ = false;
  bool had_bom_ = false;
  std::string pending_; // bytes of an incomplete sequence carried to the next call
};

} // namespace imi::util

namespace imi::util {

// The bytes of UTF-8 text in another encoding (for files written for
// spreadsheets); empty optional when a character has no equivalent in it
// (Windows-1252 lacks most non-Latin scripts).
std::optional<std::string> encode_utf8_as(std::string_view utf8, TextEncoding e);
// The byte-order mark for an encoding ("" for Windows-1252).
std::string byte_order_mark(TextEncoding e);

} // namespace imi::util
