// request create: a draft of the actor's authority (B2 "Zelf een verzoek om
// informatie doen"): subject, motivation, questions from a shipped set or
// free text, the provider's personal data, an optional due date.
#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "requests/reference.hpp"
#include "requests/request_store.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"
#include "util/time.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

std::optional<std::string> optional_text(std::string_view field, const std::optional<std::string>& value)
{
  if (!value || util::trim(*value).empty()) return std::nullopt;
  return check_text(field, *value, false);
}

// The questions the draft asks, in order: the chosen ones of the set (all
// when none is chosen), then the free ones.
std::vector<std::string> chosen_questions(SQLite::Database& db, const NewRequest& in, bool& fictitious)
{
  std::vector<std::string> out;
  if (!in.question_set && !in.questions.empty())
    throw InvalidInputError(_("--question needs --question-set: the numbers are those of a set"));
  if (in.question_set) {
    const QuestionSet set = question_sets(db, in.language, in.question_set).front();
    fictitious = fictitious || set.fictitious;
    if (in.questions.empty())
      for (const auto& q : set.questions)
        out.push_back(q.text);
    for (std::int64_t n : in.questions) {
      if (n < 1 || n > static_cast<std::int64_t>(set.questions.size()))
        throw NotFoundError(_f("question set {} has no question {}", set.code, n),
                            {_f("it has questions 1 to {}", set.questions.size())});
      out.push_back(set.questions[static_cast<size_t>(n - 1)].text);
    }
  }
  for (const auto& free : in.free_questions)
    out.push_back(check_text(_("free question"), free, true, true));
  if (out.empty())
    throw InvalidInputError(_("a request needs a question: --question-set SET or --free-question TEXT"));
  return out;
}

} // namespace

std::string create_request(Session& session, const Actor& actor, const NewRequest& raw)
{
  auto& db = session.db(Access::read_write);
  const std::int64_t own = actor.kind == Actor::Kind::user ? actor.authority_id : own_authority_id(db);
  require(session, actor, Permission::handle_requests, own, "request:new");
  NewRequest in = raw;
  // TRANSLATORS: the fields of a request, named before what is wrong with
  // them, as in "subject: must not be empty".
  in.subject = check_text(C_("field", "subject"), in.subject, true);
  // B2: the "nadere toelichting" must say why the information is needed.
  if (util::trim(in.motivation).empty())
    throw InvalidInputError(
        _("--motivation is required: say why you need the information (B2 nadere toelichting)"));
  in.motivation = check_text(C_("field", "motivation"), in.motivation, true, true);
  in.language = check_language(C_("field", "language"), in.language);
  const std::int64_t to = resolve_authority(db, in.to);
  if (to == own) throw ConflictError(_("a request goes to another authority, not to the own one"));
  bool fictitious = in.fictitious;
  const std::vector<std::string> questions = chosen_questions(db, in, fictitious);
  std::optional<std::string> due;
  if (in.due) {
    const auto t = util::parse_iso8601(*in.due);
    if (!t) throw InvalidInputError(_f("{}: '{}' is not a date (YYYY-MM-DD)", "--due", *in.due));
    if (*t < session.now()) throw InvalidInputError(_f("{}: {} is in the past", "--due", *in.due));
    due = util::format_iso8601(*t);
  }
  // TRANSLATORS: the service provider's personal data, named before what is
  // wrong with it, as in "provider name: must not be empty".
  const PersonalData pd{optional_text(_("provider name"), in.personal.provider_name),
                        optional_text(_("provider address"), in.personal.provider_address),
                        optional_text(_("provider registration"), in.personal.provider_registration),
                        optional_text(_("provider birth date"), in.personal.provider_birth_date)};
  if (pd.provider_birth_date && !util::parse_iso8601(*pd.provider_birth_date))
    throw InvalidInputError(_("--provider-birth-date: not a date (YYYY-MM-DD)"));

  WriteTransaction tx(db);
  const Authority requester = load_authority(db, own);
  const std::string now = session.now_iso();
  std::string reference = next_reference(db, requester.country, std::stoi(now.substr(0, 4)));
  SQLite::Statement ins(db,
                        "INSERT INTO request (reference, requesting_authority_id, responding_authority_id, "
                        "subject, motivation, language, question_set, fictitious, created_by, created_at, "
                        "due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  ins.bind(1, reference);
  ins.bind(2, own);
  ins.bind(3, to);
  ins.bind(4, in.subject);
  ins.bind(5, in.motivation);
  ins.bind(6, in.language);
  in.question_set ? ins.bind(7, util::to_lower_ascii(*in.question_set)) : ins.bind(7);
  ins.bind(8, fictitious ? 1 : 0);
  actor.user_id ? ins.bind(9, actor.user_id) : ins.bind(9);
  ins.bind(10, now);
  due ? ins.bind(11, *due) : ins.bind(11);
  ins.exec();
  RequestDetails r;
  r.id = db.getLastInsertRowid();
  r.reference = reference;
  SQLite::Statement q(db, "INSERT INTO request_question (request_id, number, text) VALUES (?, ?, ?)");
  for (size_t i = 0; i < questions.size(); ++i) {
    q.reset();
    q.bind(1, r.id);
    q.bind(2, static_cast<std::int64_t>(i + 1));
    q.bind(3, questions[i]);
    q.exec();
  }
  SQLite::Statement p(db, "INSERT INTO request_personal_data (request_id, provider_name, provider_address, "
                          "provider_registration, provider_birth_date) VALUES (?, ?, ?, ?, ?)");
  p.bind(1, r.id);
  int col = 2;
  for (const auto* v :
       {&pd.provider_name, &pd.provider_address, &pd.provider_registration, &pd.provider_birth_date})
    *v ? p.bind(col++, **v) : p.bind(col++);
  p.exec();
  request_store::append_history(db, r, now, actor.username, "create", RequestState::draft, own, std::nullopt);
  append_audit(db, session.now(), actor.username, "request.create", "request:" + reference,
               fmt::format("draft to authority {}; {} question(s){}", to, questions.size(),
                           fictitious ? "; fictitious" : ""));
  tx.commit();
  return reference;
}

} // namespace imi
