// imictl request consent-form REQ -o FILE.docx: the service provider's
// consent declaration (B2), filled in from the request (lib/archive).
#include "archive/archive.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

struct ConsentOptions {
  std::string request, output, language;
};

void run_consent_form(const ConsentOptions& o, Runtime& rt)
{
  const auto result = write_consent_form(rt.session(), rt.actor(), o.request, o.output,
                                         o.language.empty() ? std::nullopt : std::optional(o.language));
  if (o.output == "-") return; // the document itself is the output
  rt.out().object({{"reference", result.reference},
                   {"file", o.output},
                   {"language", result.language},
                   {"bytes", static_cast<std::int64_t>(result.bytes)},
                   {"sha256", result.sha256}});
}

} // namespace

void setup_request_consent_form(CLI::App& cmd, Runtime& rt)
{
  auto o = std::make_shared<ConsentOptions>();
  auto* sub =
      cmd.add_subcommand("consent-form", _("The service provider's consent declaration (B2) as .docx"));
  sub->add_option("REQ", o->request, _("Request reference or id"))->required();
  sub->add_option("-o,--output", o->output, _("File to write (- for standard output)"))
      ->required()
      ->type_name("FILE");
  sub->add_option("--language", o->language, _("nl or en (default: the request's language)"))->type_name("L");
  sub->callback([o, &rt] { run_consent_form(*o, rt); });
}

} // namespace imi::cli
