#include "check/check.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("check::abbreviations_in")
{
  CHECK(abbreviations_in("VROM-inspectie") == std::vector<std::string>{"VROM"});
  CHECK(abbreviations_in("Inspectie voor huisvesting, ruimtelijke ordening en milieu").empty());
  CHECK(abbreviations_in("Gemeente Oeteldonk").empty());
  CHECK(abbreviations_in("Dienst A").empty()); // one letter is not an abbreviation
  CHECK(abbreviations_in("RDW en KvK") == std::vector<std::string>{"RDW"});
  CHECK(abbreviations_in("ÉCOLE").empty()); // non-ASCII capitals are read as a word
  CHECK(abbreviations_in("").empty());
}
