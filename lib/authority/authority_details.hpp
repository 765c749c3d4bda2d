// Tabs Bevoegdheden and Voorkeur voor diensten: competences, keywords from the
// shipped vocabulary, the five request settings, and the translations.
#pragma once

#include "access/actor.hpp"
#include "authority/keyword_vocabulary.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace imi {

class Session;

struct Competences {
  std::vector<std::string> sectors, policy_areas;
  bool all_areas = false;
};
Competences load_competences(SQLite::Database& db, std::int64_t authority_id);

struct CompetenceEdit {
  std::vector<std::string> add_sectors, remove_sectors, add_policy_areas, remove_policy_areas;
  std::optional<bool> all_areas;
};
void edit_competences(Session& session, const Actor& actor, std::int64_t authority_id,
                      const CompetenceEdit& edit);

std::vector<Keyword> authority_keywords(SQLite::Database& db, std::int64_t authority_id);
// Returns the keywords actually added / removed.
std::vector<std::string> add_authority_keywords(Session& session, const Actor& actor,
                                                std::int64_t authority_id,
                                                const std::vector<std::string>& keywords);
std::vector<std::string> remove_authority_keywords(Session& session, const Actor& actor,
                                                   std::int64_t authority_id,
                                                   const std::vector<std::string>& keywords);

// The five settings of subtab Informatieverzoek: three fixed, two settable.
struct RequestSetting {
  std::string key;
  bool value;
  bool fixed;
  std::string description;
};
std::vector<RequestSetting> request_settings(SQLite::Database& db, std::int64_t authority_id);
struct SettingsEdit {
  std::optional<bool> allocation, coordinator_can_view;
  std::vector<std::string> fixed_attempts; // names of fixed settings the caller tried to set
};
void edit_settings(Session& session, const Actor& actor, std::int64_t authority_id, const SettingsEdit& edit);

struct Translation {
  std::string field, language;
  std::optional<std::string> text;
  bool stale;
};
std::vector<Translation> authority_translations(SQLite::Database& db, std::int64_t authority_id);

struct AuthorityUser {
  std::string username, name, status;
  std::vector<std::string> roles;
};
// The users of an authority, for an actor who may see them
// (may_see_user_data); nullopt for anyone else.
std::optional<std::vector<AuthorityUser>> authority_users(SQLite::Database& db, const Actor& actor,
                                                          std::int64_t authority_id);

} // namespace imi
