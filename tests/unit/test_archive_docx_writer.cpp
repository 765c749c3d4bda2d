#include "archive/docx_writer.hpp"

#include <doctest/doctest.h>
#include <map>
#include <string>
#include <vector>

using namespace imi;

namespace {

// A small well-formedness check: every tag closed in order, attributes
// quoted, '&' only in the five entities, no '<' in text; enough to catch a
// writer that forgets to escape or to close.
std::string xml_problem(const std::string& xml)
{
  std::vector<std::string> open;
  size_t i = xml.find("?>"); // after the declaration
  if (xml.rfind("<?xml", 0) != 0 || i == std::string::npos) return "no XML declaration";
  i += 2;
  while (i < xml.size()) {
    if (xml[i] == '<') {
      const size_t end = xml.find('>', i);
      if (end == std::string::npos) return "unclosed tag";
      std::string tag = xml.substr(i + 1, end - i - 1);
      i = end + 1;
      if (tag.find('<') != std::string::npos) return "'<' inside a tag";
      if (tag.rfind('/', 0) == 0) {
        if (open.empty() || open.back() != tag.substr(1)) return "closing " + tag + " out of order";
        open.pop_back();
        continue;
      }
      const bool empty = !tag.empty() && tag.back() == '/';
      if (empty) tag.pop_back();
      size_t quotes = 0;
      for (char c : tag)
        quotes += c == '"';
      if (quotes % 2) return "unbalanced quotes in " + tag;
      if (!empty) open.push_back(tag.substr(0, tag.find_first_of(" \t\n")));
    } else if (xml[i] == '&') {
      bool known = false;
      for (const char* e : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
        known = known || xml.compare(i, std::string(e).size(), e) == 0;
      if (!known) return "bare '&'";
      ++i;
    } else {
      ++i;
    }
  }
  return open.empty() ? "" : "unclosed " + open.back();
}

size_t count(const std::string& s, const std::string& needle)
{
  size_t n = 0;
  for (size_t at = s.find(needle); at != std::string::npos; at = s.find(needle, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("docx::xml_text escapes and drops what XML 1.0 forbids")
{
  CHECK(docx::xml_text("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
  CHECK(docx::xml_text(std::string("x\x01y\x08z\x1b[0m", 10)) == "xyz[0m");
  CHECK(docx::xml_text(std::string("nul\0end", 7)) == "nulend");
  CHECK(docx::xml_text("tab\tnewline\n") == "tab\tnewline\n");
  CHECK(docx::xml_text("\xEF\xBF\xBE\xEF\xBF\xBF") == ""); // U+FFFE, U+FFFF
  CHECK(docx::xml_text("caf\xC3\xA9 \xF0\x9F\x98\x80") ==
        "caf\xC3\xA9 \xF0\x9F\x98\x80");                                           // é and an emoji stay
  CHECK(docx::xml_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte");               // not UTF-8: U+FFFD
  CHECK(docx::xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate is not UTF-8
  CHECK(docx::xml_text("\xC0\xBC") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong '<'
}

TEST_CASE("docx::Document writes a package readers accept")
{
  docx::Document d;
  d.title("Rapport <NL-2026-000001> & co");
  d.heading(1, "Verzoek");
  d.paragraph(std::string("line one\nline \"two\"\x07", 20), true);
  d.fields({{"Onderwerp", "A & B"}, {"Leeg", ""}});
  d.table({{"Nr", "Vraag"}, {"1", "<script>"}, {"2"}}, true, {1, 5});
  const std::string xml = d.document_xml();
  CHECK(xml_problem(xml) == "");
  CHECK(xml.find("&lt;script&gt;") != std::string::npos);
  CHECK(xml.find("<script>") == std::string::npos);
  CHECK(xml.find('\x07') == std::string::npos);
  CHECK(xml.find("<w:br/>") != std::string::npos);
  SUBCASE("every table has w:tblPr and w:tblGrid, one gridCol per column, a paragraph in every cell")
  {
    CHECK(count(xml, "<w:tbl>") == 2);
    CHECK(count(xml, "<w:tblPr>") == 2);
    CHECK(count(xml, "<w:tblGrid>") == 2);
    CHECK(count(xml, "<w:gridCol ") == 4);
    CHECK(count(xml, "<w:tc>") == count(xml, "</w:tc>"));
    CHECK(count(xml, "<w:tc>") == 2 * 2 + 3 * 2); // a short row is padded
    size_t at = 0;
    while ((at = xml.find("<w:tc>", at)) != std::string::npos) {
      const size_t end = xml.find("</w:tc>", at);
      CHECK(xml.substr(at, end - at).find("<w:p>") != std::string::npos);
      at = end;
    }
  }
  SUBCASE("the zip holds the parts Word needs, each well-formed")
  {
    const auto parts = docx::read_package(d.package());
    std::map<std::string, std::string> by_name(parts.begin(), parts.end());
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                             "word/_rels/document.xml.rels"}) {
      INFO(name);
      REQUIRE(by_name.count(name) == 1);
      CHECK(xml_problem(by_name[name]) == "");
    }
    CHECK(by_name["word/document.xml"] == xml);
    CHECK(by_name["word/styles.xml"].find("w:styleId=\"Heading1\"") != std::string::npos);
    CHECK(by_name["[Content_Types].xml"].find("/word/document.xml") != std::string::npos);
    CHECK(by_name["_rels/.rels"].find("Target=\"word/document.xml\"") != std::string::npos);
  }
  SUBCASE("the same document is the same bytes")
  {
    CHECK(d.package() == d.package());
  }
}
