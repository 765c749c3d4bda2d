#include "authority/keyword_vocabulary.hpp"

#include "core/database.hpp"
#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

std::vector<Keyword> keyword_vocabulary(SQLite::Database& db)
{
  SQLite::Statement q(db, "SELECT slug, label_en, label_nl FROM keyword ORDER BY slug");
  std::vector<Keyword> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

std::vector<Keyword> shipped_keyword_vocabulary()
{
  return keyword_vocabulary(*open_shipped_schema());
}

std::vector<std::string> suggest_keywords(std::string_view text, const std::vector<Keyword>& vocabulary,
                                          size_t limit)
{
  std::vector<util::SuggestCandidate> candidates;
  candidates.reserve(vocabulary.size());
  for (const auto& k : vocabulary)
    candidates.push_back({k.slug, {k.slug, k.label_en, k.label_nl}});
  return util::suggest(text, candidates, limit);
}

std::string resolve_keyword(SQLite::Database& db, std::string_view text, std::string_view context)
{
  const std::string wanted = util::trim(text);
  SQLite::Statement q(db, "SELECT slug FROM keyword WHERE slug = lower(?1) OR lower(label_en) = lower(?1) "
                          "OR lower(label_nl) = lower(?1)");
  q.bind(1, wanted);
  if (q.executeStep()) return q.getColumn(0).getString();
  NotFoundError e(context.empty() ? _f("unknown keyword '{}'", wanted)
                                  // TRANSLATORS: {0} is an option name, e.g. --service.
                                  : _f("{0}: unknown keyword '{1}'", context, wanted));
  const auto near = suggest_keywords(wanted, keyword_vocabulary(db));
  // TRANSLATORS: {} lists one to three quoted keywords: 'a', 'b' or 'c'.
  if (!near.empty()) e.hint(_f("did you mean {}?", util::quoted_alternatives(near)));
  e.hint(_("'imictl authority keywords list --all' shows the vocabulary (slugs, English and Dutch labels)"));
  throw e;
}

} // namespace imi
