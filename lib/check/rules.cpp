// The rules of `imictl check`, one small function each, in the order the
// report lists them. Users marked deleted never count.
#include "check/check.hpp"
#include "check/request_rules.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::int64_t count(const CheckContext& c, const char* sql)
{
  SQLite::Statement q(c.db, sql);
  q.bind(1, c.authority.id);
  return q.executeStep() ? q.getColumn(0).getInt64() : 0;
}

std::vector<std::string> usernames(const CheckContext& c, const char* sql)
{
  SQLite::Statement q(c.db, sql);
  q.bind(1, c.authority.id);
  std::vector<std::string> out;
  while (q.executeStep())
    out.push_back(q.getColumn(0).getString());
  return out;
}

// "a, b, c and 4 more"
std::string name_list(const std::vector<std::string>& names)
{
  constexpr size_t shown = 5;
  if (names.size() <= shown) return util::join(names, ", ");
  std::vector<std::string> head(names.begin(), names.begin() + shown);
  // TRANSLATORS: the end of a shortened list: "a, b, c, d, e and 4 more".
  return _f("{} and {} more", util::join(head, ", "), names.size() - shown);
}

std::string quoted(const std::string& s)
{
  return "'" + s + "'";
}

constexpr const char* active_ldas = "SELECT u.username FROM user u JOIN user_role r ON r.user_id = u.id "
                                    "WHERE u.authority_id = ? AND r.role = 'lda' "
                                    "AND u.status IN ('pending', 'active') ORDER BY u.username";

std::vector<RuleHit> no_lda(const CheckContext& c)
{
  if (!usernames(c, active_ldas).empty()) return {};
  return {{_("no local data administrator can act: nobody can manage users or reset passwords"),
           "imictl role grant USER lda"}};
}

std::vector<RuleHit> single_lda(const CheckContext& c)
{
  const auto ldas = usernames(c, active_ldas);
  if (ldas.size() != 1) return {};
  // Propose a concrete colleague when there is one.
  const auto others =
      usernames(c, "SELECT username FROM user u WHERE authority_id = ? AND status IN ('pending', 'active') "
                   "AND NOT EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id "
                   "AND r.role = 'lda') ORDER BY username LIMIT 1");
  return {
      {_f("{} is the only local data administrator; the guide advises at least two, the second as back-up",
          ldas.front()),
       fmt::format("imictl role grant {} lda", others.empty() ? "USER" : others.front())}};
}

std::vector<RuleHit> single_user(const CheckContext& c)
{
  if (count(c, "SELECT count(*) FROM user WHERE authority_id = ? AND status <> 'deleted'") > 1) return {};
  return {{_("the authority has only one user; have more than one, for absences"),
           "imictl user add --first-name F --last-name L --email ADDR --language nl --role lda"}};
}

std::vector<RuleHit> no_authority_email(const CheckContext& c)
{
  if (c.authority.email) return {};
  return {{_("the authority has no e-mail address: it gets a cc of every mail and the notice of every new "
             "request"),
           "imictl authority edit --email ADDR"}};
}

std::vector<RuleHit> no_informal_name(const CheckContext& c)
{
  if (c.authority.informal_name) return {};
  return {{_("the authority has no informal name; give one that says what kind of authority it is "
             "(municipality, inspectorate, ...)"),
           "imictl authority edit --informal-name NAME"}};
}

std::vector<RuleHit> abbreviated_informal_name(const CheckContext& c)
{
  if (!c.authority.informal_name) return {};
  const auto found = abbreviations_in(*c.authority.informal_name);
  if (found.empty()) return {};
  std::vector<std::string> words;
  for (const auto& w : found)
    words.push_back(quoted(w));
  return {{_f("the informal name {} contains {}, which looks like an abbreviation; write it out so "
              "authorities abroad understand it",
              quoted(*c.authority.informal_name), util::join(words, ", ")),
           "imictl authority edit --informal-name NAME"}};
}

std::vector<RuleHit> handler_without_services(const CheckContext& c)
{
  std::vector<RuleHit> hits;
  for (const auto& name : usernames(
           c, "SELECT u.username FROM user u JOIN user_role r ON r.user_id = u.id AND r.role = 'handler' "
              "WHERE u.authority_id = ? AND u.status <> 'deleted' AND NOT EXISTS "
              "(SELECT 1 FROM user_service s WHERE s.user_id = u.id) ORDER BY u.username"))
    hits.push_back({_f("handler {} has no services selected and receives no requests", name),
                    fmt::format("imictl role grant {} handler --service KEYWORD", name)});
  return hits;
}

constexpr const char* allocators =
    "SELECT u.username FROM user u JOIN user_role r ON r.user_id = u.id "
    "WHERE u.authority_id = ? AND r.role = 'allocator' AND u.status <> 'deleted' "
    "ORDER BY u.username";

std::vector<RuleHit> allocation_without_allocators(const CheckContext& c)
{
  if (!c.authority.allocation || !usernames(c, allocators).empty()) return {};
  return {{_("allocation is on but nobody is an allocator: new requests reach no one who can assign them"),
           "imictl role grant USER allocator"}};
}

std::vector<RuleHit> allocators_without_allocation(const CheckContext& c)
{
  const auto names = usernames(c, allocators);
  if (c.authority.allocation || names.empty()) return {};
  return {{_f("allocation is off, so the allocator role of {} has no effect", name_list(names)),
           "imictl authority settings --allocation on"}};
}

constexpr const char* handler_count =
    "SELECT count(*) FROM user u JOIN user_role r ON r.user_id = u.id "
    "WHERE u.authority_id = ? AND r.role = 'handler' AND u.status <> 'deleted'";

std::vector<RuleHit> many_handlers_without_allocation(const CheckContext& c)
{
  if (c.authority.allocation) return {};
  const auto handlers = count(c, handler_count);
  if (handlers < 6) return {};
  return {{_n("{} handler receives every new request; with allocation, allocators assign each request to the "
              "right handlers",
              "{} handlers all receive every new request; with allocation, allocators assign each request to "
              "the right handlers",
              static_cast<unsigned long>(handlers), handlers),
           "imictl authority settings --allocation on"}};
}

std::vector<RuleHit> departments_without_allocation(const CheckContext& c)
{
  if (c.authority.allocation) return {};
  const auto departments = count(c, "SELECT count(*) FROM department WHERE authority_id = ?");
  if (departments < 2) return {};
  return {{_n("{} department works with IMI without allocation; allocation is strongly advised when several "
              "departments do",
              "{} departments work with IMI without allocation; allocation is strongly advised when several "
              "departments do",
              static_cast<unsigned long>(departments), departments),
           "imictl authority settings --allocation on"}};
}

std::vector<RuleHit> credentials_overdue(const CheckContext& c)
{
  SQLite::Statement q(c.db,
                      "SELECT username, created_at FROM user WHERE authority_id = ? AND status = 'pending' "
                      "AND password_hash IS NULL AND credentials_queued_at IS NULL ORDER BY username");
  q.bind(1, c.authority.id);
  std::vector<std::string> names;
  while (q.executeStep()) {
    const auto created = util::parse_iso8601(q.getColumn(1).getString());
    if (created && c.now - *created > 24 * 3600) names.push_back(q.getColumn(0).getString());
  }
  if (names.empty()) return {};
  return {{_n("{} user is pending for more than 24 hours without credentials: {}",
              "{} users are pending for more than 24 hours without credentials: {}", names.size(),
              names.size(), name_list(names)),
           "imictl user issue-credentials"}};
}

std::vector<RuleHit> mail_stuck(const CheckContext& c)
{
  SQLite::Statement q(c.db,
                      "SELECT created_at FROM outbox WHERE state IN ('pending', 'sending') ORDER BY id");
  std::int64_t stuck = 0;
  std::string oldest;
  while (q.executeStep()) {
    const std::string created_at = q.getColumn(0).getString();
    const auto created = util::parse_iso8601(created_at);
    if (created && c.now - *created > 3600) {
      if (stuck++ == 0) oldest = created_at;
    }
  }
  if (stuck == 0) return {};
  return {{_n("{} mail is waiting in the outbox for more than an hour (oldest queued {}); is "
              "`imictl notify send` run from cron, and does mail.* reach the mail server?",
              "{} mails are waiting in the outbox for more than an hour (oldest queued {}); is "
              "`imictl notify send` run from cron, and does mail.* reach the mail server?",
              static_cast<unsigned long>(stuck), stuck, oldest),
           "imictl notify send"}};
}

std::vector<RuleHit> mail_failed(const CheckContext& c)
{
  SQLite::Statement q(c.db, "SELECT id FROM outbox WHERE state = 'failed' ORDER BY id");
  std::vector<std::string> ids;
  while (q.executeStep())
    ids.push_back(std::to_string(q.getColumn(0).getInt64()));
  if (ids.empty()) return {};
  return {{_n("{} mail was not delivered (outbox id {}); see `imictl notify list --failed`",
              "{} mails were not delivered (outbox id {}); see `imictl notify list --failed`", ids.size(),
              ids.size(), name_list(ids)),
           "imictl notify retry --all-failed"}};
}

} // namespace

const std::vector<CheckRule>& check_rules()
{
  static const std::vector<CheckRule> rules = {
      {"no-authority-email", Severity::error, "H2.2", "the authority has no e-mail address",
       no_authority_email},
      {"no-informal-name", Severity::suggestion, "H2.2", "the authority has no informal name",
       no_informal_name},
      {"abbreviated-informal-name", Severity::warning, "H2.2",
       "the informal name contains an all-caps word of two or more letters", abbreviated_informal_name},
      {"single-user", Severity::warning, "H1.2", "the authority has only one user", single_user},
      {"no-lda", Severity::error, "H5 stap 2.3, H6.2", "no pending or active local data administrator",
       no_lda},
      {"single-lda", Severity::warning, "H5 stap 2.3, H6.2", "only one local data administrator", single_lda},
      {"handler-without-services", Severity::error, "H6.2", "a handler has no services selected",
       handler_without_services},
      {"allocation-without-allocators", Severity::error, "H6.3, B3",
       "allocation is on but there is no allocator", allocation_without_allocators},
      {"allocators-without-allocation", Severity::warning, "H6.3, B3",
       "allocators exist but allocation is off", allocators_without_allocation},
      {"many-handlers-without-allocation", Severity::suggestion, "B3",
       "6 or more handlers and allocation is off", many_handlers_without_allocation},
      {"departments-without-allocation", Severity::suggestion, "B3",
       "2 or more departments and allocation is off", departments_without_allocation},
      {"credentials-overdue", Severity::warning, "H6.1",
       "users pending for more than 24 hours whose credentials were never queued", credentials_overdue},
      {"mail-stuck", Severity::warning, "H2.2, H6.1", "mail pending or sending for more than an hour",
       mail_stuck},
      {"mail-failed", Severity::error, "H2.2, H6.1", "mail that could not be delivered", mail_failed},
      {"overdue-incoming-requests", Severity::warning, "B2",
       "requests received from other authorities past their due date", request_checks::overdue_incoming},
      {"sent-without-motivation", Severity::warning, "B2", "requests sent without a motivation",
       request_checks::sent_without_motivation},
      {"unassigned-requests", Severity::error, "B3, H6.3",
       "allocation is on and requests received more than 2 days ago are assigned to no handler",
       request_checks::unassigned_with_allocation},
  };
  return rules;
}

} // namespace imi
