// imictl request create and the lifecycle actions (send, accept, refuse,
// forward, answer, reply, reopen, close, discard, attach, due). Which action
// is possible, for whom, is the lifecycle table's business (lib/requests);
// the listing and show commands are in cmd_request_view.cpp.
#include "core/error.hpp"
#include "enum_option.hpp"
#include "request_records.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_request_views(CLI::App& request, Runtime& rt);
void setup_request_consent_form(CLI::App& request, Runtime& rt);

namespace {

struct ActionOptions {
  std::string request;
  ActionInput in;
  std::string comment, reason, to, text, standard, file, propose;
  std::int64_t question = 0;
  bool agree = false;
};

std::optional<std::string> given(const std::string& s)
{
  return s.empty() ? std::nullopt : std::optional(s);
}

// After an action the request is shown as the actor now sees it.
void run_action(ActionOptions& o, const std::string& action, Runtime& rt)
{
  o.in.comment = given(o.comment);
  o.in.reason = given(o.reason);
  o.in.to = given(o.to);
  o.in.text = given(o.text);
  o.in.standard = given(o.standard);
  o.in.file = given(o.file);
  if (o.question) o.in.question = o.question;
  std::string name = action;
  if (action == "due") {
    if (o.agree == !o.propose.empty()) throw UsageError(_("request due takes --propose DATE or --agree"));
    name = o.agree ? "due-agree" : "due-propose";
    o.in.date = given(o.propose);
  }
  // The request it prints has nested parts: CSV is refused before acting.
  if (name != "discard") rt.refuse_csv_for_nested();
  Session& s = rt.session();
  const RequestDetails after = act_on_request(s, rt.actor(), o.request, name, o.in);
  if (name == "discard") {
    rt.out().object({{"reference", after.reference}, {"state", "deleted"}});
  } else if (after.view == RequestView::none) {
    // Forwarded away: the actor no longer sees it, but may know where it went.
    rt.out().object({{"reference", after.reference}, {"state", request_state_slug(after.state)}});
  } else {
    rt.out().object(request_record(after));
  }
}

CLI::App* action(CLI::App& cmd, Runtime& rt, const std::string& name, const std::string& help,
                 std::shared_ptr<ActionOptions> o)
{
  auto* sub = cmd.add_subcommand(name, help);
  sub->add_option("REQ", o->request, _("Request reference or id"))->required();
  sub->callback([o, name, &rt] { run_action(*o, name, rt); });
  return sub;
}

struct CreateOptions {
  NewRequest in;
  std::string question_set, due, provider_name, provider_address, provider_registration, provider_birth_date;
};

void run_create(CreateOptions& o, Runtime& rt)
{
  o.in.question_set = given(o.question_set);
  o.in.due = given(o.due);
  o.in.personal = {given(o.provider_name), given(o.provider_address), given(o.provider_registration),
                   given(o.provider_birth_date)};
  Session& s = rt.session();
  const std::string reference = create_request(s, rt.actor(), o.in);
  // The table form is the reference alone, for scripts: ref=$(imictl request create ...).
  if (rt.format() == Format::table)
    rt.out().line(reference);
  else
    rt.out().object(request_record(show_request(s, rt.actor(), reference)));
}

void setup_create(CLI::App& cmd, Runtime& rt)
{
  auto c = std::make_shared<CreateOptions>();
  auto* create =
      cmd.add_subcommand("create", _("Draft a request to another authority (prints the reference)"));
  create->add_option("--to", c->in.to, _("Responding authority (id or name)"))->required()->type_name("AUTH");
  create->add_option("--subject", c->in.subject, _("Subject"))->required();
  create->add_option("--motivation", c->in.motivation,
                     _("Why the information is needed (B2 nadere toelichting)"));
  create->add_option("--question-set", c->question_set, _("Shipped question set"))->type_name("SET");
  create->add_option("--question", c->in.questions, _("Question of the set (repeatable; default all)"))
      ->type_name("N");
  create->add_option("--free-question", c->in.free_questions, _("A question of your own (repeatable)"))
      ->type_name("TEXT");
  create->add_option("--language", c->in.language, _("Language of the request"))->capture_default_str();
  create->add_option("--due", c->due, _("Due date (default: [requests] default_due_days after sending)"))
      ->type_name("DATE");
  create->add_flag("--fictitious", c->in.fictitious, _("A practice case (FICTIEF)"));
  create->add_option("--provider-name", c->provider_name, _("Service provider's name (personal data)"));
  create->add_option("--provider-address", c->provider_address, _("Service provider's address"));
  create->add_option("--provider-registration", c->provider_registration, _("Registration number"));
  create->add_option("--provider-birth-date", c->provider_birth_date, _("Birth date (YYYY-MM-DD)"));
  create->callback([c, &rt] { run_create(*c, rt); });
}

} // namespace

void setup_request(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("request");
  cmd->require_subcommand(1);
  setup_create(*cmd, rt);

  auto o = [] { return std::make_shared<ActionOptions>(); };
  action(*cmd, rt, "send", _("Send a draft: draft -> sent"), o());
  action(*cmd, rt, "discard", _("Delete a draft"), o());
  auto at = o();
  action(*cmd, rt, "attach", _("Attach a file (stored with name, size, sha256)"), at)
      ->add_option("FILE", at->file, _("File to attach"))
      ->required();
  auto ac = o();
  action(*cmd, rt, "accept", _("Accept: sent -> accepted (only when competent, B2)"), ac)
      ->add_option("--comment", ac->comment, _("Comment"));
  auto rf = o();
  auto* refuse = action(*cmd, rt, "refuse", _("Refuse: sent -> refused"), rf);
  refuse->add_option("--reason", rf->reason, _("insufficient-motivation | out-of-scope"))
      ->check(refusal_reason_value());
  refuse->add_option("--comment", rf->comment, _("Comment"));
  auto fw = o();
  auto* forward = action(*cmd, rt, "forward", _("Forward to another authority or the coordinator"), fw);
  forward->add_option("--to", fw->to, _("Authority (id or name)"))->type_name("AUTH");
  forward->add_option("--comment", fw->comment, _("Comment"));
  auto an = o();
  auto* answer = action(*cmd, rt, "answer", _("Answer one question (free text or a standard answer)"), an);
  answer->add_option("--question", an->question, _("Question number"))->required()->type_name("N");
  answer->add_option("--text", an->text, _("Answer text"));
  answer->add_option("--standard", an->standard, _("Standard answer code (request standard-answers)"))
      ->type_name("CODE");
  auto rp = o();
  action(*cmd, rt, "reply", _("Send the answers: accepted -> answered"), rp)
      ->add_option("--comment", rp->comment, _("Comment"));
  auto ro = o();
  action(*cmd, rt, "reopen", _("Ask for further information: answered -> accepted"), ro)
      ->add_option("--comment", ro->comment, _("What is missing"));
  auto cl = o();
  action(*cmd, rt, "close", _("Close the answered request"), cl)
      ->add_option("--comment", cl->comment, _("Comment"));
  auto du = o();
  auto* due = action(*cmd, rt, "due", _("Responder proposes a due date, requester agrees"), du);
  due->add_option("--propose", du->propose, _("Proposed due date"))->type_name("DATE");
  due->add_flag("--agree", du->agree, _("Agree to the proposed date"));
  due->add_option("--comment", du->comment, _("Comment"));

  setup_request_views(*cmd, rt);
  setup_request_consent_form(*cmd, rt);
}

} // namespace imi::cli
