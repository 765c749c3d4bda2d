#include "access/actor.hpp"
#include "core/error.hpp"
#include "notify/credentials.hpp"
#include "notify/delivery.hpp"
#include "notify_fixture.hpp"
#include "users/password_hash.hpp"

#include <doctest/doctest.h>
#include <regex>

using namespace imi;

namespace {

// Records what it is handed; fails while `failing` is set, for good when
// `permanent` is set too.
class FakeTransport : public Transport {
public:
  std::vector<std::pair<MailEnvelope, std::string>> delivered;
  bool failing = false, permanent = false;
  std::string describe() const override { return "fake"; }
  DeliveryOutcome deliver(const MailEnvelope& e, const std::string& message) override
  {
    if (failing && permanent) return {false, "fake: server replied 550 (permanent failure)", true};
    if (failing) return {false, "fake: 451 try again later"};
    delivered.emplace_back(e, message);
    return {true, {}};
  }
};

std::string password_in(const std::string& message)
{
  std::smatch m;
  const std::regex pattern("\r\n    ([A-Za-z0-9]{16})\r\n");
  return std::regex_search(message, m, pattern) ? m[1].str() : std::string();
}

} // namespace

TEST_CASE("notify::deliver_outbox")
{
  test::MailFixture f;
  const auto zoe = f.add_user("zdevries", "nl", "2026-01-01T10:00:00Z");
  {
    auto s = f.session("2026-01-02T10:00:00Z");
    issue_credentials(*s, system_actor(*s), false); // aadmin and zdevries
  }
  FakeTransport transport;

  SUBCASE("credentials: fresh password, hash stored, plaintext nowhere in the database")
  {
    auto s = f.session("2026-01-02T10:05:00Z");
    const DeliveryReport r = deliver_outbox(*s, system_actor(*s), {}, &transport);
    CHECK(r.sent == 2);
    CHECK_FALSE(r.any_failure());
    REQUIRE(transport.delivered.size() == 2);
    const auto& [envelope, message] = transport.delivered[1];
    CHECK(envelope.mail_from == "imi@oeteldonk.nl");
    CHECK(envelope.recipients == std::vector<std::string>{"zdevries@oeteldonk.nl", "imi@oeteldonk.nl"});
    CHECK(message.find("Cc: Gemeente Oeteldonk <imi@oeteldonk.nl>") != std::string::npos);
    CHECK(message.find("Beste Zo=C3=AB de Vries") != std::string::npos);
    CHECK(message.find("zdevries\r\n") == std::string::npos); // the username travels outside the system
    const std::string password = password_in(message);
    REQUIRE(password.size() == 16);
    const std::string hash =
        f.scalar("SELECT temp_password_hash FROM user WHERE id = " + std::to_string(zoe));
    CHECK(verify_password(hash, password));
    CHECK(f.scalar("SELECT credentials_issued_at FROM user WHERE id = " + std::to_string(zoe)) ==
          "2026-01-02T10:05:00Z");
    CHECK(f.scalar("SELECT count(*) FROM outbox WHERE state = 'sent' AND sent_at = '2026-01-02T10:05:00Z'") ==
          "2");
    for (const char* sql :
         {"SELECT group_concat(coalesce(body, '') || subject) FROM outbox",
          "SELECT group_concat(summary) FROM audit", "SELECT group_concat(temp_password_hash) FROM user"})
      CHECK(f.scalar(sql).find(password) == std::string::npos);
    CHECK(f.scalar("SELECT count(*) FROM audit WHERE action = 'mail.sent' AND actor = 'system'") == "2");

    // Nothing is sent twice.
    auto again = f.session("2026-01-02T11:00:00Z");
    CHECK(deliver_outbox(*again, system_actor(*again), {}, &transport).items.empty());
    CHECK(transport.delivered.size() == 2);
  }

  SUBCASE("a failed hand-off is retried with backoff, then marked failed")
  {
    transport.failing = true;
    f.exec("UPDATE outbox SET state = 'sent' WHERE user_id <> " + std::to_string(zoe));
    const char* times[] = {"2026-01-02T10:00:00Z", "2026-01-02T10:01:00Z", "2026-01-02T10:06:00Z",
                           "2026-01-02T10:36:00Z", "2026-01-02T12:36:00Z", "2026-01-02T18:36:00Z"};
    const char* next[] = {"2026-01-02T10:01:00Z", "2026-01-02T10:06:00Z", "2026-01-02T10:36:00Z",
                          "2026-01-02T12:36:00Z", "2026-01-02T18:36:00Z"};
    for (int attempt = 0; attempt < 6; ++attempt) {
      CAPTURE(attempt);
      // Not due a second before its time.
      if (attempt > 0) {
        const auto early = util::format_iso8601(*util::parse_iso8601(times[attempt]) - 1);
        auto s = f.session(early);
        CHECK(deliver_outbox(*s, system_actor(*s), {}, &transport).items.empty());
      }
      auto s = f.session(times[attempt]);
      const DeliveryReport r = deliver_outbox(*s, system_actor(*s), {}, &transport);
      REQUIRE(r.items.size() == 1);
      CHECK(r.any_failure());
      CHECK(r.items[0].error == "fake: 451 try again later");
      if (attempt < 5) {
        CHECK(r.items[0].outcome == "deferred");
        CHECK(f.scalar("SELECT next_attempt_at FROM outbox WHERE state = 'pending'") == next[attempt]);
      } else {
        CHECK(r.items[0].outcome == "failed");
      }
    }
    CHECK(f.scalar("SELECT state || ' ' || attempts || ' ' || last_error FROM outbox WHERE user_id = " +
                   std::to_string(zoe)) == "failed 6 fake: 451 try again later");
    CHECK(f.scalar("SELECT credentials_issued_at FROM user WHERE id = " + std::to_string(zoe)) == "NULL");
  }

  SUBCASE("a permanent refusal is failed at once, not retried")
  {
    transport.failing = transport.permanent = true;
    f.exec("UPDATE outbox SET state = 'sent' WHERE user_id <> " + std::to_string(zoe));
    auto s = f.session("2026-01-02T10:00:00Z");
    const DeliveryReport r = deliver_outbox(*s, system_actor(*s), {}, &transport);
    REQUIRE(r.items.size() == 1);
    CHECK(r.items[0].outcome == "failed");
    CHECK(r.failed == 1);
    CHECK(f.scalar("SELECT state || ' ' || attempts || ' ' || last_error FROM outbox WHERE user_id = " +
                   std::to_string(zoe)) == "failed 1 fake: server replied 550 (permanent failure)");
    CHECK(f.scalar("SELECT count(*) FROM audit WHERE action = 'mail.failed'") == "1");
    CHECK(f.scalar("SELECT count(*) FROM audit WHERE action = 'mail.deferred'") == "0");
    auto later = f.session("2026-01-03T10:00:00Z");
    CHECK(deliver_outbox(*later, system_actor(*later), {}, &transport).items.empty());
  }

  SUBCASE("a row left in 'sending' is failed and reported, never resent")
  {
    f.exec("UPDATE outbox SET state = 'sending', attempts = 1 WHERE user_id = " + std::to_string(zoe));
    auto s = f.session("2026-01-02T10:05:00Z");
    const DeliveryReport r = deliver_outbox(*s, system_actor(*s), {}, &transport);
    CHECK(r.interrupted == 1);
    CHECK(r.sent == 1); // the other, unaffected mail
    CHECK(r.any_failure());
    CHECK(transport.delivered.size() == 1);
    CHECK(f.scalar("SELECT state || ': ' || last_error FROM outbox WHERE user_id = " + std::to_string(zoe)) ==
          std::string("failed: ") + interrupted_delivery_error);
    CHECK(f.scalar("SELECT count(*) FROM audit WHERE action = 'mail.interrupted'") == "1");
    auto again = f.session("2026-01-02T11:00:00Z");
    CHECK(deliver_outbox(*again, system_actor(*again), {}, &transport).items.empty());
  }

  SUBCASE("dry run and limit")
  {
    auto s = f.session("2026-01-02T10:05:00Z");
    const DeliveryReport dry = deliver_outbox(*s, system_actor(*s), {0, true}, &transport);
    CHECK(dry.due == 2);
    CHECK(transport.delivered.empty());
    CHECK(f.scalar("SELECT count(*) FROM outbox WHERE state = 'pending' AND attempts = 0") == "2");
    const DeliveryReport one = deliver_outbox(*s, system_actor(*s), {1, false}, &transport);
    CHECK(one.sent == 1);
    CHECK(f.scalar("SELECT count(*) FROM outbox WHERE state = 'pending'") == "1");
  }

  SUBCASE("credentials for a user who has a password meanwhile are not sent")
  {
    f.exec("UPDATE user SET password_hash = 'x', status = 'active' WHERE id = " + std::to_string(zoe));
    auto s = f.session("2026-01-02T10:05:00Z");
    const DeliveryReport r = deliver_outbox(*s, system_actor(*s), {}, &transport);
    CHECK(r.failed == 1);
    CHECK(transport.delivered.size() == 1);
    CHECK(f.scalar("SELECT last_error FROM outbox WHERE user_id = " + std::to_string(zoe)) ==
          "user zdevries already has a password; credentials are no longer needed");
  }
}
