#include "util/suggest.hpp"

#include <doctest/doctest.h>

using namespace imi::util;
using Words = std::vector<std::string>;

TEST_CASE("util::suggest")
{
  const Words commands{"init", "authority", "user", "role", "request", "import", "export", "help"};

  SUBCASE("a few edits away, fewest first")
  {
    CHECK(suggest("usr", commands) == Words{"user"});
    CHECK(suggest("autority", commands, 1) == Words{"authority"});
    CHECK(suggest("exprot", commands, 1) == Words{"export"});
    CHECK(suggest("USR", commands) == Words{"user"}); // case does not matter
    CHECK(suggest("frist-name", Words{"last-name", "first-name", "email"}, 1) == Words{"first-name"});
  }

  SUBCASE("nothing close, nothing suggested")
  {
    CHECK(suggest("frobnicate", commands).empty());
    CHECK(suggest("", commands).empty());
    CHECK(suggest("zz", commands).empty());
    // A short word may be one edit off, not two: "xyz" is not "help".
    CHECK(suggest("xyz", Words{"xy", "help"}) == Words{"xy"});
  }

  SUBCASE("a prefix of three letters or more")
  {
    CHECK(suggest("req", commands) == Words{"request"});
    CHECK(suggest("auth", commands) == Words{"authority"});
    CHECK(suggest("re", Words{"request"}).empty()); // too short to be a prefix
  }

  SUBCASE("a part of a compound, four letters or more")
  {
    CHECK(suggest("vergunning", Words{"Bouwvergunningen", "Reclame"}) == Words{"Bouwvergunningen"});
    CHECK(suggest("port", commands) == Words{"import", "export"});
    CHECK(suggest("ver", Words{"Bouwvergunningen"}).empty());
  }

  SUBCASE("candidates with several names, returned by value")
  {
    const std::vector<SuggestCandidate> keywords{
        {"building-permits", {"building-permits", "Building and construction permits", "Bouwvergunningen"}},
        {"construction", {"construction", "Construction and building services", "Bouwdiensten"}},
        {"weights-measures", {"weights-measures", "Weights and measures", "IJkwezen"}},
    };
    // Both Dutch labels start with "bouw"; the shorter remainder is closer.
    CHECK(suggest("bouw", keywords) == Words{"construction", "building-permits"});
    CHECK(suggest("Bouwdienst", keywords, 1) == Words{"construction"});
    CHECK(suggest("ijkwezn", keywords) == Words{"weights-measures"});
    CHECK(suggest("ĳkwezen", keywords) == Words{"weights-measures"}); // folded to ASCII
    CHECK(suggest("build", keywords) == Words{"building-permits", "construction"});
    CHECK(suggest("bouw", keywords, 1) == Words{"construction"});
  }
}

TEST_CASE("util::quoted_alternatives")
{
  CHECK(quoted_alternatives({}).empty());
  CHECK(quoted_alternatives({"a"}) == "'a'");
  CHECK(quoted_alternatives({"a", "b"}) == "'a' or 'b'");
  CHECK(quoted_alternatives({"a", "b", "c"}) == "'a', 'b' or 'c'");
}
