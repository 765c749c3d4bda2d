// The texts of the mails that carry a secret, in Dutch and English. They are
// composed only at delivery time (notify send), in memory, so the temporary
// password never reaches the database, the outbox or the audit log.
#pragma once

#include "notify/outbox.hpp"

#include <string>
#include <string_view>

namespace imi {

// The language a mail is written in: "nl" for Dutch, "en" for everything
// else (the two languages the texts exist in).
std::string mail_language(std::string_view user_language);

// Subject of a credentials or password-reset mail; stored in the outbox when
// the mail is queued (it carries no secret).
std::string secret_mail_subject(MailKind kind, std::string_view language, std::string_view authority_name);

struct SecretMailFields {
  std::string first_name;
  std::string last_name;
  std::string authority_name;
  std::string temporary_password;
};

// The body. Guide H6.1: the username travels outside the system, so the mail
// carries only the temporary password and how to activate the account.
std::string compose_secret_mail_body(MailKind kind, std::string_view language,
                                     const SecretMailFields& fields);

} // namespace imi
