// How a failed hand-off is described wherever it is kept or shown (outbox
// last_error, the audit summary, `notify list`, the `notify send` report):
// the transport's status code and a reason from a fixed vocabulary. Never
// what the SMTP server or the sendmail program said: a reply or an error
// message may quote the message, and with it a temporary password.
//
// Also decides which failures are permanent (marked failed at once) and which
// are worth retrying later.
#pragma once

#include "notify/transport.hpp"
#include "util/i18n.hpp"

#include <fmt/format.h>
#include <string>

namespace imi::transport_failure {

// A failure described by `msgid` (marked with N_ where it is written): the
// English text for last_error and the audit log, the translated one for the
// report.
template <typename... Args>
DeliveryOutcome described(bool permanent, const char* msgid, const Args&... args)
{
  return {false, fmt::format(fmt::runtime(msgid), args...), permanent, _f(msgid, args...)};
}

// An SMTP URL without any user or password in it ("smtp://u:p@h" -> "smtp://h").
std::string redacted_url(const std::string& url);

// SMTP through libcurl. `curl_text` is curl_easy_strerror(curl_code) (a fixed
// string per code), `reply_code` the server's last reply (0: none).
DeliveryOutcome smtp(const std::string& where, int curl_code, const char* curl_text, long reply_code,
                     int timeout_seconds);
// A 5xx reply is permanent, except to authentication (530, 534, 535, 538):
// those come from the configuration, not the mail, and are retried.
bool is_permanent_smtp(int curl_code, long reply_code);

// The sysexits(3) name of a sendmail exit status, or "failed" (in English;
// shown_exit_status_reason translates it).
const char* exit_status_reason(int status);
const char* shown_exit_status_reason(int status);
// EX_DATAERR, EX_NOUSER, EX_NOHOST: this mail can never be delivered.
bool is_permanent_exit_status(int status);
// A sendmail-compatible program that ran and did not succeed (waitpid status).
DeliveryOutcome program(const std::string& program, int wait_status);
DeliveryOutcome program_not_started(const std::string& program, int error_number);
DeliveryOutcome program_timed_out(const std::string& program, int timeout_seconds);
// A system call of our own failed before anything was handed over.
DeliveryOutcome local(const char* call, int error_number);

} // namespace imi::transport_failure
