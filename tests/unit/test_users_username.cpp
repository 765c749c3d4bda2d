#include "core/error.hpp"
#include "users/username.hpp"

#include <SQLiteCpp/Database.h>
#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("users::username_base")
{
  SUBCASE("first initial and last name")
  {
    CHECK(username_base("Anna", "Admin") == "aadmin");
    CHECK(username_base("Pieter", "de Kort") == "pdekort");
    CHECK(username_base("Jan-Willem", "van 't Hof") == "jvanthof");
  }
  SUBCASE("folded to ASCII")
  {
    CHECK(username_base("Émile", "Zoë") == "ezoe");
    CHECK(username_base("Jürgen", "Großmann") == "jgrossmann");
    CHECK(username_base("François", "Çelik") == "fcelik");
    CHECK(username_base("Örjan", "Østergård") == "oostergard");
  }
  SUBCASE("functional accounts use the name alone")
  {
    CHECK(username_base("", "Publieksbalie") == "publieksbalie");
    CHECK(username_base("  ", "Energie Markt") == "energiemarkt");
  }
  SUBCASE("a name without Latin letters is refused")
  {
    CHECK_THROWS_AS(username_base("Анна", "Иванова"), InvalidInputError);
    CHECK_THROWS_AS(username_base("Anna", ""), InvalidInputError);
  }
  SUBCASE("starts with a letter")
  {
    CHECK(username_base("", "112 Meldkamer") == "u112meldkamer");
  }
}

TEST_CASE("users::generate_username")
{
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT UNIQUE)");
  CHECK(generate_username(db, "Pieter", "de Kort") == "pdekort");
  db.exec("INSERT INTO user (username) VALUES ('pdekort')");
  CHECK(generate_username(db, "Paula", "De Kort") == "pdekort2");
  db.exec("INSERT INTO user (username) VALUES ('pdekort2')");
  CHECK(generate_username(db, "Piet", "Dekort") == "pdekort3");
}

TEST_CASE("users::check_username_syntax")
{
  CHECK_NOTHROW(check_username_syntax("pdekort"));
  CHECK_NOTHROW(check_username_syntax("p.de-kort_2"));
  CHECK_THROWS_AS(check_username_syntax("P"), InvalidInputError);
  CHECK_THROWS_AS(check_username_syntax("2pac"), InvalidInputError);
  CHECK_THROWS_AS(check_username_syntax("Pieter"), InvalidInputError);
  CHECK_THROWS_AS(check_username_syntax("piet kort"), InvalidInputError);
}
