// A database in a temporary folder with the own authority "Gemeente
// Oeteldonk" (imi@oeteldonk.nl) and its first user aadmin (lda, handler),
// plus helpers to add users and open sessions at a chosen instant.
#pragma once

#include "authority/init.hpp"
#include "core/config.hpp"
#include "core/reporter.hpp"
#include "core/session.hpp"

#include <SQLiteCpp/Statement.h>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace imi::test {

class MailFixture {
public:
  MailFixture()
  {
    char pattern[] = "/tmp/imictl-unit.XXXXXX";
    dir = mkdtemp(pattern);
    path = dir + "/imi.db";
    auto s = session("2026-01-01T09:00:00Z");
    InitInput in;
    in.authority.name = "Gemeente Oeteldonk";
    in.authority.country = "NL";
    in.authority.email = "imi@oeteldonk.nl";
    in.first_name = "Anna";
    in.last_name = "Admin";
    in.user_email = "a.admin@oeteldonk.nl";
    initialise(*s, in);
  }
  ~MailFixture() { std::filesystem::remove_all(dir); }
  MailFixture(const MailFixture&) = delete;
  MailFixture& operator=(const MailFixture&) = delete;

  std::unique_ptr<Session> session(const std::string& now, std::optional<std::string> actor = std::nullopt)
  {
    Config c = Config::defaults();
    c.set("database.path", path, "test");
    c.set("security.hash_profile", "min", "test");
    return std::make_unique<Session>(c, Clock::fixed(*util::parse_iso8601(now)), reporter, actor);
  }

  // A user created at `created_at`, pending, without credentials.
  std::int64_t add_user(const std::string& username, const std::string& language,
                        const std::string& created_at, const std::string& roles = "")
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    SQLite::Statement q(db,
                        "INSERT INTO user (authority_id, username, first_name, last_name, email, language, "
                        "created_at, updated_at) VALUES (1, ?, 'Zoë', 'de Vries', ?, ?, ?, ?)");
    q.bind(1, username);
    q.bind(2, username + "@oeteldonk.nl");
    q.bind(3, language);
    q.bind(4, created_at);
    q.bind(5, created_at);
    q.exec();
    const auto id = db.getLastInsertRowid();
    for (const auto& role : {std::string("handler"), std::string("lda"), std::string("allocator")})
      if (roles.find(role) != std::string::npos)
        db.exec("INSERT INTO user_role VALUES (" + std::to_string(id) + ", '" + role + "')");
    return id;
  }

  std::string scalar(const std::string& sql)
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    SQLite::Statement q(db, sql);
    if (!q.executeStep() || q.getColumn(0).isNull()) return "NULL";
    return q.getColumn(0).getString();
  }

  void exec(const std::string& sql)
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec(sql);
  }

  std::string dir, path;
  CollectingReporter reporter;
};

} // namespace imi::test
