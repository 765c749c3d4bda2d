#include "core/validate.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/unicode.hpp"

#include <cctype>
#include <fmt/format.h>

namespace imi {
namespace {

// `message` names the field first: "e-mail: 'x' is not a valid e-mail address".
[[noreturn]] void invalid(std::string message)
{
  throw InvalidInputError(std::move(message));
}

// ISO 3166-1 alpha-2, officially assigned codes.
constexpr std::string_view country_codes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF "
                                           "BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW "
                                           "BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ "
                                           "DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI "
                                           "FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT "
                                           "GU GW GY HK HM HN HR HT HU ID IE IL IM IN "
                                           "IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA "
                                           "LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
                                           "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC "
                                           "NE NF NG NI NL NO NP NR NU NZ OM PA PE PF "
                                           "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD "
                                           "SE SG SH SI SJ SK SL SM SN SO SR SS ST SV "
                                           "SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG "
                                           "UM US UY UZ VA VC VE VG VI VN VU WF WS YE "
                                           "YT ZA ZM ZW";

// Official languages of the EU and EEA, in which IMI works.
constexpr std::string_view language_codes =
    "bg cs da de el en es et fi fr ga hr hu is it lt lv mt nl no pl pt ro sk sl sv";

bool in_list(std::string_view list, const std::string& code)
{
  if (code.size() != 2) return false;
  for (size_t i = 0; i + 2 <= list.size(); i += 3)
    if (list.substr(i, 2) == code) return true;
  return false;
}

bool valid_domain_label(std::string_view label)
{
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  for (unsigned char c : label)
    if (!std::isalnum(c) && c != '-' && c < 0x80) return false;
  return true;
}

} // namespace

std::string check_text(std::string_view field, std::string_view value, bool required, bool multiline)
{
  // TRANSLATORS: the first {} is the name of the field, such as "first name" or "--email".
  if (!util::is_valid_utf8(value)) invalid(_f("{}: is not valid UTF-8", field));
  if (util::has_control_characters(value, multiline)) invalid(_f("{}: contains control characters", field));
  // Rejected rather than dropped: the person who typed or pasted it should
  // know, and a silently changed value would be a surprise elsewhere.
  if (const auto cp = util::find_hidden_character(value, multiline))
    invalid(_f("{}: contains the invisible or bidirectional character {}; retype the value without it", field,
               util::describe_code_point(*cp)));
  // One spelling of each text, so that comparisons and uniqueness hold.
  std::string trimmed = util::trim(util::to_nfc(value));
  if (required && trimmed.empty()) invalid(_f("{}: must not be empty", field));
  if (util::utf8_length(trimmed) > max_text_length)
    invalid(_n("{}: is longer than {} character", "{}: is longer than {} characters", max_text_length, field,
               max_text_length));
  return trimmed;
}

std::optional<std::string> check_optional_text(std::string_view field,
                                               const std::optional<std::string>& value, bool multiline)
{
  if (!value) return std::nullopt;
  std::string v = check_text(field, *value, false, multiline);
  if (v.empty()) return std::nullopt;
  return v;
}

bool is_valid_email(std::string_view v)
{
  if (v.size() > 254) return false;
  // Two addresses that look the same must be the same address.
  if (!util::is_valid_utf8(v) || util::find_hidden_character(v, false) || util::find_unusual_space(v))
    return false;
  const size_t at = v.find('@');
  if (at == std::string_view::npos || at == 0 || v.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = v.substr(0, at), domain = v.substr(at + 1);
  if (local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : local)
    if (c <= 0x20 || c == 0x7F ||
        std::string_view("\"(),:;<>[\\]").find(static_cast<char>(c)) != std::string_view::npos)
      return false;
  if (domain.find('.') == std::string_view::npos) return false;
  for (const auto& label : util::split(domain, '.'))
    if (!valid_domain_label(label)) return false;
  return true;
}

std::string check_email(std::string_view field, std::string_view value)
{
  std::string v = check_text(field, value, true);
  if (const auto cp = util::find_unusual_space(v))
    invalid(_f("{}: contains the space character {}; an e-mail address has no spaces", field,
               util::describe_code_point(*cp)));
  if (!is_valid_email(v)) invalid(_f("{}: '{}' is not a valid e-mail address", field, v));
  return v;
}

std::string check_country(std::string_view field, std::string_view value)
{
  std::string code;
  for (char c : util::trim(value))
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (code == "UK") code = "GB";
  if (code == "EL") code = "GR"; // the EU's own code for Greece
  if (!in_list(country_codes, code))
    invalid(_f("{}: '{}' is not an ISO 3166 country code such as NL", field, value));
  return code;
}

std::string check_language(std::string_view field, std::string_view value)
{
  const std::string code = util::to_lower_ascii(util::trim(value));
  if (!in_list(language_codes, code))
    invalid(_f("{}: '{}' is not an EU/EEA language code ({})", field, value, language_codes));
  return code;
}

std::string check_phone(std::string_view field, std::string_view value)
{
  std::string v = check_text(field, value, false);
  for (unsigned char c : v)
    if (!std::isdigit(c) && std::string_view(" +-()./").find(static_cast<char>(c)) == std::string_view::npos)
      invalid(_f("{}: '{}' is not a phone number", field, v));
  return v;
}

bool parse_on_off(std::string_view field, std::string_view value)
{
  const std::string v = util::to_lower_ascii(util::trim(value));
  if (v == "on" || v == "yes" || v == "true" || v == "1") return true;
  if (v == "off" || v == "no" || v == "false" || v == "0") return false;
  throw UsageError(_f("{}: expected on or off, not '{}'", field, value));
}

} // namespace imi
