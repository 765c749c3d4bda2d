// imictl request list|show|transitions|question-sets|standard-answers|remind.
#include "core/session.hpp"
#include "enum_option.hpp"
#include "request_records.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

struct ListOptions {
  RequestFilter filter;
  std::string state, department, reason;
  bool reveal = false;
};

void run_list(ListOptions& o, Runtime& rt)
{
  if (!o.state.empty()) o.filter.state = parse_request_state(o.state);
  if (!o.department.empty()) o.filter.department = o.department;
  if (o.reveal) o.filter.reveal_reason = o.reason;
  auto& out = rt.out();
  const bool json = rt.format() == Format::json;
  out.begin_list(request_list_columns());
  list_requests(rt.session(), rt.actor(), o.filter,
                [&](const RequestDetails& r) { out.row(json ? request_record(r) : request_list_row(r)); });
  out.end_list();
}

struct ShowOptions {
  std::string request, reason;
  bool reveal = false;
};

void run_show(const ShowOptions& o, Runtime& rt)
{
  std::optional<std::string> reason;
  if (o.reveal) reason = o.reason;
  rt.refuse_csv_for_nested();
  rt.out().object(request_record(show_request(rt.session(), rt.actor(), o.request, reason)));
}

void run_transitions(const std::string& request, Runtime& rt)
{
  std::vector<Record> rows;
  if (request.empty()) {
    for (const auto& t : lifecycle())
      rows.push_back(transition_record(t, rt.format() == Format::table));
    rt.out().list({"action", "from", "to", "side", "role", "needs_assignment", "required", "optional",
                   "notifies", "synopsis", "description"},
                  rows);
    return;
  }
  for (const auto& p : possible_actions(rt.session(), rt.actor(), request)) {
    rows.push_back({{"action", p.transition->action},
                    {"from", transition_record(*p.transition)[1].value},
                    {"allowed", p.allowed},
                    {"reason", p.allowed ? Value() : Value(p.reason)}});
  }
  rt.out().list({"action", "from", "allowed", "reason"}, rows);
}

void run_question_sets(const std::string& code, const std::string& language, Runtime& rt)
{
  auto& db = rt.session().db();
  std::vector<Record> rows;
  for (const auto& s : question_sets(db, language, code.empty() ? std::nullopt : std::optional(code))) {
    std::vector<Record> qs;
    for (const auto& q : s.questions)
      qs.push_back({{"number", q.number}, {"text", q.text}});
    rows.push_back({{"code", s.code},
                    {"title", s.title},
                    {"fictitious", s.fictitious},
                    {"questions", Value::of_records(std::move(qs))}});
  }
  rt.out().list({"code", "title", "fictitious", "questions"}, rows);
}

} // namespace

void setup_request_views(CLI::App& cmd, Runtime& rt)
{
  auto l = std::make_shared<ListOptions>();
  auto* list = cmd.add_subcommand("list", _("List the requests you may see, newest first"));
  list->add_flag("--incoming", l->filter.incoming, _("Requests to the own authority"));
  list->add_flag("--outgoing", l->filter.outgoing, _("Requests from the own authority"));
  list->add_option("--state", l->state, _("draft, sent, accepted, answered, closed, refused"))
      ->type_name("S")
      ->check(request_state_value());
  list->add_flag("--overdue", l->filter.overdue, _("Open requests past their due date"));
  list->add_flag("--mine", l->filter.mine, _("Requests you made, sent or are assigned to"));
  list->add_flag("--unassigned", l->filter.unassigned, _("Open requests assigned to nobody"));
  list->add_flag("--fictitious", l->filter.fictitious_only, _("Only practice cases (FICTIEF)"));
  list->add_option("--department", l->department, _("Requests assigned to handlers of this department"))
      ->type_name("D");
  list->add_flag("--reveal-blocked", l->reveal, _("Include blocked requests (lda, with --reason; audited)"));
  list->add_option("--reason", l->reason, _("Why the blocked requests must be seen"));
  list->callback([l, &rt] { run_list(*l, rt); });

  auto s = std::make_shared<ShowOptions>();
  auto* show = cmd.add_subcommand("show", _("Show a request as you may see it"));
  show->add_option("REQ", s->request, _("Request reference or id"))->required();
  show->add_flag("--reveal-blocked", s->reveal, _("Show a blocked request (lda, with --reason; audited)"));
  show->add_option("--reason", s->reason, _("Why the blocked request must be seen"));
  show->callback([s, &rt] { run_show(*s, rt); });

  auto t = std::make_shared<std::string>();
  auto* transitions =
      cmd.add_subcommand("transitions", _("The lifecycle table; with REQ, what you may do now"));
  transitions->add_option("REQ", *t, _("Request reference or id"));
  transitions->callback([t, &rt] { run_transitions(*t, rt); });

  auto qs = std::make_shared<std::pair<std::string, std::string>>("", "en");
  auto* sets = cmd.add_subcommand("question-sets", _("Shipped question sets (FICTIEF sets for practice)"));
  sets->add_option("SET", qs->first, _("One set"));
  sets->add_option("--language", qs->second, _("nl or en"))->capture_default_str();
  sets->callback([qs, &rt] { run_question_sets(qs->first, qs->second, rt); });

  auto* answers = cmd.add_subcommand("standard-answers", _("Standard answers with their nl and en texts"));
  answers->callback([&rt] {
    std::vector<Record> rows;
    for (const auto& a : standard_answers(rt.session().db()))
      rows.push_back({{"code", a.code}, {"nl", a.nl}, {"en", a.en}});
    rt.out().list({"code", "nl", "en"}, rows);
  });

  auto* remind = cmd.add_subcommand("remind", _("Cron: mail handlers about requests due soon or overdue"));
  remind->callback([&rt] {
    const auto reminded = remind_due_requests(rt.session(), rt.system());
    std::vector<Record> rows;
    for (const auto& ref : reminded)
      rows.push_back({{"reference", ref}});
    rt.reporter().note(_n("{} request reminded", "{} requests reminded", reminded.size(), reminded.size()));
    rt.out().list({"reference"}, rows);
  });
}

} // namespace imi::cli
