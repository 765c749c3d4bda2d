#include "users/user_sheet.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("users::user_sheets_text")
{
  UserView u;
  u.username = "pdekort";
  u.first_name = "Pieter";
  u.last_name = "de Kort";
  u.email = "p.dekort@oeteldonk.nl";
  u.language = "nl";
  u.authority = "Gemeente Oeteldonk";
  u.roles = {"handler"};
  UserView e = u;
  e.username = "jsmith";
  e.language = "en";
  const std::string text = user_sheets_text({make_user_sheet(u), make_user_sheet(e)});
  CHECK(text.find("Gebruikersnaam:  pdekort\n") != std::string::npos);
  CHECK(text.find("Rollen:          Basisgebruiker, Behandelaar") != std::string::npos);
  CHECK(text.find("imictl user activate pdekort") != std::string::npos);
  CHECK(text.find("\f\nIMI - user details") != std::string::npos);
  CHECK(text.find("Username:   jsmith") != std::string::npos);
  CHECK(text.find("Roles:      Basic user, Handler") != std::string::npos);
}
