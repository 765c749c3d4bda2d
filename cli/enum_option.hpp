// Values of an enumeration given on the command line (--status, --role, ROLE,
// --state, --type, --reason): the library's parser decides what is
// accepted, so Dutch names and every other spelling keep working; a value it
// rejects is a usage error (2, SPEC §1), as `--format yaml` is, carrying the
// library's message and its "did you mean" hint.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace imi::cli {

// `parse` throws an imi::Error for a value it does not accept.
CLI::Validator enum_value(const std::string& name, std::function<void(const std::string&)> parse);

// The enumerations of SPEC §1 and §4, each checked by its library parser.
CLI::Validator role_value();
CLI::Validator user_status_value();
CLI::Validator request_state_value();
CLI::Validator refusal_reason_value();
CLI::Validator authority_type_value();

} // namespace imi::cli
