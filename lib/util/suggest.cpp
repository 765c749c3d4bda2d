#include "util/suggest.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <tuple>

namespace imi::util {
namespace {

// How close a name is; smaller is closer (see the header for the rule).
using Closeness = std::tuple<size_t, int, size_t>;
constexpr Closeness not_close{SIZE_MAX, 0, 0};

std::string comparable(std::string_view s)
{
  return to_lower_ascii(trim(fold_to_ascii(s)));
}

size_t allowed_edits(size_t word_length)
{
  if (word_length <= 3) return 1;
  if (word_length <= 6) return 2;
  return word_length / 3;
}

bool starts_a_word_of(const std::string& name, const std::string& word)
{
  for (size_t at = 0; at < name.size(); ++at) {
    const bool word_start = at == 0 || name[at - 1] == ' ' || name[at - 1] == '-' || name[at - 1] == '/';
    if (word_start && name.compare(at, word.size(), word) == 0) return true;
  }
  return false;
}

Closeness closeness(const std::string& word, const std::string& name)
{
  const size_t edits = edit_distance(word, name);
  if (edits <= allowed_edits(word.size())) return {edits, 0, 0};
  const size_t remainder = name.size() > word.size() ? name.size() - word.size() : 0;
  if (word.size() >= 3 && starts_a_word_of(name, word)) return {1, 1, remainder};
  if (word.size() >= 4 && name.find(word) != std::string::npos) return {2, 2, remainder};
  return not_close;
}

} // namespace

std::vector<std::string> suggest(std::string_view word, const std::vector<SuggestCandidate>& candidates,
                                 size_t limit)
{
  const std::string w = comparable(word);
  if (w.empty()) return {};
  std::vector<std::pair<Closeness, const std::string*>> close;
  for (const auto& c : candidates) {
    Closeness best = not_close;
    for (const auto& name : c.names)
      best = std::min(best, closeness(w, comparable(name)));
    const bool seen = std::any_of(close.begin(), close.end(), [&](auto& x) { return *x.second == c.value; });
    if (best != not_close && !seen) close.emplace_back(best, &c.value);
  }
  std::stable_sort(close.begin(), close.end(), [](auto& x, auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < close.size() && i < limit; ++i)
    out.push_back(*close[i].second);
  return out;
}

std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& candidates,
                                 size_t limit)
{
  std::vector<SuggestCandidate> named;
  named.reserve(candidates.size());
  for (const auto& c : candidates)
    named.push_back({c, {c}});
  return suggest(word, named, limit);
}

std::string quoted_alternatives(const std::vector<std::string>& values)
{
  if (values.empty()) return {};
  std::string first;
  for (size_t i = 0; i + 1 < values.size(); ++i)
    first += (i ? ", '" : "'") + values[i] + "'";
  const std::string last = "'" + values.back() + "'";
  if (first.empty()) return last;
  // TRANSLATORS: the end of a list of alternatives: "'a', 'b' or 'c'".
  return _f("{} or {}", first, last);
}

} // namespace imi::util
