#include "import/cells.hpp"
#include "import/columns.hpp"

#include <doctest/doctest.h>

using namespace imi;

TEST_CASE("import::parse_person_name")
{
  SUBCASE("tussenvoegsel stays with the last name")
  {
    auto n = parse_person_name("Pieter de Kort", "Bouw");
    REQUIRE(n.name);
    CHECK(n.name->first == "Pieter");
    CHECK(n.name->last == "de Kort");
    CHECK_FALSE(n.name->functional);
    auto m = parse_person_name("Anna Maria van der Berg", "");
    CHECK(m.name->first == "Anna Maria");
    CHECK(m.name->last == "van der Berg");
  }
  SUBCASE("function in parentheses")
  {
    auto n = parse_person_name("Bram Pauwels (beleidsmedewerker)", "EZ");
    REQUIRE(n.name);
    CHECK(n.name->first == "Bram");
    CHECK(n.name->last == "Pauwels");
    CHECK(n.name->function == "beleidsmedewerker");
    CHECK(display_name(*n.name) == "Bram Pauwels (beleidsmedewerker)");
  }
  SUBCASE("functional accounts")
  {
    auto n = parse_person_name("Publieksbalie", "Publieksbalie");
    CHECK(n.name->functional);
    CHECK(n.name->first.empty());
    CHECK(n.name->last == "Publieksbalie");
    CHECK(parse_person_name("Energiemarkt", "Energie").name->functional);
    CHECK(parse_person_name("Team Vergunningen", "team vergunningen").name->functional);
  }
  SUBCASE("wrapped cells are one name")
  {
    auto n = parse_person_name("  Pieter\r\nde  Kort ", "");
    CHECK(n.name->last == "de Kort");
  }
  SUBCASE("problems")
  {
    CHECK(parse_person_name("", "").problem == "is empty");
    CHECK_FALSE(parse_person_name("a@b.nl", "").name);
    CHECK_FALSE(parse_person_name("(functie)", "").name);
  }
}

TEST_CASE("import::parse_roles_cell")
{
  auto r = parse_roles_cell("Behandelaar /\nToewijzer");
  CHECK(r.roles == (role_bit(Role::handler) | role_bit(Role::allocator)));
  CHECK(r.unknown.empty());
  CHECK(parse_roles_cell("handler, lda").roles == (role_bit(Role::handler) | role_bit(Role::lda)));
  CHECK(parse_roles_cell("Behandelaar en Lokale gegevensbeheerder").roles ==
        (role_bit(Role::handler) | role_bit(Role::lda)));
  CHECK(parse_roles_cell("Toewijzer/Toezichthouder").roles == role_bit(Role::allocator));
  CHECK(parse_roles_cell("Basisgebruiker").roles == 0);
  CHECK(parse_roles_cell("").roles == 0);
  auto bad = parse_roles_cell("Behandelaar + Toewyzer");
  CHECK(bad.roles == role_bit(Role::handler));
  REQUIRE(bad.unknown.size() == 1);
  CHECK(bad.unknown[0].text == "Toewyzer");
  CHECK(bad.unknown[0].suggestion == "toewijzer");
}

TEST_CASE("import::parse_laws_cell")
{
  CHECK(parse_laws_cell("Woningwet; Bouwbesluit\nWoningwet\n\n") ==
        std::vector<std::string>{"Woningwet", "Bouwbesluit"});
  CHECK(parse_laws_cell("").empty());
}

TEST_CASE("import::clean_cell")
{
  CHECK(clean_cell(" Bouw en\r\nWoningtoezicht ") == "Bouw en Woningtoezicht");
  CHECK(clean_cell("'=SUM(A1)") == "=SUM(A1)");
  CHECK(clean_cell("'t Hof") == "'t Hof");
}

TEST_CASE("import::match_table_header")
{
  CHECK(match_table_header("Afdeling") == TableColumn::department);
  CHECK(match_table_header("Wetten en regels van\ntoepassing") == TableColumn::laws);
  CHECK(match_table_header("Voor- en achternaam (functie)") == TableColumn::name);
  CHECK(match_table_header("Voor en achternaam (funct.)") == TableColumn::name);
  CHECK(match_table_header("  MAILBOX ") == TableColumn::mailbox);
  CHECK(match_table_header("E-mailadres") == TableColumn::mailbox);
  CHECK(match_table_header("Rol(len)") == TableColumn::roles);
  CHECK(match_table_header("Role(s)") == TableColumn::roles);
  CHECK(match_table_header("Department") == TableColumn::department);
  CHECK(match_table_header("Laws and regulations") == TableColumn::laws);
  CHECK(match_table_header("Afdling") == TableColumn::department);
  CHECK_FALSE(match_table_header("Telefoon"));
  CHECK_FALSE(match_table_header(""));
}

TEST_CASE("import::map_table_columns")
{
  std::vector<std::string> problems;
  auto map = map_table_columns({"Mailbox", "Afdeling", "Opmerking", "Rol(len)", "Naam"}, problems);
  CHECK(problems.empty());
  CHECK(*map.at(TableColumn::mailbox) == 0);
  CHECK(*map.at(TableColumn::department) == 1);
  CHECK_FALSE(map.has(TableColumn::laws));
  CHECK(map.ignored == std::vector<std::string>{"Opmerking"});
  map_table_columns({"Naam", "Rol"}, problems);
  CHECK(problems.size() == 2);
  problems.clear();
  map_table_columns({"Afdeling", "Mailbox", "E-mail"}, problems);
  CHECK(problems.size() == 1);
}

#include "core/error.hpp"
#include "import/username_allocator.hpp"
#include "users/username.hpp"

TEST_CASE("import::UsernameAllocator")
{
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("CREATE TABLE user (id INTEGER PRIMARY KEY, username TEXT UNIQUE)");
  db.exec("INSERT INTO user (username) VALUES ('pdekort'), ('pdekort3'), ('system')");
  UsernameAllocator alloc(db);
  auto take = [&](std::string_view f, std::string_view l) {
    // The same rule and result as the users area's generate_username.
    const std::string expected = generate_username(db, f, l);
    const std::string got = alloc.allocate(f, l);
    CHECK(got == expected);
    db.exec("INSERT INTO user (username) VALUES ('" + got + "')");
    return got;
  };
  CHECK(take("Pieter", "de Kort") == "pdekort2");
  CHECK(take("Petra", "de Kort") == "pdekort4");
  CHECK(take("", "Publieksbalie") == "publieksbalie");
  CHECK(take("Émile", "Öztürk") == "eozturk");
  CHECK_THROWS_AS(alloc.allocate("李", "王"), InvalidInputError);
}

TEST_CASE("import: cells in NFC, hidden characters named")
{
  CHECK(clean_cell("Zoe\xCC\x88  de\nVries") == "Zo\xC3\xAB de Vries");
  CHECK(mailbox_cell("  zoe\xCC\x88@oeteldonk.nl ") == "zo\xC3\xAB@oeteldonk.nl");
  CHECK(mailbox_cell("a@b.nl") == "a@b.nl");
  CHECK(hidden_character_problem("Bouw en\nWoningtoezicht").empty());
  CHECK(
      hidden_character_problem("a.de\xE2\x80\x8Bwit@oeteldonk.nl") ==
      "holds the invisible or bidirectional character U+200B (ZERO WIDTH SPACE); retype the cell without it");
  CHECK(hidden_character_problem("Anna de \xE2\x80\xAEWit").find("U+202E") != std::string::npos);
}
