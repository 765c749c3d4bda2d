// The example /etc/imictl/config.toml that packages install: generated from
// the key table (config_keys.cpp), so it names every key with its default,
// meaning and allowed values, and cannot drift from what Config::load reads.
#pragma once

#include <string>

namespace imi {

// TOML text in which every key is commented out at its built-in default.
std::string config_example_toml();

} // namespace imi
