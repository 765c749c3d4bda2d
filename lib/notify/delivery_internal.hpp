// What the delivery files share (delivery.cpp, delivery_attempt.cpp,
// delivery_secret.cpp): the outbox row in hand and the one-mail Deliverer. Not for other users.
#pragma once

#include "authority/own_authority.hpp"
#include "notify/delivery.hpp"
#include "notify/mail_settings.hpp"
#include "notify/mime.hpp"
#include "notify/outbox.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace imi::delivery {

// Wipes a string that held a secret before its memory is released.
void wipe(std::string& s);

struct Row {
  std::int64_t id = 0;
  std::string kind_slug;
  std::optional<std::int64_t> user_id;
  std::string recipient;
  std::optional<std::string> cc;
  std::string language, subject;
  std::optional<std::string> body;
  std::int64_t attempts = 0;
  std::string state;
};

// Delivers one due mail: claims it as `sending`, hands it over and records the
// outcome (delivery_attempt.cpp); a temporary password is made at delivery
// (delivery_secret.cpp).
class Deliverer {
public:
  Deliverer(Session& session, SQLite::Database& db, const OwnAuthority& own, const MailSettings& settings,
            mime::Mailbox from, Transport& transport)
      : session_(session), db_(db), own_(own), settings_(settings), from_(std::move(from)),
        transport_(transport)
  {
  }

  std::optional<DeliveryItem> deliver(std::int64_t id);

private:
  // Generates the temporary password, stores its hash and composes the body.
  // Returns why the mail cannot be sent, if so.
  std::optional<DeliveryOutcome> prepare_secret(const Row& row, MailKind kind, std::string& secret,
                                                std::string& body, mime::Mailbox& to);
  void finish(const Row& row, bool sent, const std::string& error, bool give_up,
              util::Instant next_attempt_at = 0);
  DeliveryItem item(const Row& row, const char* outcome, std::optional<std::string> error,
                    std::optional<std::string> next);

  Session& session_;
  SQLite::Database& db_;
  const OwnAuthority& own_;
  const MailSettings& settings_;
  mime::Mailbox from_;
  Transport& transport_;
  std::string username_; // of the mail in hand, for the audit summary
};

} // namespace imi::delivery
