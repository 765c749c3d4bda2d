#include "request_records.hpp"

#include "util/i18n.hpp"
#include "util/text.hpp"

namespace imi::cli {
namespace {

std::vector<std::string> state_slugs(const std::vector<RequestState>& states)
{
  std::vector<std::string> out;
  for (RequestState s : states)
    out.emplace_back(request_state_slug(s));
  return out;
}

} // namespace

const std::vector<std::string>& request_list_columns()
{
  static const std::vector<std::string> columns = {
      "reference", "state", "requesting_authority", "responding_authority", "subject", "due_at", "assignees"};
  return columns;
}

Record request_list_row(const RequestDetails& r)
{
  return {{"reference", r.reference},
          {"state", request_state_slug(r.state)},
          {"requesting_authority", r.requesting_authority},
          {"responding_authority", r.responding_authority},
          {"subject", r.subject},
          {"due_at", r.due_at},
          {"assignees", util::join(r.assignees, " ")}};
}

Record transition_record(const Transition& t, bool for_table)
{
  return {{"action", t.action},
          {"from", state_slugs(t.from)},
          {"to", t.deletes ? Value("deleted")
                 : t.to    ? Value(request_state_slug(*t.to))
                           : Value()},
          {"side", side_slug(t.side)},
          {"role", role_slug(t.role)},
          {"needs_assignment", t.needs_assignment},
          {"required", input_names(t.required)},
          {"optional", input_names(t.optional)},
          {"notifies", notice_names(t.notices)},
          {"synopsis", t.synopsis},
          // Prose for people: a table shows it in the interface language,
          // JSON and CSV keep the English of the lifecycle table.
          {"description", for_table ? _(t.description) : t.description}};
}

} // namespace imi::cli
