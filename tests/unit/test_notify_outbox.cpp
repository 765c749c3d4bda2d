#include "access/actor.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "notify/credentials.hpp"
#include "notify/outbox.hpp"
#include "notify_fixture.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("notify::enqueue_user_mail")
{
  test::MailFixture f;
  const auto nl = f.add_user("zdevries", "nl", "2026-01-01T10:00:00Z");
  const auto en = f.add_user("jsmith", "en", "2026-01-01T10:00:00Z");
  auto s = f.session("2026-01-02T10:00:00Z");
  auto& db = s->db(Access::read_write);

  SUBCASE("secret mails: recipient, cc, language, subject, no body")
  {
    WriteTransaction tx(db);
    const auto id = enqueue_user_mail(*s, nl, MailKind::credentials);
    const auto id2 = enqueue_user_mail(*s, en, MailKind::password_reset);
    tx.commit();
    const auto where = " FROM outbox WHERE id = " + std::to_string(id);
    CHECK(f.scalar("SELECT recipient" + where) == "zdevries@oeteldonk.nl");
    CHECK(f.scalar("SELECT cc" + where) == "imi@oeteldonk.nl");
    CHECK(f.scalar("SELECT language" + where) == "nl");
    CHECK(f.scalar("SELECT subject" + where) == "Uw tijdelijke wachtwoord voor IMI (Gemeente Oeteldonk)");
    CHECK(f.scalar("SELECT body" + where) == "NULL");
    CHECK(f.scalar("SELECT state" + where) == "pending");
    CHECK(f.scalar("SELECT kind" + where) == "credentials");
    CHECK(f.scalar("SELECT language FROM outbox WHERE id = " + std::to_string(id2)) == "en");
    CHECK(f.scalar("SELECT kind FROM outbox WHERE id = " + std::to_string(id2)) == "password_reset");
  }
  SUBCASE("a newer secret mail replaces the unsent older one")
  {
    WriteTransaction tx(db);
    enqueue_user_mail(*s, nl, MailKind::credentials);
    const auto second = enqueue_user_mail(*s, nl, MailKind::password_reset);
    tx.commit();
    CHECK(f.scalar("SELECT count(*) FROM outbox WHERE user_id = " + std::to_string(nl)) == "1");
    CHECK(f.scalar("SELECT id FROM outbox WHERE user_id = " + std::to_string(nl)) == std::to_string(second));
  }
  SUBCASE("a message keeps its body; no cc when the authority address is the recipient")
  {
    WriteTransaction tx(db);
    const auto id = enqueue_user_mail(*s, nl, MailKind::message, "Nieuw verzoek", "Er is een verzoek.");
    const auto to_authority = enqueue_mail(*s, "IMI@oeteldonk.nl", "nl", "Nieuw verzoek", "Tekst");
    tx.commit();
    CHECK(f.scalar("SELECT body FROM outbox WHERE id = " + std::to_string(id)) == "Er is een verzoek.");
    CHECK(f.scalar("SELECT cc FROM outbox WHERE id = " + std::to_string(to_authority)) == "NULL");
  }
  SUBCASE("bad input")
  {
    WriteTransaction tx(db);
    CHECK_THROWS_AS(enqueue_user_mail(*s, 999, MailKind::credentials), NotFoundError);
    CHECK_THROWS_AS(enqueue_user_mail(*s, nl, MailKind::message, "subject", ""), InvalidInputError);
    CHECK_THROWS_AS(enqueue_user_mail(*s, nl, MailKind::credentials, "", "secret body"), InvalidInputError);
    CHECK_THROWS_AS(enqueue_mail(*s, "not an address", "nl", "s", "b"), InvalidInputError);
  }
  SUBCASE("no cc when the authority has no address")
  {
    f.exec("UPDATE authority SET email = NULL WHERE is_own = 1");
    WriteTransaction tx(db);
    const auto id = enqueue_user_mail(*s, nl, MailKind::credentials);
    tx.commit();
    CHECK(f.scalar("SELECT cc FROM outbox WHERE id = " + std::to_string(id)) == "NULL");
  }
}

TEST_CASE("notify::issue_credentials")
{
  test::MailFixture f;
  f.add_user("early", "nl", "2026-01-01T10:00:00Z");
  f.add_user("late", "en", "2026-01-02T09:00:01Z");
  const auto active = f.add_user("active", "nl", "2026-01-01T10:00:00Z");
  f.exec("UPDATE user SET status = 'active', password_hash = 'x' WHERE id = " + std::to_string(active));

  SUBCASE("24-hour rule, dry run, idempotence")
  {
    // aadmin was created 2026-01-01T09:00:00Z by the fixture.
    auto s = f.session("2026-01-02T10:00:00Z");
    const IssueResult dry = issue_credentials(*s, system_actor(*s), true);
    CHECK(dry.usernames == std::vector<std::string>{"aadmin", "early"});
    CHECK(f.scalar("SELECT count(*) FROM outbox") == "0");

    const IssueResult result = issue_credentials(*s, system_actor(*s), false);
    CHECK(result.usernames == std::vector<std::string>{"aadmin", "early"});
    CHECK(result.outbox_ids.size() == 2);
    CHECK(f.scalar("SELECT credentials_queued_at FROM user WHERE username = 'early'") ==
          "2026-01-02T10:00:00Z");
    CHECK(f.scalar("SELECT credentials_queued_at FROM user WHERE username = 'late'") == "NULL");
    CHECK(
        f.scalar("SELECT count(*) FROM audit WHERE action = 'user.issue-credentials' AND actor = 'system'") ==
        "2");

    CHECK(issue_credentials(*s, system_actor(*s), false).usernames.empty());
    CHECK(f.scalar("SELECT count(*) FROM outbox") == "2");

    auto later = f.session("2026-01-03T09:00:01Z");
    CHECK(issue_credentials(*later, system_actor(*later), false).usernames ==
          std::vector<std::string>{"late"});
    CHECK(f.scalar("SELECT count(*) FROM outbox WHERE kind = 'credentials'") == "3");
  }
}

TEST_CASE("notify::retry_failed_mail")
{
  test::MailFixture f;
  const auto u = f.add_user("zdevries", "nl", "2026-01-01T10:00:00Z");
  f.exec(
      "INSERT INTO outbox (created_at, kind, user_id, recipient, subject, state, attempts, next_attempt_at, "
      "last_error) VALUES ('2026-01-01T10:00:00Z', 'credentials', " +
      std::to_string(u) + ", 'z@x.nl', 's', 'failed', 6, '2026-01-01T10:00:00Z', 'boom')");
  f.exec("INSERT INTO outbox (created_at, kind, recipient, subject, body, state, next_attempt_at) VALUES "
         "('2026-01-01T10:00:00Z', 'message', 'z@x.nl', 's', 'b', 'sent', '2026-01-01T10:00:00Z')");
  SUBCASE("an lda requeues")
  {
    auto s = f.session("2026-01-02T10:00:00Z", "aadmin");
    CHECK(retry_failed_mail(*s, identify(*s), {}, true) == std::vector<std::int64_t>{1});
    CHECK(f.scalar("SELECT state || ' ' || attempts || ' ' || next_attempt_at FROM outbox WHERE id = 1") ==
          "pending 0 2026-01-02T10:00:00Z");
    CHECK(f.scalar("SELECT count(*) FROM audit WHERE action = 'mail.retry' AND actor = 'aadmin'") == "1");
  }
  SUBCASE("only failed mail, only known ids")
  {
    auto s = f.session("2026-01-02T10:00:00Z", "aadmin");
    CHECK_THROWS_AS(retry_failed_mail(*s, identify(*s), {2}, false), ConflictError);
    CHECK_THROWS_AS(retry_failed_mail(*s, identify(*s), {9}, false), NotFoundError);
    CHECK(f.scalar("SELECT state FROM outbox WHERE id = 1") == "failed");
  }
  SUBCASE("a user without lda may not")
  {
    f.exec("UPDATE user SET status = 'active' WHERE id = " + std::to_string(u));
    auto s = f.session("2026-01-02T10:00:00Z", "zdevries");
    CHECK_THROWS_AS(retry_failed_mail(*s, identify(*s), {1}, false), PermissionError);
  }
}
