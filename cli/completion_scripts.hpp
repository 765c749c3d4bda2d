// The completion scripts printed by `imictl completion bash|zsh`, written
// from the command tree (completion_model.hpp).
#pragma once

#include "completion_model.hpp"

#include <string>
#include <vector>

namespace imi::cli {

std::string bash_completion_script(const std::vector<CompletionCommand>& commands);
std::string zsh_completion_script(const std::vector<CompletionCommand>& commands);

// The tables both scripts read (bash and zsh share the syntax): a command's
// subcommands, options and positionals, and how each value is completed.
std::string completion_tables(const std::vector<CompletionCommand>& commands);

// A command's key in the scripts' tables: "imictl", "imictl user add" (bash
// arrays cannot have an empty key).
inline std::string script_path(const std::string& path)
{
  return path.empty() ? "imictl" : "imictl " + path;
}

} // namespace imi::cli
