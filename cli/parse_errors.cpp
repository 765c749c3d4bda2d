// Turns CLI11's parse errors into messages that say what to type instead.
// CLI11 reports the first rule it checks (a required option, a missing
// subcommand) even when a word was simply misspelt, so the words it could
// not place are looked at first: they are the likelier mistake. CLI11's own
// messages are English; those a person can cause are said again, from
// their parts, in the interface language.
#include "help.hpp"
#include "util/i18n.hpp"
#include "util/suggest.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <regex>

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
  if (option.rfind("--", 0) == 0) {
    const auto near = util::suggest(option.substr(2), long_option_names(level), 1);
    if (!near.empty()) return _f("unknown option {}; did you mean --{}?", option, near.front());
  }
  return _f("unknown option {}", option);
}

template <typename E>
bool is(const CLI::ParseError& error)
{
  return dynamic_cast<const E*>(&error) != nullptr;
}

unsigned long number(const std::ssub_match& digits)
{
  return std::stoul(digits.str());
}

// CLI11's message (CLI/Error.hpp, CLI/Validators.hpp) in the interface
// language, built from the option's name and the values it names; a
// message of a form not known here is passed on as it is.
std::string cli11_message(const CLI::ParseError& error)
{
  const std::string text = error.what();
  std::smatch m;
  auto matches = [&text, &m](const char* pattern) { return std::regex_match(text, m, std::regex(pattern)); };
  if (is<CLI::RequiredError>(error)) {
    if (text == "A subcommand is required") return _("A subcommand is required");
    if (matches("(\\S+) is required")) return _f("{} is required", m.str(1));
  } else if (is<CLI::ValidationError>(error)) {
    // CLI::IsMember, as --lang and --format check their value; the
    // enumerations of enum_option.hpp bring the library's own message.
    if (matches("(\\S+): (.*) not in (\\{.*\\})"))
      return _f("{}: {} not in {}", m.str(1), m.str(2), m.str(3));
  } else if (is<CLI::ConversionError>(error)) {
    // TRANSLATORS: a value of the wrong type, "--limit = abc".
    if (matches("Could not convert: (\\S+) = (.*)"))
      return _f("Could not convert: {} = {}", m.str(1), m.str(2));
    if (matches("The value (.*) is not an allowed value for (\\S+)"))
      return _f("The value {} is not an allowed value for {}", m.str(1), m.str(2));
    if (matches("(\\S+): too many inputs for a flag")) return _f("{}: too many inputs for a flag", m.str(1));
    if (matches("(\\S+): Should be true/false or a number"))
      return _f("{}: Should be true/false or a number", m.str(1));
  } else if (is<CLI::ArgumentMismatch>(error)) {
    // TRANSLATORS: "--db: 1 required TEXT missing": the option was given
    // without its value; {2} is the type of the value.
    if (matches("(\\S+): (\\d+) required (.*) missing"))
      return _n("{0}: {1} required {2} missing", "{0}: {1} required {2} missing", number(m[2]), m.str(1),
                number(m[2]), shown_type_name(m.str(3)));
    if (matches("(\\S+): At least (\\d+) required but received (\\d+)"))
      return _f("{0}: At least {1} required but received {2}", m.str(1), m.str(2), m.str(3));
    if (matches("(\\S+): At Most (\\d+) required but received (\\d+)"))
      return _f("{0}: At Most {1} required but received {2}", m.str(1), m.str(2), m.str(3));
    if (matches("Expected exactly (\\d+) arguments to (\\S+), got (\\d+)"))
      return _n("Expected exactly {0} argument to {1}, got {2}",
                "Expected exactly {0} arguments to {1}, got {2}", number(m[1]), m.str(1), m.str(2), m.str(3));
    if (matches("Expected at least (\\d+) arguments to (\\S+), got (\\d+)"))
      return _n("Expected at least {0} argument to {1}, got {2}",
                "Expected at least {0} arguments to {1}, got {2}", number(m[1]), m.str(1), m.str(2),
                m.str(3));
    if (matches("(\\S+) was given a disallowed flag override"))
      return _f("{} was given a disallowed flag override", m.str(1));
  } else if (is<CLI::ExcludesError>(error)) {
    // TRANSLATORS: "--all excludes --failed": the two options cannot be given together.
    if (matches("(\\S+) excludes (\\S+)")) return _f("{} excludes {}", m.str(1), m.str(2));
  } else if (is<CLI::RequiresError>(error)) {
    // TRANSLATORS: "--reveal-blocked requires --reason": the first option needs the second.
    if (matches("(\\S+) requires (\\S+)")) return _f("{} requires {}", m.str(1), m.str(2));
  } else if (is<CLI::ExtrasError>(error)) {
    if (matches("The following argument was not expected: (.*)"))
      return _f("The following argument was not expected: {}", m.str(1));
    if (matches("The following arguments were not expected: (.*)"))
      return _f("The following arguments were not expected: {}", m.str(1));
  }
  return text;
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
  const std::vector<std::string> see{_f("see '{}'", help_command(level))};
  const auto extras = root.remaining(true);
  if (!extras.empty()) {
    const std::string& word = extras.front();
    if (word.size() > 1 && word[0] == '-') return {unknown_option_message(level, word), see};
    if (!level.get_subcommands(named).empty()) return {unknown_command_message(level, word), see};
    return {_f("unexpected argument '{}' for '{}'", word, command_path(level)), see};
  }
  if (level.get_require_subcommand_min() > 0 && level.get_subcommands().empty()) {
    if (level.get_parent() == nullptr)
      return {_("a command is required"), {_f("see '{}'", "imictl help")}, &level};
    if (const std::string* word = misspelt_subcommand(level))
      return {unknown_command_message(level, *word), see};
    return {_f("'{}' needs a subcommand", command_path(level)), see, &level};
  }
  return {cli11_message(error), see};
}

} // namespace imi::cli
