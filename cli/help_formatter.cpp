// How `--help` looks: CLI11's layout with the command list first at the top
// level, the global options on every page (they are defined once, on the
// root, and reach the subcommands by fallthrough), and a footer that says
// where to read on.
#include "help.hpp"

#include <CLI/CLI.hpp>
#include <sstream>

namespace imi::cli {
namespace {

const CLI::App& root_of(const CLI::App& app)
{
  const CLI::App* level = &app;
  while (level->get_parent() != nullptr)
    level = level->get_parent();
  return *level;
}

// The first word after "imictl": whose man page a subcommand's help names.
std::string top_level_name(const CLI::App& app)
{
  const CLI::App* level = &app;
  while (level->get_parent() != nullptr && level->get_parent()->get_parent() != nullptr)
    level = level->get_parent();
  return level->get_name();
}

// CLI11 separates sections with one blank line and ends each with another.
std::string single_blank_lines(std::string text)
{
  for (auto at = text.find("\n\n\n"); at != std::string::npos; at = text.find("\n\n\n", at))
    text.erase(at, 1);
  return text;
}

class HelpFormatter : public CLI::Formatter {
public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
  {
    if (mode == CLI::AppFormatMode::Sub) return CLI::Formatter::make_help(app, name, mode);
    std::ostringstream out;
    out << make_description(app) << make_usage(app, name) << make_positionals(app);
    if (app->get_parent() == nullptr) {
      // The top level: what you can do first, then how to tune it.
      out << make_command_list(app, "Commands") << make_groups(app, mode);
    } else {
      out << make_groups(app, mode) << make_command_list(app, "Subcommands") << make_global_options(*app);
    }
    out << '\n' << make_footer(app);
    return single_blank_lines(out.str());
  }

  std::string make_usage(const CLI::App* app, std::string name) const override
  {
    std::string usage = CLI::Formatter::make_usage(app, name);
    // What follows `imictl` is a command; what follows a command, its subcommand.
    const std::string sub = " SUBCOMMAND";
    if (const auto at = usage.find(sub); app->get_parent() == nullptr && at != std::string::npos)
      usage.replace(at, sub.size(), " COMMAND");
    return usage;
  }

  std::string make_footer(const CLI::App* app) const override
  {
    if (app->get_parent() == nullptr)
      return "Run 'imictl help COMMAND' for a command's options; 'man imictl' for the whole manual.\n";
    return "See 'man imictl-" + top_level_name(*app) + "' for the manual page.\n";
  }

private:
  // Each subcommand with the summary the command table gave it (cli/app.cpp).
  std::string make_command_list(const CLI::App* app, const std::string& title) const
  {
    const auto subs = app->get_subcommands([](const CLI::App* s) { return !s->get_name().empty(); });
    if (subs.empty()) return {};
    std::ostringstream out;
    out << '\n' << title << ":\n";
    for (const CLI::App* sub : subs)
      CLI::detail::format_help(out, sub->get_name(), sub->get_description(), column_width_);
    return out.str();
  }

  std::string make_global_options(const CLI::App& app) const
  {
    const auto globals =
        root_of(app).get_options([](const CLI::Option* o) { return o->get_group() == global_options_group; });
    return globals.empty() ? std::string() : make_group(global_options_group, false, globals);
  }
};

} // namespace

std::shared_ptr<CLI::FormatterBase> help_formatter()
{
  return std::make_shared<HelpFormatter>();
}

std::string command_path(const CLI::App& app)
{
  if (app.get_parent() == nullptr) return app.get_name();
  return command_path(*app.get_parent()) + " " + app.get_name();
}

std::string help_text(const CLI::App& app)
{
  return app.get_formatter()->make_help(&app, command_path(app), CLI::AppFormatMode::Normal);
}

} // namespace imi::cli
