// The shipped keyword vocabulary without a database: shell completion and
// help must offer keywords before `imictl init` has created one.
#pragma once

#include "authority/authority_details.hpp"

#include <vector>

namespace imi {

// Read from the migrations compiled into the binary, applied to an in-memory
// database, so the list is the one every new database gets.
std::vector<Keyword> builtin_keyword_vocabulary();

} // namespace imi
