#include "notify/transport_failure.hpp"

#include <cstring>
#include <fmt/format.h>
#include <sys/wait.h>

namespace imi::transport_failure {
namespace {

// The numbers curl uses (curl/curl.h); spelled out so that this file needs
// no curl header and its unit tests no libcurl.
constexpr int curl_timed_out = 28;
constexpr int curl_login_denied = 67;
constexpr int curl_use_ssl_failed = 64;
constexpr int curl_auth_error = 94;

const char* reply_class(long reply_code)
{
  if (reply_code >= 500 && reply_code < 600) return "permanent failure";
  if (reply_code >= 400 && reply_code < 500) return "temporary failure";
  return "unexpected reply";
}

} // namespace

std::string redacted_url(const std::string& url)
{
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const size_t authority = scheme + 3;
  const size_t end = url.find_first_of("/?#", authority);
  const size_t at = url.rfind('@', end == std::string::npos ? std::string::npos : end);
  if (at == std::string::npos || at < authority) return url;
  return url.substr(0, authority) + url.substr(at + 1);
}

bool is_permanent_smtp(int curl_code, long reply_code)
{
  if (reply_code < 500 || reply_code > 599) return false;
  if (curl_code == curl_login_denied || curl_code == curl_use_ssl_failed || curl_code == curl_auth_error)
    return false;
  return reply_code != 530 && reply_code != 534 && reply_code != 535 && reply_code != 538;
}

DeliveryOutcome smtp(const std::string& where, int curl_code, const char* curl_text, long reply_code,
                     int timeout_seconds)
{
  std::string reason;
  if (reply_code >= 400)
    reason = fmt::format("server replied {} ({}); ", reply_code, reply_class(reply_code));
  reason += fmt::format("{} (curl {})", curl_text ? curl_text : "unknown error", curl_code);
  if (curl_code == curl_timed_out) reason += fmt::format(", timed out after {} s", timeout_seconds);
  return {false, redacted_url(where) + ": " + reason, is_permanent_smtp(curl_code, reply_code)};
}

const char* exit_status_reason(int status)
{
  switch (status) {
  case 64: return "command line usage error";
  case 65: return "data format error";
  case 66: return "cannot open input";
  case 67: return "addressee unknown";
  case 68: return "host name unknown";
  case 69: return "service unavailable";
  case 70: return "internal software error";
  case 71: return "system error";
  case 72: return "critical operating system file missing";
  case 73: return "cannot create output file";
  case 74: return "input/output error";
  case 75: return "temporary failure";
  case 76: return "remote error in protocol";
  case 77: return "permission denied";
  case 78: return "configuration error";
  case 126: return "command not executable";
  case 127: return "command not found";
  default: return "failed";
  }
}

bool is_permanent_exit_status(int status)
{
  return status == 65 || status == 67 || status == 68;
}

DeliveryOutcome program(const std::string& program, int wait_status)
{
  if (WIFEXITED(wait_status)) {
    const int status = WEXITSTATUS(wait_status);
    return {false, fmt::format("{} exited with status {} ({})", program, status, exit_status_reason(status)),
            is_permanent_exit_status(status)};
  }
  if (WIFSIGNALED(wait_status))
    return {false, fmt::format("{} was killed by signal {}", program, WTERMSIG(wait_status)), false};
  return {false, fmt::format("{} ended abnormally", program), false};
}

DeliveryOutcome program_not_started(const std::string& program, int error_number)
{
  return {false, fmt::format("cannot run {}: {}", program, std::strerror(error_number)), false};
}

DeliveryOutcome program_timed_out(const std::string& program, int timeout_seconds)
{
  return {false, fmt::format("{} did not finish within {} s", program, timeout_seconds), false};
}

DeliveryOutcome local(const char* call, int error_number)
{
  return {false, fmt::format("{}: {}", call, std::strerror(error_number)), false};
}

} // namespace imi::transport_failure
