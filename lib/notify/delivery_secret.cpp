// Credentials and password-reset mails get their temporary password here, at delivery: made,
// its hash stored on the user, written into the body; kept apart from the hand-off that wipes it.
#include "core/session.hpp"
#include "notify/delivery_internal.hpp"
#include "notify/templates.hpp"
#include "notify/transport_failure.hpp"
#include "users/password_hash.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sodium.h>

namespace imi::delivery {

void wipe(std::string& s)
{
  if (!s.empty()) sodium_memzero(s.data(), s.size());
  s.clear();
}

std::optional<DeliveryOutcome> Deliverer::prepare_secret(const Row& row, MailKind kind, std::string& secret,
                                                         std::string& body, mime::Mailbox& to)
{
  using transport_failure::described;
  if (!row.user_id) return described(true, N_("the user no longer exists"));
  SQLite::Statement u(db_, "SELECT username, first_name, last_name, status, password_hash IS NOT NULL "
                           "FROM user WHERE id = ?");
  u.bind(1, *row.user_id);
  if (!u.executeStep() || u.getColumn(3).getString() == "deleted")
    return described(true, N_("the user no longer exists"));
  const std::string username = u.getColumn(0).getString();
  if (kind == MailKind::credentials && u.getColumn(4).getInt() != 0)
    return described(true, N_("user {} already has a password; credentials are no longer needed"), username);
  SecretMailFields fields{u.getColumn(1).getString(), u.getColumn(2).getString(), own_.display_name(), {}};
  to.display_name = fields.first_name + " " + fields.last_name;
  secret = generate_temporary_password();
  const std::string hash =
      hash_password(secret, hash_profile(session_.config().text("security.hash_profile")));
  SQLite::Statement store(db_, "UPDATE user SET temp_password_hash = ? WHERE id = ?");
  store.bind(1, hash);
  store.bind(2, *row.user_id);
  store.exec();
  fields.temporary_password = secret;
  body = compose_secret_mail_body(kind, row.language, fields);
  wipe(fields.temporary_password);
  username_ = username;
  return std::nullopt;
}

} // namespace imi::delivery
