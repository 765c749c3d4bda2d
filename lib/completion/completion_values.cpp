#include "completion/completion_values.hpp"

#include "access/permissions.hpp"
#include "access/record_access.hpp"
#include "authority/keyword_vocabulary.hpp"
#include "core/session.hpp"
#include "requests/requests.hpp"
#include "users/user_names.hpp"
#include "util/text.hpp"

namespace imi {
namespace {

bool starts_with_folded(std::string_view text, const std::string& folded_prefix)
{
  return util::to_lower_ascii(util::fold_to_ascii(text)).rfind(folded_prefix, 0) == 0;
}

std::vector<std::string> visible_references(Session& session, const Actor& actor, std::string_view prefix)
{
  // list_requests() would refuse (and audit) an actor without the
  // permission; completion asks quietly first.
  if (actor.kind != Actor::Kind::user || !allowed(actor, Permission::view_requests, actor.authority_id))
    return {};
  RequestFilter filter;
  filter.reference_prefix = std::string(prefix);
  filter.without_personal_data = true;
  std::vector<std::string> out;
  list_requests(session, actor, filter, [&](const RequestDetails& r) {
    if (static_cast<int>(out.size()) < completion_limit) out.push_back(r.reference);
  });
  return out;
}

} // namespace

std::optional<CompletionKind> parse_completion_kind(std::string_view text)
{
  if (text == "user") return CompletionKind::user;
  if (text == "department") return CompletionKind::department;
  if (text == "keyword") return CompletionKind::keyword;
  if (text == "reference") return CompletionKind::reference;
  return std::nullopt;
}

bool completion_needs_database(CompletionKind kind)
{
  return kind != CompletionKind::keyword;
}

std::vector<std::string> keyword_completions(std::string_view prefix)
{
  const std::string folded = util::to_lower_ascii(util::fold_to_ascii(prefix));
  const auto vocabulary = shipped_keyword_vocabulary();
  std::vector<std::string> by_slug, by_label;
  for (const auto& k : vocabulary) {
    if (k.slug.rfind(folded, 0) == 0)
      by_slug.push_back(k.slug);
    else if (!folded.empty() &&
             (starts_with_folded(k.label_en, folded) || starts_with_folded(k.label_nl, folded)))
      by_label.push_back(k.slug);
  }
  return by_slug.empty() ? by_label : by_slug;
}

std::vector<std::string> completion_values(Session& session, const Actor& actor, CompletionKind kind,
                                           std::string_view prefix)
{
  switch (kind) {
  case CompletionKind::keyword: return keyword_completions(prefix);
  case CompletionKind::reference: return visible_references(session, actor, prefix);
  case CompletionKind::user:
  case CompletionKind::department:
    // The same rule as user list: the users of one's own authority only.
    if (actor.kind != Actor::Kind::user || !may_see_user_data(actor, actor.authority_id)) return {};
    if (kind == CompletionKind::user)
      return usernames_starting_with(session.db(), actor.authority_id, prefix, completion_limit);
    return departments_starting_with(session.db(), actor.authority_id, prefix, completion_limit);
  }
  return {};
}

} // namespace imi
