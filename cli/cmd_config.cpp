// imictl config show: every effective value and where it came from.
#include "notify/mail_settings.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <charconv>

namespace imi::cli {

void setup_config_example(CLI::App& config);

namespace {

// Numbers are numbers in JSON, and a key without a value is null, as
// everywhere else (SPEC §1 JSON).
Value typed(const ConfigKey& key, const std::string& text)
{
  if (text.empty()) return nullptr;
  if (key.type == ConfigType::integer) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec == std::errc() && end == text.data() + text.size()) return n;
  }
  return text;
}

void run_show(Runtime& rt)
{
  Session& s = rt.session();
  const Config& c = s.config();
  auto& out = rt.out();
  out.begin_list({"key", "value", "source"});
  for (const auto& key : config_keys()) {
    const auto& e = c.entries().at(key.name);
    Value value = typed(key, e.value);
    std::string source = e.source;
    // Unset, the sender is the own authority's address: show the one used.
    if (std::string_view(key.name) == "mail.from" && e.value.empty()) {
      value = effective_mail_from(s);
      source = "own authority e-mail";
    }
    // The SMTP password lives in a file; its path is shown, never a secret.
    out.row({{"key", key.name}, {"value", value}, {"source", source}});
  }
  out.end_list();
}

} // namespace

void setup_config(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("config");
  cmd->require_subcommand(1);
  auto* show = cmd->add_subcommand("show", _("Print every key, its value and its source"));
  show->callback([&rt] { run_show(rt); });
  setup_config_example(*cmd);
}

} // namespace imi::cli
