#include "import/username_allocator.hpp"

#include "util/text.hpp"

#include <cctype>

namespace imi {
namespace {

constexpr size_t max_remembered = 100000;

std::string letters_and_digits(std::string_view s)
{
  std::string out;
  for (char c : util::to_lower_ascii(util::fold_to_ascii(s)))
    if (std::isalnum(static_cast<unsigned char>(c))) out += c;
  return out;
}

} // namespace

std::string username_base(std::string_view first_name, std::string_view last_name)
{
  const std::string first = letters_and_digits(first_name);
  std::string base = (first.empty() ? "" : first.substr(0, 1)) + letters_and_digits(last_name);
  return base.empty() ? "user" : base;
}

UsernameAllocator::UsernameAllocator(SQLite::Database& db) : taken_(db, "SELECT 1 FROM user WHERE username = ?") {}

std::string UsernameAllocator::allocate(std::string_view first_name, std::string_view last_name)
{
  const std::string base = username_base(first_name, last_name);
  if (next_suffix_.size() >= max_remembered) next_suffix_.clear();
  int& n = next_suffix_.try_emplace(base, 1).first->second;
  for (;; ++n) {
    std::string candidate = n == 1 ? base : base + std::to_string(n);
    taken_.reset();
    taken_.bind(1, candidate);
    if (!taken_.executeStep()) {
      ++n;
      return candidate;
    }
  }
}

} // namespace imi
