#include "notify/templates.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("notify::mail_language")
{
  CHECK(mail_language("nl") == "nl");
  CHECK(mail_language("NL") == "nl");
  CHECK(mail_language("en") == "en");
  CHECK(mail_language("de") == "en");
  CHECK(mail_language("") == "en");
}

TEST_CASE("notify::compose_secret_mail_body")
{
  const SecretMailFields f{"Zoë", "de Vries", "Gemeente Oeteldonk", "Xy7pQrStUvWx2345"};
  SUBCASE("Dutch credentials: password and activation, never the username")
  {
    const std::string body = compose_secret_mail_body(MailKind::credentials, "nl", f);
    CHECK(body.find("Beste Zoë de Vries") != std::string::npos);
    CHECK(body.find("Xy7pQrStUvWx2345") != std::string::npos);
    CHECK(body.find("imictl user activate GEBRUIKERSNAAM") != std::string::npos);
    CHECK(body.find("tijdelijke wachtwoord") != std::string::npos);
    CHECK(body.find("Gemeente Oeteldonk") != std::string::npos);
  }
  SUBCASE("English password reset")
  {
    const std::string body = compose_secret_mail_body(MailKind::password_reset, "en", f);
    CHECK(body.find("Dear Zoë de Vries") != std::string::npos);
    CHECK(body.find("has been reset") != std::string::npos);
    CHECK(body.find("imictl user activate USERNAME") != std::string::npos);
    CHECK(body.find("Xy7pQrStUvWx2345") != std::string::npos);
  }
  SUBCASE("braces in names are not format fields")
  {
    const SecretMailFields odd{"{first}", "{0}", "Dienst {x}", "pw"};
    const std::string body = compose_secret_mail_body(MailKind::credentials, "en", odd);
    CHECK(body.find("Dear {first} {0}") != std::string::npos);
    CHECK(body.find("Dienst {x}") != std::string::npos);
  }
}

TEST_CASE("notify::secret_mail_subject")
{
  CHECK(secret_mail_subject(MailKind::credentials, "nl", "Gemeente Oeteldonk") ==
        "Uw tijdelijke wachtwoord voor IMI (Gemeente Oeteldonk)");
  CHECK(secret_mail_subject(MailKind::password_reset, "en", "X") == "New temporary password for IMI (X)");
}
