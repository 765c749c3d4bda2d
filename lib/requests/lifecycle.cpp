#include "requests/lifecycle.hpp"

#include "core/error.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi {

namespace {
using S = RequestState;
} // namespace

// SPEC §4 "Who may act" and guide B2/B3. The responding side's handler must be
// the assigned one when the authority works with allocation (B3: "Behandelaars
// aan wie het verzoek niet toegewezen is, kunnen het verzoek ook niet behandelen").
const std::vector<Transition>& lifecycle()
{
  static const std::vector<Transition> table = {
      {"send",
       {S::draft},
       S::sent,
       false,
       Side::requesting,
       Role::handler,
       false,
       input_none,
       input_none,
       notice_responder_intake,
       "request send REQ",
       N_("send the draft to the responding authority")},
      {"discard",
       {S::draft},
       std::nullopt,
       true,
       Side::requesting,
       Role::handler,
       false,
       input_none,
       input_none,
       notice_none,
       "request discard REQ",
       N_("delete the draft")},
      {"attach",
       {S::draft},
       std::nullopt,
       false,
       Side::requesting,
       Role::handler,
       false,
       input_file,
       input_none,
       notice_none,
       "request attach REQ FILE",
       N_("attach a file to the draft")},
      {"accept",
       {S::sent},
       S::accepted,
       false,
       Side::responding,
       Role::handler,
       true,
       input_none,
       input_comment,
       notice_none,
       "request accept REQ",
       N_("accept: the authority is competent and will answer")},
      {"refuse",
       {S::sent},
       S::refused,
       false,
       Side::responding,
       Role::handler,
       true,
       input_refusal_reason,
       input_comment,
       notice_sender,
       "request refuse REQ --reason REASON",
       N_("refuse for insufficient motivation or out of scope (B2)")},
      {"forward",
       {S::sent, S::accepted},
       S::sent,
       false,
       Side::responding,
       Role::handler,
       true,
       input_authority,
       input_comment,
       notice_responder_intake | notice_sender,
       "request forward REQ --to AUTH",
       N_("forward to the competent authority or to the coordinator")},
      {"answer",
       {S::accepted},
       std::nullopt,
       false,
       Side::responding,
       Role::handler,
       true,
       input_answer,
       input_none,
       notice_none,
       "request answer REQ --question N --text TEXT",
       N_("answer one question")},
      {"attach",
       {S::accepted},
       std::nullopt,
       false,
       Side::responding,
       Role::handler,
       true,
       input_file,
       input_none,
       notice_none,
       "request attach REQ FILE",
       N_("attach a file to the answer")},
      {"reply",
       {S::accepted},
       S::answered,
       false,
       Side::responding,
       Role::handler,
       true,
       input_none,
       input_comment,
       notice_sender,
       "request reply REQ",
       N_("send the answers (every question answered)")},
      {"reopen",
       {S::answered},
       S::accepted,
       false,
       Side::requesting,
       Role::handler,
       false,
       input_comment,
       input_none,
       notice_none,
       "request reopen REQ --comment TEXT",
       N_("ask for further information")},
      {"close",
       {S::answered},
       S::closed,
       false,
       Side::requesting,
       Role::handler,
       false,
       input_none,
       input_comment,
       notice_none,
       "request close REQ",
       N_("close the answered request")},
      {"due-propose",
       {S::sent, S::accepted},
       std::nullopt,
       false,
       Side::responding,
       Role::handler,
       true,
       input_date,
       input_comment,
       notice_none,
       "request due REQ --propose DATE",
       N_("propose another due date")},
      {"due-agree",
       {S::sent, S::accepted},
       std::nullopt,
       false,
       Side::requesting,
       Role::handler,
       false,
       input_none,
       input_none,
       notice_none,
       "request due REQ --agree",
       N_("agree to the proposed due date")},
      {"assign",
       {S::sent, S::accepted},
       std::nullopt,
       false,
       Side::responding,
       Role::allocator,
       false,
       input_handlers,
       input_none,
       notice_assignees,
       "assign REQ HANDLER",
       N_("assign handlers (B3)")},
      {"unassign",
       {S::sent, S::accepted},
       std::nullopt,
       false,
       Side::responding,
       Role::allocator,
       false,
       input_handlers,
       input_none,
       notice_none,
       "unassign REQ HANDLER",
       N_("take a handler off the request")},
  };
  return table;
}

std::string request_action_label(std::string_view action)
{
  // TRANSLATORS: the actions of a request, named in messages such as
  // "request X is sent: accept is not possible in that state".
  if (action == "send") return C_("action", "send");
  if (action == "discard") return C_("action", "discard");
  if (action == "attach") return C_("action", "attach");
  if (action == "accept") return C_("action", "accept");
  if (action == "refuse") return C_("action", "refuse");
  if (action == "forward") return C_("action", "forward");
  if (action == "answer") return C_("action", "answer");
  if (action == "reply") return C_("action", "reply");
  if (action == "reopen") return C_("action", "reopen");
  if (action == "close") return C_("action", "close");
  if (action == "due-propose") return C_("action", "due-propose");
  if (action == "due-agree") return C_("action", "due-agree");
  if (action == "assign") return C_("action", "assign");
  if (action == "unassign") return C_("action", "unassign");
  return std::string(action);
}

std::string request_action_labels(const std::vector<std::string>& actions)
{
  std::vector<std::string> labels;
  for (const auto& a : actions)
    labels.push_back(request_action_label(a));
  return util::join(labels, ", ");
}

const char* side_slug(Side s)
{
  return s == Side::requesting ? "requesting" : "responding";
}

std::vector<const Transition*> transitions_for(std::string_view action)
{
  std::vector<const Transition*> rows;
  for (const auto& t : lifecycle())
    if (action == t.action) rows.push_back(&t);
  return rows;
}

const Transition* transition_from(std::string_view action, RequestState state)
{
  for (const Transition* t : transitions_for(action))
    if (std::find(t->from.begin(), t->from.end(), state) != t->from.end()) return t;
  return nullptr;
}

std::vector<std::string> actions_in_state(RequestState state)
{
  std::vector<std::string> out;
  for (const auto& t : lifecycle())
    if (std::find(t.from.begin(), t.from.end(), state) != t.from.end() &&
        std::find(out.begin(), out.end(), t.action) == out.end())
      out.emplace_back(t.action);
  return out;
}

const std::vector<std::string>& refusal_reasons()
{
  static const std::vector<std::string> reasons = {"insufficient-motivation", "out-of-scope"};
  return reasons;
}

void check_refusal_reason(std::string_view reason)
{
  const auto& reasons = refusal_reasons();
  if (std::find(reasons.begin(), reasons.end(), util::trim(reason)) == reasons.end())
    throw InvalidInputError(_("a request may only be refused for a reason of the guide (B2)"),
                            {"--reason " + util::join(reasons, " | ")});
}

std::vector<std::string> input_names(unsigned inputs)
{
  static const std::vector<std::pair<unsigned, const char*>> names = {
      {input_refusal_reason, "refusal_reason"},
      {input_comment, "comment"},
      {input_authority, "authority"},
      {input_date, "date"},
      {input_answer, "answer"},
      {input_file, "file"},
      {input_handlers, "handlers"},
  };
  std::vector<std::string> out;
  for (const auto& [bit, name] : names)
    if (inputs & bit) out.emplace_back(name);
  return out;
}

std::vector<std::string> notice_names(unsigned notices)
{
  std::vector<std::string> out;
  if (notices & notice_responder_intake) out.emplace_back("responder_intake");
  if (notices & notice_sender) out.emplace_back("sender");
  if (notices & notice_assignees) out.emplace_back("assignees");
  return out;
}

} // namespace imi
