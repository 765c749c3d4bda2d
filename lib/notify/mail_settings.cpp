#include "notify/mail_settings.hpp"

#include "core/config.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "util/i18n.hpp"

#include <charconv>
#include <fstream>

namespace imi {
namespace {

// Keys that a configuration may not know yet fall back to the built-in value.
std::string text_or(const Config& config, const std::string& key, const std::string& fallback)
{
  const auto& entries = config.entries();
  const auto it = entries.find(key);
  return it == entries.end() || it->second.value.empty() ? fallback : it->second.value;
}

int integer_or(const Config& config, const std::string& key, int fallback, int min, int max)
{
  const std::string text = text_or(config, key, "");
  if (text.empty()) return fallback;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max)
    throw UsageError(_f("{} must be a whole number from {} to {}, not '{}'", key, min, max, text));
  return value;
}

} // namespace

MailSettings read_mail_settings(const Config& config)
{
  MailSettings s;
  s.transport = text_or(config, "mail.transport", s.transport);
  if (s.transport != "smtp" && s.transport != "sendmail" && s.transport != "none")
    throw UsageError(_f("mail.transport must be smtp, sendmail or none, not '{}'", s.transport));
  s.smtp_url = text_or(config, "mail.smtp_url", s.smtp_url);
  s.smtp_user = text_or(config, "mail.smtp_user", "");
  s.smtp_password_file = text_or(config, "mail.smtp_password_file", "");
  // Empty (the default): the own authority's name and address, see mail_sender.
  s.from = text_or(config, "mail.from", "");
  s.sendmail_command = text_or(config, "mail.sendmail_command", s.sendmail_command);
  s.tls = text_or(config, "mail.tls", s.tls);
  if (s.tls != "auto" && s.tls != "starttls" && s.tls != "none")
    throw UsageError(_f("mail.tls must be auto, starttls or none, not '{}'", s.tls));
  s.ca_file = text_or(config, "mail.ca_file", "");
  s.timeout_seconds = integer_or(config, "mail.timeout_seconds", s.timeout_seconds, 1, 3600);
  s.max_attempts = integer_or(config, "mail.max_attempts", s.max_attempts, 1, 100);
  return s;
}

std::string read_smtp_password(const MailSettings& settings)
{
  if (settings.smtp_password_file.empty()) return {};
  std::ifstream in(settings.smtp_password_file);
  std::string line;
  if (!in || !std::getline(in, line))
    throw FailureError(
        _f("cannot read the SMTP password from mail.smtp_password_file '{}'", settings.smtp_password_file));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

mime::Mailbox mail_sender(const MailSettings& settings, const OwnAuthority& own)
{
  if (!settings.from.empty()) {
    auto parsed = mime::parse_mailbox(settings.from);
    if (!parsed) throw UsageError(_f("mail.from is not an address or 'Name <address>': '{}'", settings.from));
    return *parsed;
  }
  if (own.email && mime::is_plausible_address(*own.email)) return {own.display_name(), *own.email};
  throw FailureError(_("no sender address: set mail.from, or the authority e-mail with "
                       "'imictl authority edit --email ADDR'"));
}

std::optional<std::string> effective_mail_from(Session& session)
{
  const MailSettings settings = read_mail_settings(session.config());
  if (!settings.from.empty()) return settings.from;
  try {
    return mime::format_mailbox(mail_sender(settings, load_own_authority(session.db())));
  } catch (const Error&) {
    return std::nullopt; // no database yet, or no usable authority address
  }
}

} // namespace imi
