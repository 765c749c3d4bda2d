#include "util/email.hpp"

#include "util/text.hpp"

#include <cctype>

namespace imi::util {
namespace {

bool is_local_char(unsigned char c)
{
  return std::isalnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~.-").find(static_cast<char>(c)) != std::string_view::npos;
}

} // namespace

std::optional<std::string> email_problem(std::string_view address)
{
  if (address.empty()) return "is empty";
  if (address.find_first_of("\r\n") != std::string_view::npos)
    return "is wrapped over more than one line in the cell";
  if (address.find_first_of(" \t") != std::string_view::npos) return "contains a space";
  const size_t at = address.find('@');
  if (at == std::string_view::npos) return "has no '@'";
  if (address.find('@', at + 1) != std::string_view::npos) return "has more than one '@'";
  const std::string_view local = address.substr(0, at), domain = address.substr(at + 1);
  if (local.empty()) return "has nothing before the '@'";
  if (local.size() > 64) return "has more than 64 characters before the '@'";
  if (domain.empty()) return "has no domain after the '@'";
  if (address.size() > 254) return "is longer than 254 characters";
  for (char c : local)
    if (static_cast<unsigned char>(c) >= 0x80) return "contains a non-ASCII character before the '@'";
  for (char c : local)
    if (!is_local_char(static_cast<unsigned char>(c)))
      return std::string("contains '") + c + "' before the '@'";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return "has a misplaced '.' before the '@'";
  const auto labels = split(domain, '.');
  if (labels.size() < 2) return "has a domain without a '.' (such as 'oeteldonk.nl')";
  for (const auto& label : labels) {
    if (label.empty()) return "has an empty part in the domain";
    if (label.front() == '-' || label.back() == '-') return "has a domain part that starts or ends with '-'";
    for (char c : label)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && static_cast<unsigned char>(c) < 0x80)
        return std::string("contains '") + c + "' in the domain";
  }
  const std::string& tld = labels.back();
  if (tld.size() < 2) return "has a one-letter top-level domain";
  for (char c : tld)
    if (std::isdigit(static_cast<unsigned char>(c))) return "has a top-level domain with digits";
  return std::nullopt;
}

} // namespace imi::util
