#include "archive/file_names.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi::archive {
namespace {

// Cuts s to at most n bytes at a UTF-8 character boundary.
std::string cut(std::string s, size_t n)
{
  if (s.size() <= n) return s;
  size_t end = n;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
    --end;
  s.resize(end);
  return s;
}

std::string lower(std::string s)
{
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return s;
}

// The extension (".pdf") when it is short and plain, else "".
std::string_view extension_of(std::string_view name)
{
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot > 10) return {};
  return name.substr(dot);
}

} // namespace

std::string safe_base_name(std::string_view name)
{
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string clean;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) continue; // newline, tab, escape sequences
    clean += ch;
  }
  // No hidden files, and never "." or "..".
  const size_t first = clean.find_first_not_of(". ");
  clean = first == std::string::npos ? std::string() : clean.substr(first);
  while (!clean.empty() && (clean.back() == ' ' || clean.back() == '.'))
    clean.pop_back();
  if (clean.empty()) return "attachment";
  if (clean.size() > max_name_bytes) {
    const std::string ext(extension_of(clean));
    clean = cut(clean.substr(0, clean.size() - ext.size()), max_name_bytes - ext.size()) + ext;
  }
  return clean;
}

std::string unique_name(std::string_view name, std::set<std::string>& taken)
{
  const std::string base = safe_base_name(name);
  std::string candidate = base;
  const std::string ext(extension_of(base));
  const std::string stem = base.substr(0, base.size() - ext.size());
  for (int n = 2; taken.count(lower(candidate)) != 0; ++n) {
    const std::string suffix = fmt::format("-{}", n);
    candidate = cut(stem, max_name_bytes - suffix.size() - ext.size()) + suffix + ext;
  }
  taken.insert(lower(candidate));
  return candidate;
}

} // namespace imi::archive
