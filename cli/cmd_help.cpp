// imictl help [COMMAND [SUBCOMMAND...]]: the help `--help` shows, for people
// who type the question first. Never touches config or database.
#include "core/error.hpp"
#include "help.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"
#include "util/suggest.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace imi::cli {
namespace {

std::vector<std::string> subcommand_names(const CLI::App& level)
{
  std::vector<std::string> names;
  for (const CLI::App* sub : level.get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); }))
    names.push_back(sub->get_name());
  return names;
}

// "user lst" for the words after "imictl" up to `word`.
std::string words_from_root(const CLI::App& level, std::string_view word)
{
  const std::string path = command_path(level);
  const auto space = path.find(' ');
  return (space == std::string::npos ? std::string() : path.substr(space + 1) + " ") + std::string(word);
}

} // namespace

std::string help_command(const CLI::App& app)
{
  const std::string path = command_path(app);
  const auto space = path.find(' ');
  return "imictl help" + (space == std::string::npos ? std::string() : path.substr(space));
}

std::string unknown_command_message(const CLI::App& level, std::string_view word)
{
  const auto near = util::suggest(word, subcommand_names(level), 1);
  if (near.empty()) return _f("unknown command '{}'", words_from_root(level, word));
  return _f("unknown command '{}'; did you mean '{}'?", words_from_root(level, word),
            words_from_root(level, near.front()));
}

const CLI::App& find_command(const CLI::App& root, const std::vector<std::string>& words)
{
  const CLI::App* level = &root;
  for (const auto& word : words) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub :
         level->get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); }))
      if (sub->check_name(word)) next = sub;
    if (next == nullptr)
      throw UsageError(unknown_command_message(*level, word), {_f("see '{}'", help_command(*level))});
    level = next;
  }
  return *level;
}

void setup_help(CLI::App& root, Runtime&)
{
  auto words = std::make_shared<std::vector<std::string>>();
  auto* cmd = root.add_subcommand("help");
  cmd->add_option("command", *words, _("A command and its subcommands, as in 'imictl help user add'"));
  cmd->callback([&root, words] { std::cout << help_text(find_command(root, *words)); });
}

} // namespace imi::cli
