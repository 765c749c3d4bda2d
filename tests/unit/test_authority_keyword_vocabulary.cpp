#include "authority/keyword_vocabulary.hpp"
#include "core/database.hpp"
#include "core/error.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("authority::shipped_keyword_vocabulary")
{
  const auto vocabulary = shipped_keyword_vocabulary();
  REQUIRE(vocabulary.size() > 40);
  const auto construction = std::find_if(vocabulary.begin(), vocabulary.end(),
                                         [](const Keyword& k) { return k.slug == "construction"; });
  REQUIRE(construction != vocabulary.end());
  CHECK(construction->label_nl == "Bouwdiensten");
  // The same vocabulary a database gets from its migrations.
  CHECK(keyword_vocabulary(*open_shipped_schema()).size() == vocabulary.size());
}

TEST_CASE("authority::suggest_keywords")
{
  const auto vocabulary = shipped_keyword_vocabulary();
  using Words = std::vector<std::string>;
  CHECK(suggest_keywords("bouw", vocabulary, 1) == Words{"construction"}); // Dutch prefix
  CHECK(suggest_keywords("bouw", vocabulary) == Words{"construction", "building-permits"});
  CHECK(suggest_keywords("constructoin", vocabulary, 1) == Words{"construction"});  // slug typo
  CHECK(suggest_keywords("Makelaar", vocabulary, 1) == Words{"estate-agents"});     // Dutch label typo
  CHECK(suggest_keywords("Estate agent", vocabulary, 1) == Words{"estate-agents"}); // English label
  CHECK(suggest_keywords("qqqqqq", vocabulary).empty());
}

TEST_CASE("authority::resolve_keyword")
{
  auto db = open_shipped_schema();
  CHECK(resolve_keyword(*db, "construction") == "construction");
  CHECK(resolve_keyword(*db, " Bouwdiensten ") == "construction");
  CHECK(resolve_keyword(*db, "estate agents") == "estate-agents");
  try {
    resolve_keyword(*db, "bouw", "--service");
    FAIL("an unknown keyword resolved");
  } catch (const NotFoundError& e) {
    CHECK(std::string(e.what()) == "--service: unknown keyword 'bouw'");
    REQUIRE(!e.hints().empty());
    CHECK(e.hints().front() == "did you mean 'construction' or 'building-permits'?");
  }
}
