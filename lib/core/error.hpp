// One error family for everything that aborts a command. Each kind maps to
// one exit code of the contract (SPEC §1) in exit_code(); nothing else in the
// program decides exit codes.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace imi {

enum class ErrorKind {
  failure = 1,     // I/O, internal
  usage = 2,       // bad option syntax
  not_found = 3,   // user, authority, keyword, file, ...
  permission = 4,  // actor lacks the role or belongs elsewhere
  conflict = 5,    // not allowed in the current state
  invalid = 6,     // field validation, import data; nothing written
  unavailable = 7, // database locked, corrupt or too new
};

class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, std::string message, std::vector<std::string> hints = {});
  ErrorKind kind() const noexcept { return kind_; }
  const std::vector<std::string>& hints() const noexcept { return hints_; }
  Error& hint(std::string text);

private:
  ErrorKind kind_;
  std::vector<std::string> hints_;
};

// Named constructors read better at the throw site than kinds.
struct UsageError : Error {
  explicit UsageError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::usage, std::move(m), std::move(h))
  {
  }
};
struct NotFoundError : Error {
  explicit NotFoundError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::not_found, std::move(m), std::move(h))
  {
  }
};
struct PermissionError : Error {
  explicit PermissionError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::permission, std::move(m), std::move(h))
  {
  }
};
struct ConflictError : Error {
  explicit ConflictError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::conflict, std::move(m), std::move(h))
  {
  }
};
struct InvalidInputError : Error {
  explicit InvalidInputError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::invalid, std::move(m), std::move(h))
  {
  }
};
struct UnavailableError : Error {
  explicit UnavailableError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::unavailable, std::move(m), std::move(h))
  {
  }
};
struct FailureError : Error {
  explicit FailureError(std::string m, std::vector<std::string> h = {})
      : Error(ErrorKind::failure, std::move(m), std::move(h))
  {
  }
};

int exit_code(ErrorKind kind) noexcept;
// Stable machine-readable name used in JSON errors: "not_found", "conflict", ...
const char* error_slug(ErrorKind kind) noexcept;

} // namespace imi
