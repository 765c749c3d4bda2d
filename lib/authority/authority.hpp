// The authority registry (guide H2.2, H6.4): the own authority that runs
// this database, and other authorities registered to find and write to.
#pragma once

#include "access/actor.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace SQLite {
class Database;
}

namespace imi {

class Session;

enum class AuthorityType { competent_authority, coordinator, delegated_coordinator };
const char* authority_type_slug(AuthorityType t);
// Slug, English or Dutch ("gedelegeerde IMI-coördinator"); NotFoundError (3)
// naming the valid types otherwise... InvalidInputError (6) for a bad value.
AuthorityType parse_authority_type(const std::string& text);

struct Authority {
  std::int64_t id = 0;
  bool is_own = false;
  std::string name, country, type, language;
  std::optional<std::string> informal_name, description, email, phone, address;
  bool all_areas = false, allocation = false, coordinator_can_view = false;
  std::string created_at, updated_at;
};

struct AuthorityInput {
  std::string name, country, type = "competent_authority", email, language = "nl";
  std::optional<std::string> informal_name, description, phone, address;
};

// Validates every field (InvalidInputError naming it) and returns the
// normalised input.
AuthorityInput validate_authority_input(const AuthorityInput& in);

// Inserts without permission checks (init, import of registries); returns id.
std::int64_t insert_authority(SQLite::Database& db, const AuthorityInput& in, bool is_own,
                              const std::string& now);

// The own authority; UnavailableError when the database was never initialised.
std::int64_t own_authority_id(SQLite::Database& db);
// Empty reference: the own authority. Otherwise an id or an exact (formal or
// informal) name; NotFoundError with the nearest names otherwise.
std::int64_t resolve_authority(SQLite::Database& db, const std::optional<std::string>& reference);
Authority load_authority(SQLite::Database& db, std::int64_t id);

// authority add: needs an lda of the own authority.
std::int64_t register_authority(Session& session, const Actor& actor, const AuthorityInput& in);

struct AuthorityEdit {
  std::optional<std::string> name; // always refused: the formal name is not the authority's to change
  std::optional<std::string> informal_name, description, email, phone, address, language;
};
// Returns the fields that changed.
std::vector<std::string> edit_authority(Session& session, const Actor& actor, std::int64_t id,
                                        const AuthorityEdit& edit);

// The columns of a listing row.
struct AuthoritySummary {
  std::int64_t id = 0;
  bool is_own = false;
  std::string name, country, type;
  std::optional<std::string> informal_name, email;
};

struct AuthorityFilter {
  std::optional<std::string> country, type, keyword, name;
};
// Streams matching authorities in id order. A name fragment longer than
// max_text_length or with control characters is InvalidInputError (6). The summary passed to `visit` is
// reused from row to row (listings of thousands allocate nothing per row).
void for_each_authority(SQLite::Database& db, const AuthorityFilter& filter,
                        const std::function<void(const AuthoritySummary&)>& visit);

} // namespace imi
