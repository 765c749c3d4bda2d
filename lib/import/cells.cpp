#include "import/cells.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/unicode.hpp"

#include <algorithm>
#include <cctype>

namespace imi {
namespace {

// Dutch, Flemish and a few other name particles that start a last name.
const char* const particles[] = {"van", "de",  "der", "den", "het", "'t", "te", "ter",  "ten", "in",
                                 "op",  "uit", "aan", "bij", "von", "zu", "du", "da",   "di",  "la",
                                 "le",  "del", "dos", "das", "d'",  "l'", "vd", "v.d.", "'s"};

bool equals_ignoring_case(std::string_view a, std::string_view b)
{
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

bool is_particle(std::string_view word)
{
  return std::any_of(std::begin(particles), std::end(particles),
                     [&](const char* p) { return equals_ignoring_case(word, p); });
}

std::vector<std::string> words(std::string_view s)
{
  std::vector<std::string> out;
  for (auto& w : util::split(s, ' '))
    if (!w.empty()) out.push_back(w);
  return out;
}

} // namespace

std::string clean_cell(std::string_view cell)
{
  std::string out;
  out.reserve(cell.size());
  bool blank = false;
  for (char c : cell) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  if (out.size() > 1 && out[0] == '\'' && std::string_view("=+-@").find(out[1]) != std::string_view::npos)
    out.erase(0, 1);
  return util::to_nfc(out);
}

std::string mailbox_cell(std::string_view cell)
{
  return util::to_nfc(util::trim(cell));
}

std::string hidden_character_problem(std::string_view cell)
{
  const auto cp = util::find_hidden_character(cell, true);
  if (!cp) return {};
  // TRANSLATORS: said of a cell of an imported table, after "column 'NAME':";
  // {} names the character, e.g. "U+200B ZERO WIDTH SPACE".
  return _f("holds the invisible or bidirectional character {}; retype the cell without it",
            util::describe_code_point(*cp));
}

NameParse parse_person_name(std::string_view cell, std::string_view department)
{
  std::string text = clean_cell(cell);
  PersonName n;
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string::npos) {
      n.function = util::trim(text.substr(open + 1, text.size() - open - 2));
      text = util::trim(text.substr(0, open));
    }
  }
  // TRANSLATORS: the problems of a name cell, shown after "column 'NAME':"
  // ("is empty", "has a function but no name").
  if (text.empty())
    return {std::nullopt, n.function.empty() ? _("is empty") : _("has a function but no name")};
  if (text.find('@') != std::string::npos)
    return {std::nullopt, _("holds an e-mail address instead of a name")};
  if (text.find_first_of("()") != std::string::npos) return {std::nullopt, _("has unbalanced parentheses")};
  // clean_cell leaves one space between words, so the words are found by
  // their starts and the halves of the name are substrings.
  std::vector<size_t> starts{0};
  for (size_t i = text.find(' '); i != std::string::npos; i = text.find(' ', i + 1))
    starts.push_back(i + 1);
  n.functional = starts.size() == 1 || equals_ignoring_case(text, department);
  if (n.functional) {
    n.last = text;
    return {n, ""};
  }
  auto word = [&](size_t i) {
    const size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
    return std::string_view(text).substr(starts[i], end - starts[i]);
  };
  // The last name starts at the first particle after the first word, else it
  // is the last word ("Anna Maria de Vries", "Bram Pauwels").
  size_t split_at = starts.size() - 1;
  for (size_t i = 1; i + 1 < starts.size(); ++i)
    if (is_particle(word(i))) {
      split_at = i;
      break;
    }
  n.first = text.substr(0, starts[split_at] - 1);
  n.last = text.substr(starts[split_at]);
  return {n, ""};
}

std::string display_name(const PersonName& n)
{
  std::string s = n.first.empty() ? n.last : n.first + " " + n.last;
  if (!n.function.empty()) s += " (" + n.function + ")";
  return s;
}

RoleMask role_bit(Role r)
{
  switch (r) {
  case Role::handler: return 1;
  case Role::lda: return 2;
  case Role::allocator: return 4;
  case Role::basic: break;
  }
  return 0;
}

std::vector<Role> roles_in(RoleMask mask)
{
  std::vector<Role> out;
  for (Role r : {Role::handler, Role::lda, Role::allocator})
    if (mask & role_bit(r)) out.push_back(r);
  return out;
}

RolesParse parse_roles_cell(std::string_view cell)
{
  RolesParse result;
  // One role name per part: separators become line breaks, and so do the
  // words "en"/"and" between names.
  std::string flat;
  for (char c : cell)
    flat += std::string_view("/,;+&\r\t").find(c) != std::string_view::npos ? '\n' : c;
  std::vector<std::string> parts;
  for (const auto& line : util::split(flat, '\n')) {
    std::vector<std::string> current;
    for (const auto& w : words(line)) {
      const std::string lw = util::to_lower_ascii(w);
      if (lw == "en" || lw == "and") {
        parts.push_back(util::join(current, " "));
        current.clear();
      } else {
        current.push_back(w);
      }
    }
    parts.push_back(util::join(current, " "));
  }
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (const auto role = parse_role(part)) {
      result.roles |= role_bit(*role);
      continue;
    }
    const auto near = util::nearest_matches(part, all_role_names(), 1);
    result.unknown.push_back({part, near.empty() ? "" : near.front()});
  }
  return result;
}

std::vector<std::string> parse_laws_cell(std::string_view cell)
{
  std::string flat(cell);
  std::replace(flat.begin(), flat.end(), ';', '\n');
  std::vector<std::string> laws;
  for (const auto& line : util::split(flat, '\n')) {
    std::string law = clean_cell(line);
    if (!law.empty() && std::find(laws.begin(), laws.end(), law) == laws.end()) laws.push_back(law);
  }
  return laws;
}

} // namespace imi
