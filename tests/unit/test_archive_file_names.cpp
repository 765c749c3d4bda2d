#include "archive/file_names.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace imi;

TEST_CASE("archive::safe_base_name: nothing can leave the request's folder")
{
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"rapport.pdf", "rapport.pdf"},
      {"../../escape", "escape"},
      {"/etc/passwd", "passwd"},
      {"..\\..\\windows.ini", "windows.ini"},
      {".hidden", "hidden"},
      {"...", "attachment"},
      {"..", "attachment"},
      {".", "attachment"},
      {"", "attachment"},
      {"dir/", "attachment"},
      {"new\nline.txt", "newline.txt"},
      {"bell\x07\x1b[31mred", "bell[31mred"},
      {std::string("nul\0byte", 8), "nulbyte"},
      {"trailing. ", "trailing"},
      {"  spaced name.docx", "spaced name.docx"},
      {"Jürgen Müller.pdf", "Jürgen Müller.pdf"},
  };
  for (const auto& c : cases) {
    INFO(c.in);
    CHECK(archive::safe_base_name(c.in) == c.out);
  }
  SUBCASE("a long name is cut at a character boundary and keeps its extension")
  {
    std::string longname;
    for (int i = 0; i < 80; ++i)
      longname += "é"; // two bytes each
    const std::string got = archive::safe_base_name(longname + ".pdf");
    CHECK(got.size() <= archive::max_name_bytes);
    CHECK(got.size() >= archive::max_name_bytes - 1);
    CHECK(got.substr(got.size() - 4) == ".pdf");
    CHECK((static_cast<unsigned char>(got[got.size() - 5]) & 0xC0) != 0xC0); // no half character
  }
  SUBCASE("never a path, never hidden, never empty")
  {
    for (const std::string nasty : {"a/b/../..", "/", "\n", "..\n..", ". .", "\\", "x/.y", "....//...."}) {
      INFO(nasty);
      const std::string got = archive::safe_base_name(nasty);
      CHECK(!got.empty());
      CHECK(got.find('/') == std::string::npos);
      CHECK(got.find('\\') == std::string::npos);
      CHECK(got.find('\n') == std::string::npos);
      CHECK(got[0] != '.');
    }
  }
}

TEST_CASE("archive::unique_name: duplicates get a suffix before the extension")
{
  std::set<std::string> taken;
  CHECK(archive::unique_name("brief.pdf", taken) == "brief.pdf");
  CHECK(archive::unique_name("../brief.pdf", taken) == "brief-2.pdf");
  CHECK(archive::unique_name("BRIEF.pdf", taken) == "BRIEF-3.pdf"); // case-insensitive file systems
  CHECK(archive::unique_name(".hidden", taken) == "hidden");
  CHECK(archive::unique_name("hidden", taken) == "hidden-2");
  CHECK(archive::unique_name("", taken) == "attachment");
  CHECK(archive::unique_name("..", taken) == "attachment-2");
  CHECK(taken.size() == 7);
}
