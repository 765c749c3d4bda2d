// The table of configuration keys (SPEC §1 "Config keys") and of the
// environment variables that set them. config show lists exactly these.
#include "core/config.hpp"

namespace imi {

const std::vector<ConfigKey>& config_keys()
{
  static const std::vector<ConfigKey> keys = {
      {"database.path", ConfigType::text, "", "", "database file (default: $XDG_DATA_HOME/imictl/imi.db)"},
      {"database.busy_timeout_ms", ConfigType::integer, "5000", "", "how long to wait for a locked database"},
      {"retention.block_after", ConfigType::period, "6 months", "", "closed requests are blocked after this"},
      {"retention.delete_after", ConfigType::period, "6 months", "",
       "closed requests are deleted after this"},
      {"mail.transport", ConfigType::choice, "smtp", "smtp|sendmail|none", "how notify send delivers mail"},
      {"mail.smtp_url", ConfigType::text, "smtp://127.0.0.1:25", "", "SMTP server (smtp:// or smtps://)"},
      {"mail.smtp_user", ConfigType::text, "", "", "SMTP user name (empty: no authentication)"},
      {"mail.smtp_password_file", ConfigType::text, "", "", "file holding the SMTP password"},
      {"mail.tls", ConfigType::choice, "auto", "auto|starttls|none", "STARTTLS: try, require, or never"},
      {"mail.ca_file", ConfigType::text, "", "", "PEM file of CA certificates to trust for the SMTP server"},
      {"mail.from", ConfigType::text, "imictl@localhost", "", "sender address"},
      {"mail.sendmail_command", ConfigType::text, "/usr/sbin/sendmail -t -i", "",
       "program for transport sendmail"},
      {"mail.timeout_seconds", ConfigType::integer, "30", "", "SMTP connect and transfer timeout"},
      {"mail.max_attempts", ConfigType::integer, "6", "", "attempts before a mail is marked failed"},
      {"security.password_min_length", ConfigType::integer, "12", "", "minimum length of a new password"},
      {"security.identity", ConfigType::choice, "personal", "personal|os",
       "who is acting: personal (--as, the OS account owning the database is trusted) or os (the linked OS "
       "account, through sudo)"},
      {"security.hash_profile", ConfigType::choice, "interactive", "interactive|moderate|min",
       "argon2id cost (min: tests only)"},
      {"security.key_file", ConfigType::text, "", "",
       "key sealing security codes (default: database path + .key)"},
      {"requests.default_due_days", ConfigType::integer, "14", "", "days to answer an incoming request"},
      {"requests.max_attachment_mb", ConfigType::integer, "10", "", "largest file request attach stores"},
      {"requests.remind_days", ConfigType::integer, "3", "",
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
