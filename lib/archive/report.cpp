#include "archive/report.hpp"

#include "archive/docx_writer.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi::archive {
namespace {

struct Label {
  const char *key, *en, *nl;
};

// Every label of both documents, in the two languages of the guide's users.
constexpr Label labels[] = {
    {"title", "Full report with personal data", "Volledig rapport met persoonlijke gegevens"},
    {"request", "Request", "Verzoek"},
    {"reference", "Reference", "Referentie"},
    {"state", "State", "Status"},
    {"requesting", "Requesting authority", "Verzoekende instantie"},
    {"responding", "Responding authority", "Aangezochte instantie"},
    {"subject", "Subject", "Onderwerp"},
    {"motivation", "Motivation", "Nadere toelichting"},
    {"language", "Language", "Taal"},
    {"question_set", "Question set", "Vragenset"},
    {"fictitious", "Fictitious (practice case)", "Fictief (oefengeval)"},
    {"created", "Created", "Aangemaakt"},
    {"sent", "Sent", "Verzonden"},
    {"accepted", "Accepted", "Geaccepteerd"},
    {"answered", "Answered", "Beantwoord"},
    {"due", "Due", "Uiterste datum"},
    {"proposed_due", "Proposed due date", "Voorgestelde datum"},
    {"agreed_due", "Agreed due date", "Afgesproken datum"},
    {"closed", "Closed", "Afgesloten"},
    {"refusal", "Reason for refusal", "Reden van weigering"},
    {"blocked", "Blocked", "Afgeschermd"},
    {"version", "Version", "Versie"},
    {"assignees", "Assigned handlers", "Toegewezen behandelaars"},
    {"archived", "Archived", "Gearchiveerd"},
    {"provider", "Service provider (personal data)", "Dienstverlener (persoonsgegevens)"},
    {"provider_name", "Name", "Naam"},
    {"provider_address", "Address", "Adres"},
    {"provider_registration", "Registration number", "Registratienummer"},
    {"provider_birth_date", "Date of birth", "Geboortedatum"},
    {"questions", "Questions and answers", "Vragen en antwoorden"},
    {"number", "No.", "Nr."},
    {"question", "Question", "Vraag"},
    {"standard", "Standard answer", "Standaardantwoord"},
    {"answer", "Answer", "Antwoord"},
    {"history", "History", "Geschiedenis"},
    {"at", "Time (UTC)", "Tijdstip (UTC)"},
    {"actor", "User", "Gebruiker"},
    {"action", "Action", "Actie"},
    {"comment", "Comment", "Opmerking"},
    {"attachments", "Attachments", "Bijlagen"},
    {"name", "Name", "Naam"},
    {"file", "File in the archive", "Bestand in het archief"},
    {"size", "Size (bytes)", "Grootte (bytes)"},
    {"sha256", "SHA-256", "SHA-256"},
    {"no_attachments", "No attachments.", "Geen bijlagen."},
    {"no_questions", "No questions.", "Geen vragen."},
    {"archived_by", "Archived at {} by {} with imictl.", "Gearchiveerd op {} door {} met imictl."},
    {"yes", "yes", "ja"},
    {"no", "no", "nee"},
    {"consent_title", "Declaration of consent of the data subject",
     "Instemmingsverklaring van de betrokkene"},
    {"consent_requesting", "Requesting authority", "Verzoekende bevoegde instantie"},
    {"consent_responding", "Authority asked for information",
     "Bevoegde instantie die om informatie wordt gevraagd"},
    {"date", "Date", "Datum"},
    {"address", "address", "adres"},
    {"consent_text",
     "I, the undersigned, {provider}, consent to {requesting} requesting information about me and my "
     "business from {responding} through the Internal Market Information System (IMI) of the European "
     "Commission, under Directive 2006/123/EC on services in the internal market, in the request with "
     "reference {reference} concerning: {subject}.",
     "Ondergetekende, {provider}, stemt ermee in dat {requesting} via het Informatiesysteem interne markt "
     "(IMI) van de Europese Commissie informatie over hem of haar en zijn of haar onderneming opvraagt bij "
     "{responding}, op grond van Richtlijn 2006/123/EG betreffende diensten op de interne markt, in het "
     "verzoek met referentie {reference} over: {subject}."},
    {"consent_data",
     "I have been informed that the personal data exchanged are used only for the purpose for which they "
     "were requested, are processed in accordance with the law on the protection of personal data, and are "
     "deleted from IMI six months after the request is closed.",
     "Ondergetekende is ervan op de hoogte dat de uitgewisselde persoonsgegevens alleen worden gebruikt "
     "voor het doel waarvoor zij zijn gevraagd, worden verwerkt volgens de wet op de bescherming van "
     "persoonsgegevens, en zes maanden na afsluiting van het verzoek uit het IMI worden verwijderd."},
    {"signature", "Signature", "Ondertekening"},
    {"place", "Place", "Plaats"},
    {"signed_name", "Name", "Naam"},
    {"sign_here", "Signature", "Handtekening"},
};

class Labels {
public:
  explicit Labels(const std::string& language) : nl_(language == "nl") {}
  std::string operator()(std::string_view key) const
  {
    for (const auto& l : labels)
      if (key == l.key) return nl_ ? l.nl : l.en;
    return std::string(key);
  }

private:
  bool nl_;
};

std::string value(const std::optional<std::string>& v)
{
  return v && !v->empty() ? *v : "-";
}

// Fills {name} placeholders in one pass, so a value that itself contains
// "{subject}" is never expanded again.
std::string fill(std::string_view text, const std::map<std::string, std::string>& values)
{
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    const size_t open = text.find('{', i),
                 close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) break;
    const auto found = values.find(std::string(text.substr(open + 1, close - open - 1)));
    out.append(text.substr(i, open - i));
    out += found != values.end() ? found->second : std::string(text.substr(open, close - open + 1));
    i = close + 1;
  }
  out.append(text.substr(std::min(i, text.size())));
  return out;
}

void request_section(docx::Document& d, const Labels& L, const RequestDetails& r)
{
  d.heading(1, L("request"));
  d.fields({{L("reference"), r.reference},
            {L("state"), std::string(request_state_slug(r.state))},
            {L("requesting"), r.requesting_authority},
            {L("responding"), value(r.responding_authority)},
            {L("subject"), r.subject},
            {L("motivation"), r.motivation.empty() ? "-" : r.motivation},
            {L("language"), r.language},
            {L("question_set"), value(r.question_set)},
            {L("fictitious"), r.fictitious ? L("yes") : L("no")},
            {L("created"), r.created_at},
            {L("sent"), value(r.sent_at)},
            {L("accepted"), value(r.accepted_at)},
            {L("answered"), value(r.answered_at)},
            {L("due"), value(r.due_at)},
            {L("proposed_due"), value(r.proposed_due_at)},
            {L("agreed_due"), value(r.agreed_due_at)},
            {L("closed"), value(r.closed_at)},
            {L("refusal"), value(r.refusal_reason)},
            {L("blocked"), r.blocked ? L("yes") : L("no")},
            {L("version"), std::to_string(r.version)},
            {L("assignees"), r.assignees.empty() ? "-" : util::join(r.assignees, ", ")},
            {L("archived"), value(r.archived_at)}});
}

void provider_section(docx::Document& d, const Labels& L, const RequestDetails& r)
{
  const PersonalData p = r.personal_data.value_or(PersonalData{});
  d.heading(1, L("provider"));
  d.fields({{L("provider_name"), value(p.provider_name)},
            {L("provider_address"), value(p.provider_address)},
            {L("provider_registration"), value(p.provider_registration)},
            {L("provider_birth_date"), value(p.provider_birth_date)}});
}

void questions_section(docx::Document& d, const Labels& L, const ReportInput& in)
{
  d.heading(1, L("questions"));
  if (in.request->questions.empty()) {
    d.paragraph(L("no_questions"));
    return;
  }
  std::vector<std::vector<std::string>> rows = {{L("number"), L("question"), L("standard"), L("answer")}};
  for (const auto& q : in.request->questions) {
    std::string standard = "-";
    if (q.standard_answer) {
      const auto text = in.standards.find(*q.standard_answer);
      standard = *q.standard_answer + (text != in.standards.end() ? ": " + text->second : std::string());
    }
    rows.push_back({std::to_string(q.number), q.text, standard, value(q.answer_text)});
  }
  d.table(rows, true, {3, 10, 8, 8});
}

void history_section(docx::Document& d, const Labels& L, const RequestDetails& r)
{
  d.heading(1, L("history"));
  std::vector<std::vector<std::string>> rows = {{L("at"), L("actor"), L("action"), L("comment")}};
  for (const auto& h : r.history)
    rows.push_back({h.at, h.actor, h.action, value(h.comment)});
  d.table(rows, true, {4, 3, 3, 6});
}

void attachments_section(docx::Document& d, const Labels& L, const ReportInput& in)
{
  d.heading(1, L("attachments"));
  if (in.attachments.empty()) {
    d.paragraph(L("no_attachments"));
    return;
  }
  std::vector<std::vector<std::string>> rows = {{L("name"), L("file"), L("size"), L("sha256")}};
  for (const auto& a : in.attachments)
    rows.push_back({a.name, a.path, std::to_string(a.size), a.sha256});
  d.table(rows, true, {3, 3, 2, 7});
}

} // namespace

std::string report_docx(const ReportInput& in)
{
  const Labels L(in.language);
  const RequestDetails& r = *in.request;
  docx::Document d;
  d.title(L("title") + ": " + r.reference);
  request_section(d, L, r);
  provider_section(d, L, r);
  questions_section(d, L, in);
  history_section(d, L, r);
  attachments_section(d, L, in);
  d.paragraph(fmt::format(fmt::runtime(L("archived_by")), value(r.archived_at), in.archived_by));
  return d.package();
}

std::string consent_docx(const ConsentInput& in)
{
  const Labels L(in.language);
  const RequestDetails& r = *in.request;
  const PersonalData p = r.personal_data.value_or(PersonalData{});
  const std::string provider = value(p.provider_name);
  const std::string responding = value(r.responding_authority);
  docx::Document d;
  d.title(L("consent_title"));
  d.fields({{L("provider_name"), provider},
            {L("provider_address"), value(p.provider_address)},
            {L("provider_registration"), value(p.provider_registration)},
            {L("consent_requesting"),
             r.requesting_authority +
                 (in.requesting_address.empty() ? std::string() : "\n" + in.requesting_address)},
            {L("consent_responding"),
             responding + (in.responding_address.empty() ? std::string() : "\n" + in.responding_address)},
            {L("reference"), r.reference},
            {L("subject"), r.subject},
            {L("date"), in.date}});
  const std::string text = fill(L("consent_text"), {{"provider", provider},
                                                    {"requesting", r.requesting_authority},
                                                    {"responding", responding},
                                                    {"reference", r.reference},
                                                    {"subject", r.subject}});
  d.paragraph(text);
  d.paragraph(L("consent_data"));
  d.heading(2, L("signature"));
  d.fields({{L("place"), ""}, {L("date"), ""}, {L("signed_name"), provider}, {L("sign_here"), "\n\n\n"}});
  return d.package();
}

} // namespace imi::archive
