#include "notify/transport_failure.hpp"

#include <cstring>
#include <fmt/format.h>
#include <locale.h>
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
  // TRANSLATORS: what an SMTP reply code means, shown in parentheses after it.
  if (reply_code >= 500 && reply_code < 600) return N_("permanent failure");
  if (reply_code >= 400 && reply_code < 500) return N_("temporary failure");
  return N_("unexpected reply");
}

// The C library's text for an error number in English, whatever the locale:
// the stored text (last_error, the audit log) does not depend on who ran it.
std::string english_strerror(int error_number)
{
  static const locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(0));
  return c_locale ? strerror_l(error_number, c_locale) : std::strerror(error_number);
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
  // curl's text is its own fixed English, and stays so.
  const std::string url = redacted_url(where);
  const bool timed_out = curl_code == curl_timed_out;
  const bool permanent = is_permanent_smtp(curl_code, reply_code);
  const char* text = curl_text ? curl_text : N_("unknown error");
  const char* shown_text = curl_text ? curl_text : _(text);
  if (reply_code < 400) {
    if (!timed_out)
      return {false, fmt::format("{}: {} (curl {})", url, text, curl_code), permanent,
              fmt::format("{}: {} (curl {})", url, shown_text, curl_code)};
    const char* msgid = N_("{}: {} (curl {}), timed out after {} s");
    return {false, fmt::format(fmt::runtime(msgid), url, text, curl_code, timeout_seconds), permanent,
            _f(msgid, url, shown_text, curl_code, timeout_seconds)};
  }
  // TRANSLATORS: URL: server replied CODE (CLASS); CURL'S TEXT (curl NUMBER)
  const char* msgid = timed_out ? N_("{}: server replied {} ({}); {} (curl {}), timed out after {} s")
                                : N_("{}: server replied {} ({}); {} (curl {})");
  const char* reason = reply_class(reply_code);
  return {false, fmt::format(fmt::runtime(msgid), url, reply_code, reason, text, curl_code, timeout_seconds),
          permanent, _f(msgid, url, reply_code, _(reason), shown_text, curl_code, timeout_seconds)};
}

const char* exit_status_reason(int status)
{
  switch (status) {
  // TRANSLATORS: the sysexits(3) meanings of a sendmail program's exit status.
  case 64: return N_("command line usage error");
  case 65: return N_("data format error");
  case 66: return N_("cannot open input");
  case 67: return N_("addressee unknown");
  case 68: return N_("host name unknown");
  case 69: return N_("service unavailable");
  case 70: return N_("internal software error");
  case 71: return N_("system error");
  case 72: return N_("critical operating system file missing");
  case 73: return N_("cannot create output file");
  case 74: return N_("input/output error");
  case 75: return N_("temporary failure");
  case 76: return N_("remote error in protocol");
  case 77: return N_("permission denied");
  case 78: return N_("configuration error");
  case 126: return N_("command not executable");
  case 127: return N_("command not found");
  default: return "failed";
  }
}

const char* shown_exit_status_reason(int status)
{
  const char* reason = exit_status_reason(status);
  // TRANSLATORS: a sendmail program's exit status without a sysexits(3) name.
  return std::strcmp(reason, "failed") == 0 ? C_("exit status", "failed") : _(reason);
}

bool is_permanent_exit_status(int status)
{
  return status == 65 || status == 67 || status == 68;
}

DeliveryOutcome program(const std::string& program, int wait_status)
{
  if (WIFEXITED(wait_status)) {
    const int status = WEXITSTATUS(wait_status);
    const char* msgid = N_("{} exited with status {} ({})");
    return {false, fmt::format(fmt::runtime(msgid), program, status, exit_status_reason(status)),
            is_permanent_exit_status(status), _f(msgid, program, status, shown_exit_status_reason(status))};
  }
  if (WIFSIGNALED(wait_status))
    return described(false, N_("{} was killed by signal {}"), program, WTERMSIG(wait_status));
  return described(false, N_("{} ended abnormally"), program);
}

DeliveryOutcome program_not_started(const std::string& program, int error_number)
{
  const char* msgid = N_("cannot run {}: {}");
  return {false, fmt::format(fmt::runtime(msgid), program, english_strerror(error_number)), false,
          _f(msgid, program, std::strerror(error_number))};
}

DeliveryOutcome program_timed_out(const std::string& program, int timeout_seconds)
{
  return described(false, N_("{} did not finish within {} s"), program, timeout_seconds);
}

DeliveryOutcome local(const char* call, int error_number)
{
  return {false, fmt::format("{}: {}", call, english_strerror(error_number)), false,
          fmt::format("{}: {}", call, std::strerror(error_number))};
}

} // namespace imi::transport_failure
