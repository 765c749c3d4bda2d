// --delimiter and --encoding values shared by import and export.
#pragma once

#include "core/error.hpp"
#include "util/encoding.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <string>

namespace imi::cli {

inline char parse_delimiter_option(const std::string& text)
{
  const std::string t = util::to_lower_ascii(text);
  if (t == ";" || t == "semicolon") return ';';
  if (t == "," || t == "comma") return ',';
  if (t == "\t" || t == "\\t" || t == "tab") return '\t';
  throw UsageError(_f("--delimiter: '{}' is not one of ';', ',', 'tab'", text));
}

inline util::TextEncoding parse_encoding_option(const std::string& text)
{
  if (auto e = util::parse_encoding_name(text)) return *e;
  throw UsageError(_f("--encoding: '{}' is not one of utf-8, windows-1252, utf-16le, utf-16be", text));
}

} // namespace imi::cli
