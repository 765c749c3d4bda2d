// The shipped question sets and standard answers (schemas/009_question_sets.sql).
#include "core/error.hpp"
#include "requests/requests.hpp"
#include "util/i18n.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

std::vector<QuestionSet> question_sets(SQLite::Database& db, const std::string& language,
                                       const std::optional<std::string>& code)
{
  const bool nl = language == "nl";
  SQLite::Statement q(db, fmt::format("SELECT code, {}, fictitious FROM question_set "
                                      "WHERE ?1 IS NULL OR code = lower(?1) ORDER BY fictitious, code",
                                      nl ? "title_nl" : "title_en"));
  code ? q.bind(1, *code) : q.bind(1);
  std::vector<QuestionSet> sets;
  while (q.executeStep())
    sets.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt() != 0, {}});
  if (code && sets.empty())
    throw NotFoundError(_f("no question set '{}'", *code), {_("imictl request question-sets lists them")});
  SQLite::Statement qs(db, fmt::format("SELECT number, {} FROM question_set_question WHERE set_code = ? "
                                       "ORDER BY number",
                                       nl ? "text_nl" : "text_en"));
  for (auto& s : sets) {
    qs.reset();
    qs.bind(1, s.code);
    while (qs.executeStep())
      s.questions.push_back({qs.getColumn(0).getInt64(), qs.getColumn(1).getString(), {}, {}, {}});
  }
  return sets;
}

std::vector<StandardAnswer> standard_answers(SQLite::Database& db)
{
  SQLite::Statement q(db, "SELECT code, nl, en FROM standard_answer ORDER BY code");
  std::vector<StandardAnswer> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

} // namespace imi
