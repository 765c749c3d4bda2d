#include "check/check.hpp"
#include "core/database.hpp"
#include "notify_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace imi;

namespace {

std::vector<std::string> codes(test::MailFixture& f, const std::string& now)
{
  auto s = f.session(now);
  std::vector<std::string> out;
  for (const auto& finding : run_checks(s->db(), s->now()))
    out.push_back(finding.code);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& code)
{
  return std::find(v.begin(), v.end(), code) != v.end();
}

} // namespace

TEST_CASE("check::run_checks")
{
  test::MailFixture f;
  const std::string now = "2026-01-01T09:30:00Z";

  SUBCASE("a fresh database: one user, one lda, warnings only")
  {
    const auto c = codes(f, now);
    CHECK(has(c, "single-user"));
    CHECK(has(c, "single-lda"));
    CHECK_FALSE(has(c, "handler-without-services"));
    CHECK(has(c, "no-informal-name"));
    CHECK_FALSE(has(c, "no-authority-email"));
    CHECK_FALSE(has(c, "credentials-overdue"));
    auto s = f.session(now);
    CHECK_FALSE(has_errors(run_checks(s->db(), s->now())));
    f.exec("INSERT INTO user_role VALUES (1, 'handler')");
    CHECK(has(codes(f, now), "handler-without-services"));
  }
  SUBCASE("a set-up that follows the advice has no findings")
  {
    f.exec("UPDATE authority SET informal_name = 'Gemeente Oeteldonk'");
    f.exec("INSERT INTO user_service VALUES (1, 'construction')");
    f.add_user("second", "nl", "2026-01-01T09:10:00Z", "lda");
    const auto c = codes(f, now);
    CHECK(c.empty());
  }
  SUBCASE("authority data")
  {
    f.exec("UPDATE authority SET email = NULL, informal_name = 'VROM-inspectie'");
    const auto c = codes(f, now);
    CHECK(has(c, "no-authority-email"));
    CHECK(has(c, "abbreviated-informal-name"));
  }
  SUBCASE("allocation")
  {
    f.exec("UPDATE authority SET allocation = 1");
    CHECK(has(codes(f, now), "allocation-without-allocators"));
    f.exec("UPDATE authority SET allocation = 0");
    f.add_user("alloc", "nl", now, "allocator");
    CHECK(has(codes(f, now), "allocators-without-allocation"));
    for (int i = 0; i < 6; ++i)
      f.add_user("h" + std::to_string(i), "nl", now, "handler");
    CHECK(has(codes(f, now), "many-handlers-without-allocation"));
    f.exec("INSERT INTO department (authority_id, name) VALUES (1, 'Bouw'), (1, 'Energie')");
    CHECK(has(codes(f, now), "departments-without-allocation"));
    f.exec("UPDATE authority SET allocation = 1");
    const auto c = codes(f, now);
    CHECK_FALSE(has(c, "many-handlers-without-allocation"));
    CHECK_FALSE(has(c, "allocation-without-allocators"));
  }
  SUBCASE("no lda at all")
  {
    f.exec("DELETE FROM user_role WHERE role = 'lda'");
    const auto c = codes(f, now);
    CHECK(has(c, "no-lda"));
    CHECK_FALSE(has(c, "single-lda"));
  }
  SUBCASE("credentials and mail over time")
  {
    f.exec("UPDATE user SET status = 'active', password_hash = 'x' WHERE username = 'aadmin'");
    f.add_user("zdevries", "nl", "2026-01-01T10:00:00Z");
    CHECK_FALSE(has(codes(f, "2026-01-02T10:00:00Z"), "credentials-overdue"));
    CHECK(has(codes(f, "2026-01-02T10:00:01Z"), "credentials-overdue"));
    f.exec("INSERT INTO outbox (created_at, kind, recipient, subject, body, next_attempt_at) VALUES "
           "('2026-01-02T10:00:00Z', 'message', 'a@b.nl', 's', 'b', '2026-01-02T10:00:00Z')");
    CHECK_FALSE(has(codes(f, "2026-01-02T11:00:00Z"), "mail-stuck"));
    CHECK(has(codes(f, "2026-01-02T11:00:01Z"), "mail-stuck"));
    f.exec("UPDATE outbox SET state = 'failed'");
    const auto c = codes(f, "2026-01-02T11:00:01Z");
    CHECK(has(c, "mail-failed"));
    CHECK_FALSE(has(c, "mail-stuck"));
  }
  SUBCASE("every finding names a section and a command")
  {
    f.exec("UPDATE authority SET email = NULL, informal_name = 'VROM-inspectie', allocation = 1");
    auto s = f.session(now);
    for (const auto& finding : run_checks(s->db(), s->now())) {
      CHECK_FALSE(finding.guide_section.empty());
      CHECK(finding.fix.rfind("imictl ", 0) == 0);
    }
  }
}

TEST_CASE("check::check_rules")
{
  std::vector<std::string> seen;
  for (const auto& rule : check_rules()) {
    CHECK_FALSE(has(seen, rule.code)); // codes are unique
    seen.push_back(rule.code);
  }
  CHECK(seen.size() >= 12);
}
