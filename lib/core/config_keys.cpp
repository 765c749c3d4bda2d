// The table of configuration keys (SPEC §1 "Config keys") and of the
// environment variables that set them. config show lists exactly these, and
// Config::load refuses a value outside the range given here.
#include "core/config.hpp"

namespace imi {

namespace {
// Periods in days: at least one day, at most a century, so neither "0 days"
// (deleting right at closure) nor an overflowing count gets through.
constexpr std::int64_t min_period_days = 1;
constexpr std::int64_t max_period_days = 36500;
} // namespace

const std::vector<ConfigKey>& config_keys()
{
  using T = ConfigType;
  static const std::vector<ConfigKey> keys = {
      {"database.path", T::text, "", "", 0, 0, true, "database file (default: $XDG_DATA_HOME/imictl/imi.db)"},
      // Zero waits not at all; an hour is longer than any lock imictl holds.
      {"database.busy_timeout_ms", T::integer, "5000", "", 0, 3600000, false,
       "how long to wait for a locked database"},
      {"retention.block_after", T::period, "6 months", "", min_period_days, max_period_days, false,
       "closed requests are blocked after this"},
      {"retention.delete_after", T::period, "6 months", "", min_period_days, max_period_days, false,
       "closed requests are deleted after this"},
      {"mail.transport", T::choice, "smtp", "smtp|sendmail|none", 0, 0, false,
       "how notify send delivers mail"},
      {"mail.smtp_url", T::text, "smtp://127.0.0.1:25", "", 0, 0, true, "SMTP server (smtp:// or smtps://)"},
      {"mail.smtp_user", T::text, "", "", 0, 0, false, "SMTP user name (empty: no authentication)"},
      {"mail.smtp_password_file", T::text, "", "", 0, 0, false, "file holding the SMTP password"},
      {"mail.tls", T::choice, "auto", "auto|starttls|none", 0, 0, false, "STARTTLS: try, require, or never"},
      {"mail.ca_file", T::text, "", "", 0, 0, false,
       "PEM file of CA certificates to trust for the SMTP server"},
      {"mail.from", T::text, "", "", 0, 0, false,
       "sender address or 'Name <address>' (empty: the own authority's name and e-mail)"},
      {"mail.sendmail_command", T::text, "/usr/sbin/sendmail -t -i", "", 0, 0, true,
       "program for transport sendmail"},
      {"mail.timeout_seconds", T::integer, "30", "", 1, 3600, false, "SMTP connect and transfer timeout"},
      {"mail.max_attempts", T::integer, "6", "", 1, 100, false, "attempts before a mail is marked failed"},
      // Below 8 a password is guessable whatever else the policy demands.
      {"security.password_min_length", T::integer, "12", "", 8, 256, false,
       "minimum length of a new password"},
      {"security.identity", T::choice, "personal", "personal|os", 0, 0, false,
       "who is acting: personal (--as, the OS account owning the database is trusted) or os (the linked OS "
       "account, through sudo)"},
      {"security.hash_profile", T::choice, "interactive", "interactive|moderate|min", 0, 0, false,
       "argon2id cost (min: tests only)"},
      {"security.key_file", T::text, "", "", 0, 0, false,
       "key sealing security codes (default: the database's real path + .key)"},
      {"requests.default_due_days", T::integer, "14", "", 1, 365, false,
       "days to answer an incoming request"},
      {"requests.max_attachment_mb", T::integer, "10", "", 1, 1024, false,
       "largest file request attach stores"},
      {"requests.remind_days", T::integer, "3", "", 0, 365, false,
       "request remind mails about requests due within this many days"},
  };
  return keys;
}

const std::vector<ConfigEnvVar>& config_env_vars()
{
  static const std::vector<ConfigEnvVar> vars = {
      {"IMICTL_DB", "database.path"},
      {"IMICTL_HASH_PROFILE", "security.hash_profile"},
  };
  return vars;
}

} // namespace imi
