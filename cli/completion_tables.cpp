#include "completion_scripts.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi::cli {

namespace {

std::string shell_quoted(const std::string& s)
{
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

} // namespace

std::string completion_tables(const std::vector<CompletionCommand>& commands)
{
  std::string subcommands, options, values, positionals;
  for (const auto& c : commands) {
    const std::string path = script_path(c.path);
    const std::string key = shell_quoted(path);
    if (!c.subcommands.empty())
      subcommands += fmt::format("  [{}]={}\n", key, shell_quoted(util::join(c.subcommands, " ")));
    std::vector<std::string> names;
    for (const auto& o : c.options) {
      for (const auto& n : o.names) {
        names.push_back(n);
        if (!o.value.empty())
          values += fmt::format("  [{}]={}\n", shell_quoted(path + "|" + n), shell_quoted(o.value));
      }
    }
    if (!names.empty()) options += fmt::format("  [{}]={}\n", key, shell_quoted(util::join(names, " ")));
    if (!c.positionals.empty()) {
      std::string list = util::join(c.positionals, " ");
      if (c.last_positional_repeats) list += "...";
      positionals += fmt::format("  [{}]={}\n", key, shell_quoted(list));
    }
  }
  return fmt::format("declare -gA _imictl_subcommands=(\n{})\n"
                     "declare -gA _imictl_options=(\n{})\n"
                     "# option -> how its value is completed: - nothing, file, @KIND from the\n"
                     "# database (imictl completion --values KIND PREFIX), =a,b,c a fixed list\n"
                     "declare -gA _imictl_values=(\n{})\n"
                     "# positional arguments, in order; ... repeats the last\n"
                     "declare -gA _imictl_positionals=(\n{})\n",
                     subcommands, options, values, positionals);
}

} // namespace imi::cli
