#include "completion_model.hpp"

#include "requests/lifecycle.hpp"
#include "users/role.hpp"
#include "util/text.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

namespace imi::cli {
namespace {

// Values looked up when Tab is pressed, by the option or positional's name.
const std::map<std::string, std::string>& dynamic_values()
{
  static const std::map<std::string, std::string> table = {
      {"--as", "@user"},
      {"USER", "@user"},
      {"HANDLER", "@user"},
      {"--reassign-to", "@user"},
      {"--actor", "@user"},
      {"--department", "@department"},
      {"--add-department", "@department"},
      {"--remove-department", "@department"},
      {"--service", "@keyword"},
      {"--default-service", "@keyword"},
      {"--keyword", "@keyword"},
      {"keywords", "@keyword"},
      {"REQ", "@reference"},
      {"--db", "file"},
      {"--config", "file"},
      {"--output", "file"},
      {"file", "file"},
      {"FILE", "file"},
  };
  return table;
}

std::string fixed_list(const std::vector<std::string>& values)
{
  return "=" + util::join(values, ",");
}

std::string role_values()
{
  std::vector<std::string> slugs;
  for (Role r : {Role::basic, Role::handler, Role::lda, Role::allocator})
    slugs.push_back(role_slug(r));
  return fixed_list(slugs);
}

std::string request_state_values()
{
  std::vector<std::string> slugs;
  for (RequestState s : {RequestState::draft, RequestState::sent, RequestState::accepted,
                         RequestState::answered, RequestState::closed, RequestState::refused})
    slugs.push_back(request_state_slug(s));
  return fixed_list(slugs);
}

// CLI11 appends each validator's description to the type name:
// "TEXT:{table,json,csv,html}" for IsMember.
std::string member_set(const CLI::Option& opt)
{
  for (const auto& part : util::split(opt.get_type_name(), ':')) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}' && part.find("->") == std::string::npos)
      return "=" + part.substr(1, part.size() - 2);
  }
  return "";
}

// "Work with allocation: on|off" names its values in the help text.
std::string alternatives_in_description(const CLI::Option& opt)
{
  const std::string& d = opt.get_description();
  const auto bar = d.find('|');
  if (bar == std::string::npos) return "";
  auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '|';
  };
  auto begin = bar, end = bar;
  while (begin > 0 && is_word(d[begin - 1]))
    --begin;
  while (end < d.size() && is_word(d[end]))
    ++end;
  auto words = util::split(d.substr(begin, end - begin), '|');
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w.empty(); })) return "";
  return fixed_list(words);
}

// The enumeration validators of enum_option.hpp, by name: their library
// parsers accept many spellings; completion offers the slugs.
bool has_validator(CLI::Option& opt, const std::string& validator)
{
  try {
    return opt.get_validator(validator) != nullptr && opt.get_validator(validator)->get_name() == validator;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

std::string value_token(CLI::Option& opt, const std::string& name)
{
  if (auto set = member_set(opt); !set.empty()) return set;
  if (has_validator(opt, "role") || name == "ROLE" || name == "--role") return role_values();
  if (has_validator(opt, "state") || name == "--state") return request_state_values();
  if (has_validator(opt, "reason")) return fixed_list(refusal_reasons());
  const auto& dyn = dynamic_values();
  if (auto it = dyn.find(name); it != dyn.end()) return it->second;
  if (opt.get_type_name().rfind("FILE", 0) == 0) return "file";
  if (auto alternatives = alternatives_in_description(opt); !alternatives.empty()) return alternatives;
  return "-";
}

bool hidden(const CLI::Option& opt)
{
  return opt.get_group().empty();
}

void add_command(CLI::App& app, const std::string& path, std::vector<CompletionCommand>& out)
{
  CompletionCommand cmd;
  cmd.path = path;
  for (CLI::Option* opt : app.get_options()) {
    if (hidden(*opt)) continue;
    if (opt->get_positional() && opt->nonpositional() == false) {
      const std::string name = opt->get_name(true, false);
      const std::string token = value_token(*opt, name);
      const int count = opt->get_items_expected_max();
      cmd.positionals.push_back(token);
      if (count > 1) cmd.last_positional_repeats = true;
      continue;
    }
    CompletionOption o;
    for (const auto& s : opt->get_snames())
      o.names.push_back("-" + s);
    for (const auto& l : opt->get_lnames())
      o.names.push_back("--" + l);
    if (o.names.empty()) continue;
    if (opt->get_type_size_max() > 0) {
      o.value = value_token(*opt, o.names.back());
      // A positional that is also an option (`file` and `-o,--output`)
      // keeps the positional's token too.
      if (opt->get_positional()) cmd.positionals.push_back(o.value);
    }
    cmd.options.push_back(std::move(o));
  }
  std::vector<CLI::App*> subs = app.get_subcommands([](CLI::App* s) { return !s->get_group().empty(); });
  for (CLI::App* sub : subs)
    cmd.subcommands.push_back(sub->get_name());
  out.push_back(std::move(cmd));
  for (CLI::App* sub : subs)
    add_command(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out);
}

} // namespace

std::vector<CompletionCommand> completion_model(CLI::App& root)
{
  std::vector<CompletionCommand> out;
  add_command(root, "", out);
  return out;
}

} // namespace imi::cli
