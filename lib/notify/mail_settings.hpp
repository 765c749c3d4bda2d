// The [mail] section of the configuration, read once per `notify send`.
#pragma once

#include "authority/own_authority.hpp"
#include "notify/mime.hpp"

#include <optional>
#include <string>

namespace imi {

class Config;
class Session;

struct MailSettings {
  std::string transport = "smtp"; // smtp | sendmail | none
  std::string smtp_url = "smtp://127.0.0.1:25";
  std::string smtp_user;
  std::string smtp_password_file; // the password itself is read only when sending
  std::string from;               // "addr" or "Name <addr>"; empty (not configured): the authority's address
  std::string sendmail_command = "/usr/sbin/sendmail -t -i";
  // auto: implicit TLS for smtps://; STARTTLS required when a user is set
  // (a password never crosses the wire in clear), else used when offered.
  // starttls: STARTTLS or fail. none: never (trusted local relay only).
  std::string tls = "auto";
  std::string ca_file;      // extra CA bundle (a private relay's certificate)
  int timeout_seconds = 30; // connect + whole transaction
  int max_attempts = 6;     // failed attempts before a mail is marked failed
};

// Throws UsageError for an unknown transport or tls value.
MailSettings read_mail_settings(const Config& config);

// Reads mail.smtp_password_file (first line). Throws FailureError naming the
// file when it cannot be read.
std::string read_smtp_password(const MailSettings& settings);

// The From of every mail: mail.from as configured, else the own authority's
// name and address. UsageError for a malformed mail.from, FailureError when
// there is neither.
mime::Mailbox mail_sender(const MailSettings& settings, const OwnAuthority& own);

// What `config show` reports for mail.from: the sender notify send would use
// now; nothing when it cannot tell (no database yet, no authority address).
std::optional<std::string> effective_mail_from(Session& session);

} // namespace imi
