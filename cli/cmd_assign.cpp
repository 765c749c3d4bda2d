// imictl assign REQ HANDLER... [--reassign] and imictl unassign REQ HANDLER:
// allocators of the responding authority (B3). Prints the request's
// assigned handlers afterwards.
#include "request_records.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

struct AssignOptions {
  std::string request;
  std::vector<std::string> handlers;
  bool reassign = false;
};

void print_assignees(Runtime& rt, const std::string& request, const std::vector<std::string>& assignees)
{
  rt.out().object({{"reference", request}, {"assignees", assignees}});
}

} // namespace

void setup_assign(CLI::App& root, Runtime& rt)
{
  auto a = std::make_shared<AssignOptions>();
  auto* assign = root.add_subcommand("assign");
  assign->add_option("REQ", a->request, _("Request reference or id"))->required();
  assign->add_option("HANDLER", a->handlers, _("Handler of the responding authority"))->required();
  assign->add_flag("--reassign", a->reassign, _("Replace the handlers now assigned"));
  assign->callback([a, &rt] {
    print_assignees(rt, a->request,
                    assign_request(rt.session(), rt.actor(), a->request, a->handlers, a->reassign));
  });
}

void setup_unassign(CLI::App& root, Runtime& rt)
{
  auto u = std::make_shared<AssignOptions>();
  auto* unassign = root.add_subcommand("unassign");
  unassign->add_option("REQ", u->request, _("Request reference or id"))->required();
  unassign->add_option("HANDLER", u->handlers, _("Handler to take off"))->required()->expected(1);
  unassign->callback([u, &rt] {
    print_assignees(rt, u->request,
                    unassign_request(rt.session(), rt.actor(), u->request, u->handlers.front()));
  });
}

} // namespace imi::cli
