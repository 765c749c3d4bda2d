#include "completion/completion_values.hpp"

#include <doctest/doctest.h>

using namespace imi;
using Words = std::vector<std::string>;

TEST_CASE("completion::keyword_completions")
{
  CHECK(keyword_completions("constr") == Words{"construction"});
  CHECK(keyword_completions("CONSTR") == Words{"construction"});
  // No slug starts so: Dutch and English labels do.
  CHECK(keyword_completions("bouw") == Words{"building-permits", "construction"});
  CHECK(keyword_completions("Horeca") == Words{"catering"});
  CHECK(keyword_completions("zzz").empty());
  CHECK(keyword_completions("").size() > 20);
}

TEST_CASE("completion::parse_completion_kind")
{
  CHECK(parse_completion_kind("user") == CompletionKind::user);
  CHECK(parse_completion_kind("reference") == CompletionKind::reference);
  CHECK_FALSE(parse_completion_kind("users"));
  CHECK_FALSE(completion_needs_database(CompletionKind::keyword));
  CHECK(completion_needs_database(CompletionKind::department));
}
