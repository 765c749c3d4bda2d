#include "check/check.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/session.hpp"

#include <cctype>

namespace imi {

const char* severity_slug(Severity s)
{
  switch (s) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::suggestion: return "suggestion";
  }
  return "warning";
}

std::vector<Finding> run_checks(SQLite::Database& db, util::Instant now)
{
  const CheckContext context{db, load_own_authority(db), now};
  std::vector<Finding> findings;
  for (const auto& rule : check_rules())
    for (auto& hit : rule.run(context))
      findings.push_back(
          {rule.severity, rule.code, std::move(hit.message), rule.guide_section, std::move(hit.fix)});
  return findings;
}

std::vector<Finding> check_setup(Session& session, const Actor& actor)
{
  auto& db = session.db();
  require(session, actor, Permission::run_checks, own_authority_id(db), "check");
  return run_checks(db, session.now());
}

bool has_errors(const std::vector<Finding>& findings)
{
  for (const auto& f : findings)
    if (f.severity == Severity::error) return true;
  return false;
}

std::vector<std::string> abbreviations_in(const std::string& name)
{
  // Words are runs of letters; a non-ASCII byte (é, ë) counts as a lower-case
  // letter, so "Ëindhoven" is a word, not an abbreviation.
  std::vector<std::string> out;
  std::string word;
  bool all_upper = true;
  auto flush = [&] {
    if (word.size() >= 2 && all_upper) out.push_back(word);
    word.clear();
    all_upper = true;
  };
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c) || c >= 0x80) {
      word += ch;
      if (!std::isupper(c)) all_upper = false;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

} // namespace imi
