// How `--help` looks: CLI11's layout with the command list first at the top
// level, the global options on every page (they are defined once, on the
// root, and reach the subcommands by fallthrough), and a footer that says
// where to read on. Every word of it, CLI11's own included, is in the
// interface language.
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

// CLI11's types of values (CLI/TypeTools.hpp), by the name it gives them.
const char* cli11_type_name(const std::string& name)
{
  // TRANSLATORS: the type of an option's value in the help ("--db TEXT"),
  // in capitals as a placeholder.
  if (name == "TEXT") return C_("metavariable", "TEXT");
  // TRANSLATORS: the type of an option's value in the help: a whole number.
  if (name == "INT") return C_("metavariable", "INT");
  // TRANSLATORS: the type of an option's value in the help: a whole number of 0 or more.
  if (name == "UINT") return C_("metavariable", "UINT");
  // TRANSLATORS: the type of an option's value in the help: a number with decimals.
  if (name == "FLOAT") return C_("metavariable", "FLOAT");
  // TRANSLATORS: the type of an option's value in the help: true or false.
  if (name == "BOOLEAN") return C_("metavariable", "BOOLEAN");
  return nullptr;
}

class HelpFormatter : public CLI::Formatter {
public:
  HelpFormatter()
  {
    // TRANSLATORS: the help's first line, "Usage: imictl [OPTIONS] COMMAND".
    label("Usage", _("Usage"));
    // TRANSLATORS: placeholder in the help's usage line, "Usage: imictl [OPTIONS] COMMAND".
    label("OPTIONS", _("OPTIONS"));
    // TRANSLATORS: placeholder in the usage line, "Usage: imictl user [OPTIONS] SUBCOMMAND".
    label("SUBCOMMAND", _("SUBCOMMAND"));
    // TRANSLATORS: placeholder in the usage line of a command that takes several subcommands.
    label("SUBCOMMANDS", _("SUBCOMMANDS"));
    // TRANSLATORS: the heading of the help's list of positional arguments (USER, FILE, ...).
    label("Positionals", _("Positionals"));
    // TRANSLATORS: after an option in the help: it must be given.
    label("REQUIRED", _("REQUIRED"));
    // TRANSLATORS: after an option in the help, "(Env:IMICTL_CONFIG)": the
    // environment variable that gives its value.
    label("Env", _("Env"));
    // TRANSLATORS: after an option in the help, "Needs: --reason": the options it goes with.
    label("Needs", _("Needs"));
    // TRANSLATORS: after an option in the help, "Excludes: --all": the options it cannot go with.
    label("Excludes", _("Excludes"));
  }

  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override
  {
    if (mode == CLI::AppFormatMode::Sub) return CLI::Formatter::make_help(app, name, mode);
    std::ostringstream out;
    out << make_description(app) << make_usage(app, name) << make_positionals(app);
    if (app->get_parent() == nullptr) {
      // The top level: what you can do first, then how to tune it.
      out << make_command_list(app, _("Commands")) << make_groups(app, mode);
    } else {
      out << make_groups(app, mode) << make_command_list(app, _("Subcommands")) << make_global_options(*app);
    }
    out << '\n' << make_footer(app);
    return single_blank_lines(out.str());
  }

  std::string make_usage(const CLI::App* app, std::string name) const override
  {
    std::string usage = CLI::Formatter::make_usage(app, name);
    // What follows `imictl` is a command; what follows a command, its subcommand.
    const std::string sub = " " + get_label("SUBCOMMAND");
    if (const auto at = usage.find(sub); app->get_parent() == nullptr && at != std::string::npos)
      // TRANSLATORS: placeholder in the usage line, "Usage: imictl [OPTIONS] COMMAND".
      usage.replace(at, sub.size(), std::string(" ") + _("COMMAND"));
    return usage;
  }

  std::string make_footer(const CLI::App* app) const override
  {
    if (app->get_parent() == nullptr)
      return std::string(
                 _("Run 'imictl help COMMAND' for a command's options; 'man imictl' for the whole manual.")) +
             "\n";
    return _f("See 'man imictl-{}' for the manual page.", top_level_name(*app)) + "\n";
  }

  // Group names are set in English (they are matched, as the global
  // options' is) and shown translated; "Options" is CLI11's default.
  std::string make_group(std::string group, bool is_positional,
                         std::vector<const CLI::Option*> opts) const override
  {
    return CLI::Formatter::make_group(shown_group_name(group), is_positional, std::move(opts));
  }

  // CLI11's, with the type of the value in the interface language.
  std::string make_option_opts(const CLI::Option* opt) const override
  {
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    std::ostringstream out;
    if (opt->get_type_size() != 0) {
      if (!opt->get_type_name().empty()) out << " " << shown_type_name(opt->get_type_name());
      if (!opt->get_default_str().empty()) out << "=" << opt->get_default_str();
      if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
        out << " ...";
      else if (opt->get_expected_min() > 1)
        out << " x " << opt->get_expected();
      if (opt->get_required()) out << " " << get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
    if (!opt->get_needs().empty()) {
      out << " " << get_label("Needs") << ":";
      for (const CLI::Option* other : opt->get_needs())
        out << " " << other->get_name();
    }
    if (!opt->get_excludes().empty()) {
      out << " " << get_label("Excludes") << ":";
      for (const CLI::Option* other : opt->get_excludes())
        out << " " << other->get_name();
    }
    return out.str();
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

  static std::string shown_group_name(const std::string& group)
  {
    // TRANSLATORS: CLI11's heading of a command's own options in the help.
    if (group == "Options") return _("Options");
    // Never _(""): gettext answers the catalogue's header.
    return group.empty() ? group : std::string(_(group.c_str()));
  }
};

} // namespace

std::string shown_type_name(const std::string& type_name)
{
  // CLI11 appends each check's description: "TEXT:{nl,en}".
  const auto colon = type_name.find(':');
  const char* shown = cli11_type_name(type_name.substr(0, colon));
  if (shown == nullptr) return type_name;
  return shown + (colon == std::string::npos ? std::string() : type_name.substr(colon));
}

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
