#include "requests/request_notify.hpp"

#include "authority/authority.hpp"
#include "core/session.hpp"
#include "notify/outbox.hpp"
#include "users/user_store.hpp"

#include <fmt/format.h>

namespace imi {
namespace {

struct MailText {
  std::string subject, body;
};

// Dutch for nl, English otherwise, as every other mail of imictl.
MailText compose(RequestMail what, const std::string& language, const RequestDetails& r)
{
  const bool nl = language == "nl";
  const std::string due = r.due_at ? r.due_at->substr(0, 10) : std::string("-");
  const std::string from = r.requesting_authority;
  const std::string to = r.responding_authority.value_or("-");
  std::string subject, intro;
  switch (what) {
  case RequestMail::intake:
    subject = nl ? "Nieuw verzoek om informatie" : "New information request";
    intro = nl ? fmt::format("{} heeft een verzoek om informatie gestuurd aan {}.", from, to)
               : fmt::format("{} sent an information request to {}.", from, to);
    break;
  case RequestMail::assigned:
    subject = nl ? "Verzoek aan u toegewezen" : "Request assigned to you";
    intro = nl ? "Dit verzoek om informatie is aan u toegewezen."
               : "This information request was assigned to you.";
    break;
  case RequestMail::replied:
    subject = nl ? "Verzoek beantwoord" : "Request answered";
    intro = nl ? fmt::format("{} heeft uw verzoek beantwoord.", to)
               : fmt::format("{} answered your request.", to);
    break;
  case RequestMail::refused:
    subject = nl ? "Verzoek geweigerd" : "Request refused";
    intro = nl ? fmt::format("{} heeft uw verzoek geweigerd ({}).", to, r.refusal_reason.value_or(""))
               : fmt::format("{} refused your request ({}).", to, r.refusal_reason.value_or(""));
    break;
  case RequestMail::forwarded:
    subject = nl ? "Verzoek doorgestuurd" : "Request forwarded";
    intro = nl ? fmt::format("Uw verzoek is doorgestuurd aan {}.", to)
               : fmt::format("Your request was forwarded to {}.", to);
    break;
  case RequestMail::reminder:
    subject = nl ? "Herinnering: verzoek te beantwoorden" : "Reminder: request to answer";
    intro = nl ? fmt::format("Dit verzoek moet uiterlijk {} beantwoord zijn.", due)
               : fmt::format("This request is due on {}.", due);
    break;
  }
  MailText m;
  m.subject = fmt::format("[IMI] {} {}", subject, r.reference);
  m.body = fmt::format("{}\n\n{}: {}\n{}: {}\n{}: {}\n\nimictl request show {}\n", intro,
                       nl ? "Referentie" : "Reference", r.reference, nl ? "Onderwerp" : "Subject", r.subject,
                       nl ? "Uiterste datum" : "Due", due, r.reference);
  return m;
}

void mail_user(Session& session, std::int64_t cc_authority, const RequestDetails& r, const MailRecipient& u,
               RequestMail what)
{
  const MailText m = compose(what, u.language, r);
  enqueue_authority_mail(session, cc_authority, u.email, u.language, m.subject, m.body, r.id, u.id);
}

} // namespace

void notify_responder_intake(Session& session, const RequestDetails& r)
{
  auto& db = session.db();
  const Authority responder = load_authority(db, *r.responding_authority_id);
  if (responder.email) {
    const MailText m = compose(RequestMail::intake, responder.language, r);
    enqueue_authority_mail(session, responder.id, *responder.email, responder.language, m.subject, m.body,
                           r.id);
  }
  for (const auto& u :
       users_with_role(db, responder.id, responder.allocation ? Role::allocator : Role::handler))
    mail_user(session, responder.id, r, u, RequestMail::intake);
}

void notify_sender(Session& session, const RequestDetails& r, std::int64_t sent_by, RequestMail what)
{
  if (auto u = mail_recipient(session.db(), sent_by))
    mail_user(session, r.requesting_authority_id, r, *u, what);
}

void notify_users(Session& session, const RequestDetails& r, const std::vector<std::int64_t>& user_ids,
                  RequestMail what)
{
  for (std::int64_t id : user_ids)
    if (auto u = mail_recipient(session.db(), id))
      mail_user(session, *r.responding_authority_id, r, *u, what);
}

} // namespace imi
