#include "authority/authority.hpp"

#include "access/permissions.hpp"
#include "authority/own_authority.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {
namespace {

const char* const select_columns =
    "SELECT id, is_own, name, informal_name, description, country, type, email, phone, address, language, "
    "all_areas, allocation, coordinator_can_view, created_at, updated_at FROM authority";

Authority read_authority(SQLite::Statement& q)
{
  Authority a;
  a.id = q.getColumn(0).getInt64();
  a.is_own = q.getColumn(1).getInt() != 0;
  a.name = q.getColumn(2).getString();
  a.informal_name = optional_text(q.getColumn(3));
  a.description = optional_text(q.getColumn(4));
  a.country = q.getColumn(5).getString();
  a.type = q.getColumn(6).getString();
  a.email = optional_text(q.getColumn(7));
  a.phone = optional_text(q.getColumn(8));
  a.address = optional_text(q.getColumn(9));
  a.language = q.getColumn(10).getString();
  a.all_areas = q.getColumn(11).getInt() != 0;
  a.allocation = q.getColumn(12).getInt() != 0;
  a.coordinator_can_view = q.getColumn(13).getInt() != 0;
  a.created_at = q.getColumn(14).getString();
  a.updated_at = q.getColumn(15).getString();
  return a;
}

void bind_optional(SQLite::Statement& q, const char* name, const std::optional<std::string>& v)
{
  if (v)
    q.bind(name, *v);
  else
    q.bind(name);
}

} // namespace

AuthorityInput validate_authority_input(const AuthorityInput& in)
{
  AuthorityInput out;
  out.name = check_text("name", in.name, true);
  out.country = check_country("country", in.country);
  out.type = authority_type_slug(parse_authority_type(in.type));
  out.email = check_email("email", in.email);
  out.language = check_language("language", in.language);
  out.informal_name = check_optional_text("informal-name", in.informal_name);
  out.description = check_optional_text("description", in.description, true);
  if (in.phone) out.phone = check_phone("phone", *in.phone);
  out.address = check_optional_text("address", in.address, true);
  return out;
}

std::int64_t insert_authority(SQLite::Database& db, const AuthorityInput& in, bool is_own,
                              const std::string& now)
{
  SQLite::Statement q(
      db, "INSERT INTO authority (is_own, name, informal_name, description, country, type, email, "
          "phone, address, language, created_at, updated_at) VALUES (:own, :name, :informal, "
          ":description, :country, :type, :email, :phone, :address, :language, :now, :now)");
  q.bind(":own", is_own ? 1 : 0);
  q.bind(":name", in.name);
  bind_optional(q, ":informal", in.informal_name);
  bind_optional(q, ":description", in.description);
  q.bind(":country", in.country);
  q.bind(":type", in.type);
  q.bind(":email", in.email);
  bind_optional(q, ":phone", in.phone);
  bind_optional(q, ":address", in.address);
  q.bind(":language", in.language);
  q.bind(":now", now);
  q.exec();
  return db.getLastInsertRowid();
}

std::int64_t own_authority_id(SQLite::Database& db)
{
  return load_own_authority(db).id;
}

std::int64_t resolve_authority(SQLite::Database& db, const std::optional<std::string>& reference)
{
  if (!reference || reference->empty()) return own_authority_id(db);
  SQLite::Statement q(db,
                      "SELECT id FROM authority WHERE CAST(id AS TEXT) = ?1 "
                      "OR lower(name) = lower(?1) OR lower(informal_name) = lower(?1) ORDER BY id LIMIT 1");
  q.bind(1, *reference);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  NotFoundError e(_f("no authority '{}'", *reference));
  std::vector<std::string> names;
  SQLite::Statement all(db, "SELECT name FROM authority LIMIT 5000");
  while (all.executeStep())
    names.push_back(all.getColumn(0).getString());
  for (const auto& n : util::nearest_matches(*reference, names, 3))
    e.hint(_f("did you mean '{}'?", n));
  e.hint(_("'imictl authority search --name TEXT' finds authorities by name"));
  throw e;
}

Authority load_authority(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, std::string(select_columns) + " WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFoundError(_f("no authority with id {}", id));
  return read_authority(q);
}

std::int64_t register_authority(Session& session, const Actor& actor, const AuthorityInput& in)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::register_authority, own_authority_id(db), "authority:new");
  const AuthorityInput valid = validate_authority_input(in);
  WriteTransaction tx(db);
  const std::int64_t id = insert_authority(db, valid, false, session.now_iso());
  append_audit(db, session.now(), actor.username, "authority.add", fmt::format("authority:{}", id),
               fmt::format("registered {} authority in {}", valid.type, valid.country));
  tx.commit();
  return id;
}

void for_each_authority(SQLite::Database& db, const AuthorityFilter& f,
                        const std::function<void(const AuthoritySummary&)>& visit)
{
  std::string sql = "SELECT id, is_own, name, informal_name, country, type, email FROM authority WHERE 1";
  if (f.country) sql += " AND country = :country";
  if (f.type) sql += " AND type = :type";
  if (f.keyword) sql += " AND id IN (SELECT authority_id FROM authority_keyword WHERE keyword = :keyword)";
  if (f.name)
    sql += " AND (name LIKE '%' || :name || '%' ESCAPE '\\' OR informal_name LIKE '%' || :name || '%' ESCAPE "
           "'\\')";
  sql += " ORDER BY id";
  SQLite::Statement q(db, sql);
  if (f.country) q.bind(":country", *f.country);
  if (f.type) q.bind(":type", *f.type);
  if (f.keyword) q.bind(":keyword", *f.keyword);
  if (f.name) {
    // A name fragment is held to the length of any text field (exit 6):
    // SQLite refuses LIKE patterns over 50,000 bytes as "too complex", and
    // no authority name is that long.
    const std::string fragment = check_text("name", *f.name, false);
    std::string escaped;
    for (char c : fragment) {
      if (c == '%' || c == '_' || c == '\\') escaped += '\\';
      escaped += c;
    }
    q.bind(":name", escaped);
  }
  AuthoritySummary a;
  auto assign_optional = [](std::optional<std::string>& to, const SQLite::Column& c) {
    if (c.isNull())
      to.reset();
    else if (to)
      to->assign(c.getText(), static_cast<size_t>(c.getBytes()));
    else
      to.emplace(c.getText(), static_cast<size_t>(c.getBytes()));
  };
  while (q.executeStep()) {
    a.id = q.getColumn(0).getInt64();
    a.is_own = q.getColumn(1).getInt() != 0;
    a.name.assign(q.getColumn(2).getText(), static_cast<size_t>(q.getColumn(2).getBytes()));
    assign_optional(a.informal_name, q.getColumn(3));
    a.country.assign(q.getColumn(4).getText(), static_cast<size_t>(q.getColumn(4).getBytes()));
    a.type.assign(q.getColumn(5).getText(), static_cast<size_t>(q.getColumn(5).getBytes()));
    assign_optional(a.email, q.getColumn(6));
    visit(a);
  }
}

} // namespace imi
