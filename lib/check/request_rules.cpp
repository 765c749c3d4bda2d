// Findings name requests by reference only: a reference is not personal data,
// and `check` may be run by any user of the authority. Fictitious (practice)
// requests never make a finding.
#include "check/request_rules.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi::request_checks {
namespace {

// The references a query finds, in its order; `at` is bound to :at.
std::vector<std::string> references(const CheckContext& c, const char* sql, const std::string& at = {})
{
  SQLite::Statement q(c.db, sql);
  q.bind(":a", c.authority.id);
  if (q.getIndex(":at")) q.bind(":at", at);
  std::vector<std::string> refs;
  while (q.executeStep())
    refs.push_back(q.getColumn(0).getString());
  return refs;
}

// "NL-2026-000001, NL-2026-000002 and 3 more"
std::string some(const std::vector<std::string>& refs)
{
  constexpr size_t shown = 5;
  if (refs.size() <= shown) return util::join(refs, ", ");
  // TRANSLATORS: the end of a shortened list: "NL-2026-000001, NL-2026-000002 and 3 more".
  return _f("{} and {} more", util::join({refs.begin(), refs.begin() + shown}, ", "), refs.size() - shown);
}

} // namespace

std::vector<RuleHit> overdue_incoming(const CheckContext& c)
{
  const auto refs = references(c,
                               "SELECT reference FROM request WHERE responding_authority_id = :a "
                               "AND state IN ('sent', 'accepted') AND fictitious = 0 AND due_at < :at "
                               "ORDER BY due_at, id",
                               util::format_iso8601(c.now));
  if (refs.empty()) return {};
  return {{_n("{} request received from other authorities is past the due date: {}; answering is mandatory",
              "{} requests received from other authorities are past the due date: {}; answering is mandatory",
              refs.size(), refs.size(), some(refs)),
           "imictl request list --incoming --overdue"}};
}

std::vector<RuleHit> sent_without_motivation(const CheckContext& c)
{
  const auto refs = references(c, "SELECT reference FROM request WHERE requesting_authority_id = :a "
                                  "AND state <> 'draft' AND fictitious = 0 AND trim(motivation) = '' "
                                  "ORDER BY id");
  if (refs.empty()) return {};
  return {{_n("{} request went out without a motivation: {}; the responding authority may refuse a request "
              "that does not say why the information is needed",
              "{} requests went out without a motivation: {}; the responding authority may refuse a request "
              "that does not say why the information is needed",
              refs.size(), refs.size(), some(refs)),
           "imictl request create --motivation TEXT ..."}};
}

std::vector<RuleHit> unassigned_with_allocation(const CheckContext& c)
{
  if (!c.authority.allocation) return {};
  // Two days after it came in: the last send or forward in its history, since
  // sent_at keeps the first sending when a request is forwarded here.
  const auto refs =
      references(c,
                 "SELECT reference FROM request r WHERE responding_authority_id = :a "
                 "AND state IN ('sent', 'accepted') AND fictitious = 0 "
                 "AND NOT EXISTS (SELECT 1 FROM request_assignee ra WHERE ra.request_id = r.id) "
                 "AND (SELECT max(h.at) FROM request_history h WHERE h.request_id = r.id "
                 "AND h.action IN ('send', 'forward')) < :at ORDER BY id",
                 util::format_iso8601(c.now - 2 * 86400));
  if (refs.empty()) return {};
  return {{_n("allocation is on and {} request received more than 2 days ago is assigned to no handler: {}",
              "allocation is on and {} requests received more than 2 days ago are assigned to no handler: {}",
              refs.size(), refs.size(), some(refs)),
           fmt::format("imictl assign {} HANDLER", refs.front())}};
}

} // namespace imi::request_checks
