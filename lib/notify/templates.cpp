#include "notify/templates.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

namespace imi {

std::string mail_language(std::string_view user_language)
{
  return util::to_lower_ascii(util::trim(user_language)) == "nl" ? "nl" : "en";
}

std::string secret_mail_subject(MailKind kind, std::string_view language, std::string_view authority_name)
{
  const bool nl = mail_language(language) == "nl";
  if (kind == MailKind::password_reset)
    return nl ? fmt::format("Nieuw tijdelijk wachtwoord voor IMI ({})", authority_name)
              : fmt::format("New temporary password for IMI ({})", authority_name);
  return nl ? fmt::format("Uw tijdelijke wachtwoord voor IMI ({})", authority_name)
            : fmt::format("Your temporary password for IMI ({})", authority_name);
}

std::string compose_secret_mail_body(MailKind kind, std::string_view language, const SecretMailFields& f)
{
  const bool reset = kind == MailKind::password_reset;
  if (mail_language(language) == "nl") {
    const char* intro = reset
                            ? "Uw wachtwoord voor IMI bij {authority} is opnieuw ingesteld door een lokale\n"
                              "gegevensbeheerder. Uw nieuwe tijdelijke wachtwoord is:\n"
                            : "Er is een gebruikersaccount voor IMI voor u aangemaakt bij {authority}.\n"
                              "Uw tijdelijke wachtwoord is:\n";
    return fmt::format(
        fmt::runtime(std::string("Beste {first} {last},\n\n") + intro +
                     "\n"
                     "    {password}\n"
                     "\n"
                     "Uw gebruikersnaam staat niet in deze e-mail: die ontvangt u apart van uw\n"
                     "lokale gegevensbeheerder. Activeer uw account met:\n"
                     "\n"
                     "    imictl user activate GEBRUIKERSNAAM\n"
                     "\n"
                     "Daarbij geeft u het tijdelijke wachtwoord op, kiest u een nieuw wachtwoord\n"
                     "en een veiligheidscode van 12 tekens (letters, cijfers en symbolen).\n"
                     "Daarna is het tijdelijke wachtwoord niet meer te gebruiken.\n"
                     "\n"
                     "Heeft u dit niet verwacht? Neem dan contact op met de lokale\n"
                     "gegevensbeheerder van {authority}.\n"
                     "\n"
                     "Met vriendelijke groet,\n"
                     "{authority}\n"),
        fmt::arg("first", f.first_name), fmt::arg("last", f.last_name),
        fmt::arg("authority", f.authority_name), fmt::arg("password", f.temporary_password));
  }
  const char* intro = reset ? "Your IMI password at {authority} has been reset by a local data\n"
                              "administrator. Your new temporary password is:\n"
                            : "An IMI user account has been created for you at {authority}.\n"
                              "Your temporary password is:\n";
  return fmt::format(fmt::runtime(std::string("Dear {first} {last},\n\n") + intro +
                                  "\n"
                                  "    {password}\n"
                                  "\n"
                                  "Your username is not in this mail: your local data administrator gives\n"
                                  "it to you separately. Activate your account with:\n"
                                  "\n"
                                  "    imictl user activate USERNAME\n"
                                  "\n"
                                  "You will enter the temporary password, choose a new password and a\n"
                                  "12-character security code (letters, digits and symbols). After that\n"
                                  "the temporary password no longer works.\n"
                                  "\n"
                                  "Not expecting this? Please contact the local data administrator of\n"
                                  "{authority}.\n"
                                  "\n"
                                  "Kind regards,\n"
                                  "{authority}\n"),
                     fmt::arg("first", f.first_name), fmt::arg("last", f.last_name),
                     fmt::arg("authority", f.authority_name), fmt::arg("password", f.temporary_password));
}

} // namespace imi
