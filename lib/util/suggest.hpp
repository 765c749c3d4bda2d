// "Did you mean": the candidates closest to a word the user got wrong, for
// commands, options and vocabularies alike, so every suggestion in the
// program follows the same rule.
//
// A candidate may go by several names (a keyword by its slug and its English
// and Dutch labels); it matches through any of them and is returned by its
// value. Names are compared case-insensitively after folding to ASCII. A name
// is close when
//   - it is within a few edits of the word (1 for words of up to 3 letters,
//     2 up to 6, then a third of the word's length), or
//   - the word (3 letters or more) starts the name or one of its words:
//     "bouw" finds "Bouwdiensten", "req" finds "request", or
//   - the word (4 letters or more) occurs inside it, as Dutch compounds
//     hide their parts: "vergunning" finds "Milieuvergunningen".
// Closer matches come first: fewer edits, then a prefix before a part, then
// the shorter remainder, then the candidates' own order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace imi::util {

struct SuggestCandidate {
  std::string value;
  std::vector<std::string> names;
};

std::vector<std::string> suggest(std::string_view word, const std::vector<SuggestCandidate>& candidates,
                                 size_t limit = 3);
// Candidates known by one name each.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t limit = 3);

// "'a'", "'a' or 'b'", "'a', 'b' or 'c'": how a hint lists the suggestions.
std::string quoted_alternatives(const std::vector<std::string>& values);

} // namespace imi::util
