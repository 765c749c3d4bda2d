// Turns CLI11's parse errors into messages that say what to type instead.
// CLI11 reports the first rule it checks (a required option, a missing
// subcommand) even when a word was simply misspelt, so the words it could
// not place are looked at first: they are the likelier mistake.
#include "help.hpp"
#include "util/suggest.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

bool named(const CLI::App* app)
{
  return !app->get_name().empty();
}

// The last command the parser entered: "imictl user add ..." -> add.
const CLI::App& deepest_parsed(const CLI::App& root)
{
  const CLI::App* level = &root;
  while (!level->get_subcommands().empty())
    level = level->get_subcommands().front();
  return *level;
}

// Options of the command and of the commands above it (the global options
// reach every subcommand by fallthrough), without their dashes.
std::vector<std::string> long_option_names(const CLI::App& level)
{
  std::vector<std::string> names;
  for (const CLI::App* app = &level; app != nullptr; app = app->get_parent())
    for (const CLI::Option* option : app->get_options())
      for (const auto& name : option->get_lnames())
        names.push_back(name);
  return names;
}

std::string unknown_option_message(const CLI::App& level, const std::string& argument)
{
  const std::string option = argument.substr(0, argument.find('='));
  std::string message = fmt::format("unknown option {}", option);
  if (option.rfind("--", 0) == 0) {
    const auto near = util::suggest(option.substr(2), long_option_names(level), 1);
    if (!near.empty()) message += fmt::format("; did you mean --{}?", near.front());
  }
  return message;
}

// `imictl authority keywords lst`: the command takes an argument before
// its subcommand, so the misspelt subcommand was taken for that argument.
const std::string* misspelt_subcommand(const CLI::App& level)
{
  std::vector<std::string> names;
  for (const CLI::App* sub : level.get_subcommands(named))
    names.push_back(sub->get_name());
  for (const CLI::Option* option :
       level.get_options([](const CLI::Option* o) { return o->get_positional(); }))
    for (const auto& word : option->results())
      if (!util::suggest(word, names, 1).empty()) return &word;
  return nullptr;
}

} // namespace

UsageProblem explain_parse_error(const CLI::App& root, const CLI::ParseError& error)
{
  const CLI::App& level = deepest_parsed(root);
  const std::vector<std::string> see{fmt::format("see '{}'", help_command(level))};
  const auto extras = root.remaining(true);
  if (!extras.empty()) {
    const std::string& word = extras.front();
    if (word.size() > 1 && word[0] == '-') return {unknown_option_message(level, word), see};
    if (!level.get_subcommands(named).empty()) return {unknown_command_message(level, word), see};
    return {fmt::format("unexpected argument '{}' for '{}'", word, command_path(level)), see};
  }
  if (level.get_require_subcommand_min() > 0 && level.get_subcommands().empty()) {
    if (level.get_parent() == nullptr) return {"a command is required", {"see 'imictl help'"}, &level};
    if (const std::string* word = misspelt_subcommand(level))
      return {unknown_command_message(level, *word), see};
    return {fmt::format("'{}' needs a subcommand", command_path(level)), see, &level};
  }
  return {error.what(), see};
}

} // namespace imi::cli
