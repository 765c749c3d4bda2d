#include "util/csv.hpp"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>
#include <memory>

using imi::util::CsvError;
using imi::util::CsvOptions;
using imi::util::CsvReader;
using imi::util::CsvRecord;

namespace {

// A source that hands out at most `step` bytes per read, to cross chunk edges.
CsvReader::ReadFn source(std::string data, size_t step = 7)
{
  auto pos = std::make_shared<size_t>(0);
  auto text = std::make_shared<std::string>(std::move(data));
  return [=](char* buf, size_t n) {
    const size_t k = std::min({n, step, text->size() - *pos});
    std::memcpy(buf, text->data() + *pos, k);
    *pos += k;
    return k;
  };
}

std::vector<CsvRecord> read_all(const std::string& data, CsvOptions o = {}, char* delimiter = nullptr)
{
  CsvReader r(source(data), o);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (r.next(rec))
    out.push_back(rec);
  if (delimiter) *delimiter = r.delimiter();
  return out;
}

} // namespace

TEST_CASE("util::CsvReader")
{
  SUBCASE("semicolons, CRLF, quoted cells with separators, quotes and line breaks")
  {
    char d = 0;
    auto recs = read_all("a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\r\nlines\"\r\nlast;;\r\n", {}, &d);
    CHECK(d == ';');
    REQUIRE(recs.size() == 3);
    CHECK(recs[0].line == 1);
    CHECK(recs[1].cells == std::vector<std::string>{"x;y", "say \"hi\"", "two\nlines"});
    CHECK(recs[2].line == 4);
    CHECK(recs[2].cells == std::vector<std::string>{"last", "", ""});
  }
  SUBCASE("comma and tab are detected")
  {
    char d = 0;
    read_all("a,b,c\n1,2,3\n", {}, &d);
    CHECK(d == ',');
    read_all("a\tb\tc\n\"1,5\"\t2\t3\n", {}, &d);
    CHECK(d == '\t');
  }
  SUBCASE("a forced delimiter wins")
  {
    CsvOptions o;
    o.delimiter = ',';
    auto recs = read_all("a;b,c\n", o);
    CHECK(recs[0].cells == std::vector<std::string>{"a;b", "c"});
  }
  SUBCASE("no final line break, LF only, blank lines")
  {
    auto recs = read_all("a;b\n\n;\nc;d");
    REQUIRE(recs.size() == 4);
    CHECK(recs[1].blank());
    CHECK(recs[2].blank());
    CHECK(recs[3].line == 4);
    CHECK(recs[3].cells == std::vector<std::string>{"c", "d"});
  }
  SUBCASE("a file that ends inside a quoted cell names the line the cell starts on")
  {
    try {
      read_all("a;b\n1;\"open\nstill open\n");
      FAIL("expected an error");
    } catch (const CsvError& e) {
      CHECK(e.line() == 2);
      CHECK(e.kind() == CsvError::Kind::syntax);
    }
  }
  SUBCASE("binary data names its line")
  {
    try {
      read_all(std::string("a;b\n1;2\n3\0;4\n", 13));
      FAIL("expected an error");
    } catch (const CsvError& e) {
      CHECK(e.line() == 3);
      CHECK(e.kind() == CsvError::Kind::binary);
    }
  }
  SUBCASE("an oversized cell is an error, not an allocation")
  {
    CsvOptions o;
    o.max_cell_bytes = 100;
    CHECK_THROWS_AS(read_all("a;\"" + std::string(500, 'x') + "\"\n", o), CsvError);
    CHECK_THROWS_AS(read_all("a;" + std::string(500, 'x') + "\n", o), CsvError);
  }
  SUBCASE("text after a closing quote is kept")
  {
    auto recs = read_all("\"a\"b;c\n");
    CHECK(recs[0].cells == std::vector<std::string>{"ab", "c"});
  }
  SUBCASE("UTF-16 input")
  {
    const std::string le("\xFF\xFE"
                         "a\0;\0b\0\r\0\n\0",
                         12);
    auto recs = read_all(le);
    REQUIRE(recs.size() == 1);
    CHECK(recs[0].cells == std::vector<std::string>{"a", "b"});
  }
}

TEST_CASE("util::csv_quote")
{
  CHECK(imi::util::csv_quote("plain", ';') == "plain");
  CHECK(imi::util::csv_quote("a;b", ';') == "\"a;b\"");
  CHECK(imi::util::csv_quote("say \"x\"", ',') == "\"say \"\"x\"\"\"");
  CHECK(imi::util::csv_quote("two\nlines", ';') == "\"two\nlines\"");
}
