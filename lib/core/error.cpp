#include "core/error.hpp"

namespace imi {

Error::Error(ErrorKind kind, std::string message, std::vector<std::string> hints)
    : std::runtime_error(std::move(message)), kind_(kind), hints_(std::move(hints))
{
}

Error& Error::hint(std::string text)
{
  hints_.push_back(std::move(text));
  return *this;
}

int exit_code(ErrorKind kind) noexcept
{
  return static_cast<int>(kind);
}

const char* error_slug(ErrorKind kind) noexcept
{
  switch (kind) {
  case ErrorKind::failure: return "failure";
  case ErrorKind::usage: return "usage";
  case ErrorKind::not_found: return "not_found";
  case ErrorKind::permission: return "permission_denied";
  case ErrorKind::conflict: return "conflict";
  case ErrorKind::invalid: return "invalid_input";
  case ErrorKind::unavailable: return "database_unavailable";
  }
  return "failure";
}

} // namespace imi
