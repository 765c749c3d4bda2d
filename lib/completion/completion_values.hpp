// Values for shell completion (`imictl completion --values KIND PREFIX`):
// what the person could list with an ordinary command anyway, and nothing
// more. The shell asks on every Tab, so each kind is one read-only query,
// and a person who may not list something gets an empty list, not an error
// and not an audit entry.
#pragma once

#include "access/actor.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

class Session;

enum class CompletionKind {
  user,       // usernames of the actor's authority (may_see_user_data)
  department, // department names of the actor's authority (may_see_user_data)
  keyword,    // the service keyword vocabulary: no database needed
  reference,  // references of the requests the actor may list (request list)
};
std::optional<CompletionKind> parse_completion_kind(std::string_view text);
bool completion_needs_database(CompletionKind kind);

// More than a screenful is no help at a prompt.
inline constexpr int completion_limit = 200;

// Slugs starting with `prefix`, ignoring case; when none does, the slugs
// whose English or Dutch label starts with it ("bouw" -> construction).
std::vector<std::string> keyword_completions(std::string_view prefix);

// The values of a kind that needs the database; empty when the actor may
// not list them.
std::vector<std::string> completion_values(Session& session, const Actor& actor, CompletionKind kind,
                                           std::string_view prefix);

} // namespace imi
