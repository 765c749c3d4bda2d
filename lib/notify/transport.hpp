// Handing a formatted message to the outside world: SMTP (libcurl, loaded at
// run time so other commands never pay for it) or a sendmail-compatible
// program. A transport reports failure as a value built by
// transport_failure.hpp: a status code and a reason from a fixed vocabulary,
// never what the server or program said (it may quote the message, and the
// message may carry a secret).
#pragma once

#include "notify/mail_settings.hpp"

#include <memory>
#include <string>
#include <vector>

namespace imi {

struct MailEnvelope {
  std::string mail_from;
  std::vector<std::string> recipients;
};

struct DeliveryOutcome {
  bool ok = false;
  std::string error;            // why it failed, in English: stored in last_error and the audit log
  bool permanent = false;       // refused for good (SMTP 5xx): marked failed without retrying
  std::string shown_error = {}; // the same in the interface language, for the report; empty: `error`
  const std::string& shown() const { return shown_error.empty() ? error : shown_error; }
};

class Transport {
public:
  virtual ~Transport() = default;
  // "smtp://127.0.0.1:25" (without any password in the URL), "sendmail (/usr/sbin/sendmail -t -i)"
  virtual std::string describe() const = 0;
  // `message`: RFC 5322 with CRLF line ends.
  virtual DeliveryOutcome deliver(const MailEnvelope& envelope, const std::string& message) = 0;
};

// Null for transport "none". Throws FailureError when libcurl cannot be
// loaded or the password file cannot be read (before any mail is touched).
std::unique_ptr<Transport> make_transport(const MailSettings& settings);

std::unique_ptr<Transport> make_smtp_transport(const MailSettings& settings);
std::unique_ptr<Transport> make_sendmail_transport(const MailSettings& settings);

} // namespace imi
