// The interface language: Dutch or English, chosen once at start-up from
// --lang, LANGUAGE, LC_ALL, LC_MESSAGES or LANG, and served by gettext from
// the catalogue built from po/nl.po. English is the source language: its
// strings are the msgids, so English needs no catalogue and costs nothing.
//
// Mark every text a person reads (messages, hints, prompts, help, headers):
//   _("plain text")                 a translated string
//   _f("user '{}' not found", name) translated, then formatted by fmt
//   _n("{} request", "{} requests", n, n)   with a plural form
//   C_("role", "handler")           with a context, for short codes
//   N_("text")                      marks for extraction only (static tables);
//                                   translate with _() where it is shown
//   NC_("context", "code")          the same with a context, for C_()
// Not marked: JSON keys and codes, CSV headers, SQL, audit actions, and the
// mails and username sheet (Dutch by the guide).
#pragma once

#include <fmt/format.h>
#include <string>
#include <string_view>

#define N_(text) text
#define NC_(context, text) text

namespace imi {

// `forced` is --lang ("nl", "en" or empty). Unknown languages mean English.
void init_language(std::string_view forced);
// The rule init_language applies: --lang, else the first of LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG that names a language ("nl_NL.UTF-8" is "nl",
// "C" is English); "nl" or "en".
std::string choose_language(std::string_view forced, const char* (*getenv)(const char*));
// "nl" or "en": what init_language chose.
std::string_view interface_language();

const char* _(const char* msgid);
const char* C_(const char* context, const char* msgid);
const char* translate_plural(const char* singular, const char* plural, unsigned long n);

namespace i18n_detail {
template <typename... Args>
std::string format_translated(const char* translated, const char* msgid, const Args&... args)
{
  // A catalogue whose placeholders do not match its msgid must not take a
  // message away: fall back to the English text (the catalogue test catches
  // such entries before they ship).
  try {
    return fmt::vformat(translated, fmt::make_format_args(args...));
  } catch (const fmt::format_error&) {
    return fmt::vformat(msgid, fmt::make_format_args(args...));
  }
}
} // namespace i18n_detail

template <typename... Args>
std::string _f(const char* msgid, const Args&... args)
{
  return i18n_detail::format_translated(_(msgid), msgid, args...);
}

template <typename... Args>
std::string _n(const char* singular, const char* plural, unsigned long n, const Args&... args)
{
  return i18n_detail::format_translated(translate_plural(singular, plural, n), n == 1 ? singular : plural,
                                        args...);
}

} // namespace imi
