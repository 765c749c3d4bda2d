#include "import/username_allocator.hpp"

#include "users/username.hpp"

namespace imi {
namespace {

constexpr size_t max_remembered = 50000;

} // namespace

UsernameAllocator::UsernameAllocator(SQLite::Database& db)
    : taken_(db, "SELECT 1 FROM user WHERE username = ?")
{
}

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

std::string UsernameAllocator::next_candidate(const std::string& base)
{
  if (next_suffix_.size() >= max_remembered) next_suffix_.clear();
  int& n = next_suffix_.try_emplace(base, 1).first->second;
  return n++ == 1 ? base : base + std::to_string(n - 1);
}

} // namespace imi
