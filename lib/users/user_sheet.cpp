#include "users/user_sheet.hpp"

#include "access/permissions.hpp"
#include "core/session.hpp"
#include "users/pdf_document.hpp"
#include "users/role.hpp"
#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {

UserSheet make_user_sheet(const UserView& u)
{
  const bool nl = u.language == "nl";
  UserSheet s;
  s.heading = nl ? "IMI - gebruikersgegevens" : "IMI - user details";
  const std::string name = util::trim(u.first_name + " " + u.last_name);
  s.fields = {
      {nl ? "Naam" : "Name", name},
      {nl ? "Gebruikersnaam" : "Username", u.username},
      {nl ? "E-mail" : "E-mail", u.email},
      {nl ? "Autoriteit" : "Authority", u.authority},
  };
  if (u.function) s.fields.emplace_back(nl ? "Functie" : "Function", *u.function);
  if (!u.departments.empty())
    s.fields.emplace_back(nl ? "Afdeling" : "Department", util::join(u.departments, ", "));
  // The role names the reader knows from IMI itself: Dutch on a Dutch sheet.
  std::vector<std::string> roles;
  for (const auto& slug : shown_roles(u)) {
    const auto r = parse_role(slug);
    roles.emplace_back(!r ? slug : nl ? role_dutch_name(*r) : role_english_name(*r));
  }
  s.fields.emplace_back(nl ? "Rollen" : "Roles", util::join(roles, ", "));
  if (nl) {
    s.instructions = {
        "Bewaar deze gebruikersnaam. Het tijdelijke wachtwoord ontvangt u apart per e-mail,",
        "24 uur nadat uw account is aangemaakt.",
        fmt::format("Eerste keer inloggen: imictl user activate {}", u.username),
        "U kiest dan een nieuw wachtwoord en een veiligheidscode van 12 tekens (letters, cijfers",
        "en symbolen). Noteer de code goed: bij elke inlog worden 3 tekens ervan gevraagd.",
    };
  } else {
    s.instructions = {
        "Keep this username. The temporary password arrives separately by e-mail,",
        "24 hours after your account was created.",
        fmt::format("First login: imictl user activate {}", u.username),
        "You then choose a new password and a 12-character security code (letters, digits",
        "and symbols). Keep the code safe: every login asks for 3 of its characters.",
    };
  }
  return s;
}

std::vector<UserSheet> load_user_sheets(Session& session, const Actor& actor,
                                        const std::vector<std::string>& users)
{
  auto& db = session.db();
  std::vector<UserView> views;
  for (const auto& u : users) {
    const UserRef ref = find_user(db, u);
    require(session, actor, Permission::manage_users, ref.authority_id, "user:" + ref.username);
    views.push_back(load_user_view(db, ref.id));
  }
  std::vector<UserSheet> sheets;
  for (const auto& v : views)
    sheets.push_back(make_user_sheet(v));
  return sheets;
}

std::string user_sheets_text(const std::vector<UserSheet>& sheets)
{
  std::string out;
  for (size_t i = 0; i < sheets.size(); ++i) {
    const auto& s = sheets[i];
    if (i) out += "\f\n";
    out += s.heading + "\n" + std::string(s.heading.size(), '=') + "\n\n";
    size_t width = 0;
    for (const auto& [label, value] : s.fields)
      width = std::max(width, util::utf8_length(label));
    for (const auto& [label, value] : s.fields)
      out += label + ":" + std::string(width - util::utf8_length(label) + 2, ' ') + value + "\n";
    out += "\n";
    for (const auto& line : s.instructions)
      out += line + "\n";
  }
  return out;
}

std::string user_sheets_pdf(const std::vector<UserSheet>& sheets)
{
  std::vector<PdfPage> pages;
  for (const auto& s : sheets) {
    PdfPage page;
    page.push_back({s.heading, 18, true, 0});
    double gap = 18;
    for (const auto& [label, value] : s.fields) {
      page.push_back({label + ": " + value, 12, label == s.fields[1].first, gap});
      gap = 4;
    }
    gap = 24;
    for (const auto& line : s.instructions) {
      page.push_back({line, 10.5, false, gap});
      gap = 0;
    }
    pages.push_back(std::move(page));
  }
  return render_pdf(pages, "IMI user details");
}

} // namespace imi
