// gettext set-up. Two decisions live here:
//   - The language comes from --lang, else the first of LANGUAGE, LC_ALL,
//     LC_MESSAGES, LANG that names one. An administrator with LANG=nl_NL.UTF-8
//     expects Dutch even when that locale is not generated on the machine, so
//     the variables are read as names, not through setlocale.
//   - glibc ignores LANGUAGE while LC_MESSAGES is the "C" locale, so Dutch
//     runs with C.UTF-8 (always present) when the environment's locale is C or
//     missing. Only LC_MESSAGES changes: number parsing and formatting stay C.
#include "util/i18n.hpp"

#include <array>
#include <clocale>
#include <cstdlib>
#include <cstring>
#include <libintl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace imi {
namespace {

constexpr const char* domain = "imictl";
bool catalogue_active = false;
std::string language = "en";

// "nl_NL.UTF-8", "nl:en", "nl" -> "nl"; "C", "POSIX", "" -> "".
std::string_view language_of(const char* value)
{
  if (value == nullptr) return {};
  std::string_view v(value);
  v = v.substr(0, v.find(':'));
  v = v.substr(0, v.find_first_of("_.@"));
  if (v == "C" || v == "POSIX") return "en";
  return v;
}

bool is_directory(const std::string& path)
{
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The catalogue next to the binary wins, so a build tree (locale/ beside
// imictl) and a relocated install (../share/locale) use their own; an
// installed binary falls back to the configured locale directory.
std::string locale_directory()
{
  std::array<char, 4096> exe{};
  const ssize_t n = ::readlink("/proc/self/exe", exe.data(), exe.size() - 1);
  if (n > 0) {
    std::string dir(exe.data(), static_cast<size_t>(n));
    dir = dir.substr(0, dir.rfind('/'));
    for (const std::string& candidate : {dir + "/locale", dir + "/../share/locale"})
      if (is_directory(candidate + "/nl/LC_MESSAGES")) return candidate;
  }
  return IMICTL_LOCALEDIR;
}

} // namespace

std::string choose_language(std::string_view forced, const char* (*getenv)(const char*))
{
  // A --lang that is neither (a usage error soon) leaves the choice to the
  // environment, so even that error speaks the user's language.
  std::string_view wanted = forced == "nl" || forced == "en" ? forced : std::string_view{};
  for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (!wanted.empty()) break;
    wanted = language_of(getenv(name));
  }
  return wanted == "nl" ? "nl" : "en";
}

void init_language(std::string_view forced)
{
  language = choose_language(forced, [](const char* name) -> const char* { return std::getenv(name); });
  catalogue_active = language != "en";
  if (!catalogue_active) return;
  const char* current = std::setlocale(LC_MESSAGES, "");
  if (current == nullptr || std::strcmp(current, "C") == 0 || std::strcmp(current, "POSIX") == 0)
    std::setlocale(LC_MESSAGES, "C.UTF-8");
  ::setenv("LANGUAGE", language.c_str(), 1);
  ::bindtextdomain(domain, locale_directory().c_str());
  ::bind_textdomain_codeset(domain, "UTF-8");
}

std::string_view interface_language()
{
  return language;
}

const char* _(const char* msgid)
{
  if (!catalogue_active || msgid == nullptr || *msgid == '\0') return msgid;
  return ::dgettext(domain, msgid);
}

const char* C_(const char* context, const char* msgid)
{
  if (!catalogue_active) return msgid;
  // gettext's pgettext: the context and the msgid joined by EOT.
  std::string key = std::string(context) + '\004' + msgid;
  const char* translated = ::dgettext(domain, key.c_str());
  return translated == key.c_str() ? msgid : translated;
}

const char* translate_plural(const char* singular, const char* plural, unsigned long n)
{
  if (!catalogue_active) return n == 1 ? singular : plural;
  return ::dngettext(domain, singular, plural, n);
}

} // namespace imi
