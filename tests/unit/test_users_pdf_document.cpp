#include "users/pdf_document.hpp"

#include <doctest/doctest.h>
#include <string>

using namespace imi;

TEST_CASE("users::render_pdf")
{
  const std::string pdf = render_pdf(
      {{{"Gebruikersnaam: jmuller", 12, true, 0}, {"Naam: Jürgen (Müller) \\", 12}}, {{"second page", 12}}},
      "IMI");
  CHECK(pdf.rfind("%PDF-1.4", 0) == 0);
  CHECK(pdf.find("/Count 2") != std::string::npos);
  CHECK(pdf.find("(Naam: J\\374rgen \\(M\\374ller\\) \\\\)") != std::string::npos);
  SUBCASE("the cross-reference table points at the objects")
  {
    const size_t startxref = pdf.rfind("startxref\n");
    REQUIRE(startxref != std::string::npos);
    const size_t xref = std::stoul(pdf.substr(startxref + 10));
    CHECK(pdf.compare(xref, 4, "xref") == 0);
    const size_t first_entry = pdf.find("0000000000 65535 f \n", xref) + 20;
    const size_t object1 = std::stoul(pdf.substr(first_entry, 10));
    CHECK(pdf.compare(object1, 7, "1 0 obj") == 0);
  }
}
