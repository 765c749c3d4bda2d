#include "core/output.hpp"

#include <doctest/doctest.h>
#include <sstream>

using namespace imi;

TEST_CASE("core::Renderer json")
{
  std::ostringstream s;
  Renderer r(s, Format::json, false);
  r.object({{"name", "a \"b\"\n"},
            {"n", 3},
            {"none", nullptr},
            {"ok", true},
            {"roles", std::vector<std::string>{"x"}}});
  CHECK(s.str() ==
        "{\"name\": \"a \\\"b\\\"\\n\", \"n\": 3, \"none\": null, \"ok\": true, \"roles\": [\"x\"]}\n");

  std::ostringstream l;
  Renderer lr(l, Format::json, false);
  lr.begin_list({"id"});
  lr.end_list();
  CHECK(l.str() == "[]\n");
}

TEST_CASE("core::Renderer csv neutralises formulas")
{
  std::ostringstream s;
  Renderer r(s, Format::csv, false);
  r.list({"a", "b"}, {{{"a", "=1+1"}, {"b", "x,y"}}, {{"a", "-5"}, {"b", "say \"hi\""}}});
  CHECK(s.str() == "a,b\r\n'=1+1,\"x,y\"\r\n'-5,\"say \"\"hi\"\"\"\r\n");
  CHECK(neutralise_csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(neutralise_csv_cell("plain") == "plain");
}

TEST_CASE("core::Renderer table aligns columns")
{
  std::ostringstream s;
  Renderer r(s, Format::table, false);
  r.list({"id", "name"}, {{{"id", 1}, {"name", "é"}}, {{"id", 22}, {"name", nullptr}}});
  CHECK(s.str() == "ID  NAME\n1   é\n22  -\n");
}
