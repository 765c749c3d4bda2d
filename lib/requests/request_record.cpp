#include "requests/request_record.hpp"

namespace imi {
namespace {

Value opt_int(std::int64_t v, bool known)
{
  return known ? Value(v) : Value();
}

Value personal_data(const RequestDetails& r)
{
  if (!r.personal_data) return Value();
  const PersonalData& p = *r.personal_data;
  return Value::of_record({{"provider_name", p.provider_name},
                           {"provider_address", p.provider_address},
                           {"provider_registration", p.provider_registration},
                           {"provider_birth_date", p.provider_birth_date}});
}

} // namespace

Record request_record(const RequestDetails& r)
{
  const bool full = r.view == RequestView::full;
  std::vector<Record> questions, attachments, history;
  for (const auto& q : r.questions)
    questions.push_back({{"number", q.number},
                         {"text", q.text},
                         {"answer", q.answer},
                         {"standard_answer", q.standard_answer},
                         {"answer_text", q.answer_text}});
  // Without the full view an attachment is listed by name only (SPEC §4).
  for (const auto& a : r.attachments)
    attachments.push_back(
        {{"name", a.name}, {"size", opt_int(a.size, full)}, {"sha256", full ? Value(a.sha256) : Value()}});
  for (const auto& h : r.history)
    history.push_back({{"at", h.at}, {"actor", h.actor}, {"action", h.action}, {"comment", h.comment}});
  return {
      {"id", r.id},
      {"reference", r.reference},
      {"state", request_state_slug(r.state)},
      {"requesting_authority", r.requesting_authority},
      {"responding_authority", r.responding_authority},
      {"subject", r.subject},
      {"motivation", r.motivation},
      {"language", r.language},
      {"question_set", r.question_set},
      {"fictitious", r.fictitious},
      {"created_at", r.created_at},
      {"sent_at", r.sent_at},
      {"accepted_at", r.accepted_at},
      {"answered_at", r.answered_at},
      {"due_at", r.due_at},
      {"proposed_due_at", r.proposed_due_at},
      {"agreed_due_at", r.agreed_due_at},
      {"closed_at", r.closed_at},
      {"archived_at", r.archived_at},
      {"refusal_reason", r.refusal_reason},
      {"blocked", r.blocked},
      {"version", r.version},
      {"view", full ? "full" : "without_personal_data"},
      {"assignees", r.assignees},
      {"personal_data", personal_data(r)},
      {"questions", Value::of_records(std::move(questions))},
      {"attachments", Value::of_records(std::move(attachments))},
      {"history", Value::of_records(std::move(history))},
  };
}

} // namespace imi
