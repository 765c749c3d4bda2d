// The language rule and the formatting helpers. The catalogue itself is
// tested end to end (e2e.i18n), where the real binary loads it.
#include "util/i18n.hpp"

#include <doctest/doctest.h>
#include <map>
#include <string>

namespace {

std::map<std::string, std::string> env;

const char* fake_getenv(const char* name)
{
  auto it = env.find(name);
  return it == env.end() ? nullptr : it->second.c_str();
}

std::string choose(std::string_view forced, std::map<std::string, std::string> vars)
{
  env = std::move(vars);
  return imi::choose_language(forced, fake_getenv);
}

} // namespace

TEST_CASE("--lang wins over every variable")
{
  CHECK(choose("en", {{"LANGUAGE", "nl"}, {"LANG", "nl_NL.UTF-8"}}) == "en");
  CHECK(choose("nl", {{"LANG", "C"}}) == "nl");
}

TEST_CASE("the variables count in gettext's order: LANGUAGE, LC_ALL, LC_MESSAGES, LANG")
{
  CHECK(choose("", {}) == "en");
  CHECK(choose("", {{"LANG", "nl_NL.UTF-8"}}) == "nl");
  CHECK(choose("", {{"LANG", "nl_BE@euro"}}) == "nl");
  CHECK(choose("", {{"LC_MESSAGES", "nl_NL.UTF-8"}, {"LANG", "en_GB.UTF-8"}}) == "nl");
  CHECK(choose("", {{"LC_ALL", "C.UTF-8"}, {"LANG", "nl_NL.UTF-8"}}) == "en");
  CHECK(choose("", {{"LANGUAGE", "nl:en"}, {"LC_ALL", "C.UTF-8"}}) == "nl");
  CHECK(choose("", {{"LANGUAGE", "en"}, {"LANG", "nl_NL.UTF-8"}}) == "en");
  // An empty variable does not count, as with gettext.
  CHECK(choose("", {{"LANGUAGE", ""}, {"LANG", "nl"}}) == "nl");
}

TEST_CASE("languages without a catalogue are English")
{
  CHECK(choose("", {{"LANG", "de_DE.UTF-8"}}) == "en");
  CHECK(choose("de", {}) == "en");
  // An invalid --lang (a usage error) leaves the choice to the environment.
  CHECK(choose("de", {{"LANG", "nl_NL.UTF-8"}}) == "nl");
  CHECK(choose("", {{"LANG", "POSIX"}}) == "en");
}

TEST_CASE("English needs no catalogue: the msgids are the texts")
{
  imi::init_language("en");
  CHECK(imi::interface_language() == "en");
  CHECK(std::string(imi::_("hint:")) == "hint:");
  CHECK(std::string(imi::C_("role", "handler")) == "handler");
  CHECK(imi::_f("user '{}' not found", "jdevries") == "user 'jdevries' not found");
  CHECK(imi::_n("{} request", "{} requests", 1, 1) == "1 request");
  CHECK(imi::_n("{} request", "{} requests", 3, 3) == "3 requests");
  CHECK(imi::_n("{} request", "{} requests", 0, 0) == "0 requests");
}
