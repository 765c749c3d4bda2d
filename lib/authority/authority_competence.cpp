#include "access/permissions.hpp"
#include "access/record_access.hpp"
#include "authority/authority_details.hpp"
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

Competences load_competences(SQLite::Database& db, std::int64_t id)
{
  Competences c;
  SQLite::Statement q(
      db, "SELECT kind, value FROM authority_competence WHERE authority_id = ? ORDER BY kind, value");
  q.bind(1, id);
  while (q.executeStep())
    (q.getColumn(0).getString() == "sector" ? c.sectors : c.policy_areas)
        .push_back(q.getColumn(1).getString());
  SQLite::Statement all(db, "SELECT all_areas FROM authority WHERE id = ?");
  all.bind(1, id);
  if (all.executeStep()) c.all_areas = all.getColumn(0).getInt() != 0;
  return c;
}

void edit_competences(Session& session, const Actor& actor, std::int64_t id, const CompetenceEdit& edit)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::edit_authority, id, fmt::format("authority:{}", id));
  WriteTransaction tx(db);
  auto apply = [&](const char* sql, const char* kind, const char* field,
                   const std::vector<std::string>& values) {
    for (const auto& v : values) {
      SQLite::Statement q(db, sql);
      q.bind(1, id);
      q.bind(2, kind);
      q.bind(3, check_text(field, v, true));
      q.exec();
    }
  };
  const char* add = "INSERT OR IGNORE INTO authority_competence (authority_id, kind, value) VALUES (?, ?, ?)";
  const char* remove = "DELETE FROM authority_competence WHERE authority_id = ? AND kind = ? AND value = ?";
  apply(add, "sector", "sector", edit.add_sectors);
  apply(remove, "sector", "sector", edit.remove_sectors);
  apply(add, "policy_area", "policy-area", edit.add_policy_areas);
  apply(remove, "policy_area", "policy-area", edit.remove_policy_areas);
  if (edit.all_areas) {
    SQLite::Statement q(db, "UPDATE authority SET all_areas = ?, updated_at = ? WHERE id = ?");
    q.bind(1, *edit.all_areas ? 1 : 0);
    q.bind(2, session.now_iso());
    q.bind(3, id);
    q.exec();
  }
  append_audit(db, session.now(), actor.username, "authority.competence", fmt::format("authority:{}", id),
               fmt::format("sectors +{} -{}, policy areas +{} -{}{}", edit.add_sectors.size(),
                           edit.remove_sectors.size(), edit.add_policy_areas.size(),
                           edit.remove_policy_areas.size(),
                           edit.all_areas ? (*edit.all_areas ? ", all areas on" : ", all areas off") : ""));
  tx.commit();
}

std::vector<RequestSetting> request_settings(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, "SELECT allocation, coordinator_can_view FROM authority WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) throw NotFoundError(_f("no authority with id {}", id));
  return {
      {"coordinator_approval_needed", false, true, _("requests need the coordinator's approval")},
      {"may_refuse", true, true, _("the authority may refuse requests itself")},
      {"may_receive", true, true, _("the authority may receive requests")},
      {"allocation", q.getColumn(0).getInt() != 0, false, _("works with allocation (Bijlage 3)")},
      {"coordinator_can_view", q.getColumn(1).getInt() != 0, false,
       _("the coordinator may view request details (never personal data)")},
  };
}

void edit_settings(Session& session, const Actor& actor, std::int64_t id, const SettingsEdit& edit)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::edit_authority, id, fmt::format("authority:{}", id));
  if (!edit.fixed_attempts.empty())
    throw ConflictError(_n("{} is a fixed setting and cannot be changed (guide H2.2)",
                           "{} are fixed settings and cannot be changed (guide H2.2)",
                           edit.fixed_attempts.size(), util::join(edit.fixed_attempts, ", ")),
                        {_("only --allocation and --coordinator-can-view can be set")});
  std::vector<std::string> changed;
  WriteTransaction tx(db);
  auto set = [&](const char* column, std::optional<bool> v) {
    if (!v) return;
    SQLite::Statement q(
        db, fmt::format("UPDATE authority SET {0} = ?, updated_at = ? WHERE id = ? AND {0} <> ?", column));
    q.bind(1, *v ? 1 : 0);
    q.bind(2, session.now_iso());
    q.bind(3, id);
    q.bind(4, *v ? 1 : 0);
    if (q.exec() > 0) changed.push_back(fmt::format("{} {}", column, *v ? "on" : "off"));
  };
  set("allocation", edit.allocation);
  set("coordinator_can_view", edit.coordinator_can_view);
  if (changed.empty()) return;
  append_audit(db, session.now(), actor.username, "authority.settings", fmt::format("authority:{}", id),
               util::join(changed, ", "));
  tx.commit();
}

std::vector<Translation> authority_translations(SQLite::Database& db, std::int64_t id)
{
  std::vector<Translation> out;
  SQLite::Statement q(db,
                      "SELECT field, language, text, stale FROM authority_translation WHERE authority_id = ? "
                      "ORDER BY field, language");
  q.bind(1, id);
  while (q.executeStep()) {
    Translation t{q.getColumn(0).getString(), q.getColumn(1).getString(), std::nullopt,
                  q.getColumn(3).getInt() != 0};
    if (!q.getColumn(2).isNull()) t.text = q.getColumn(2).getString();
    out.push_back(std::move(t));
  }
  return out;
}

std::optional<std::vector<AuthorityUser>> authority_users(SQLite::Database& db, const Actor& actor,
                                                          std::int64_t id)
{
  if (!may_see_user_data(actor, id)) return std::nullopt;
  std::vector<AuthorityUser> out;
  SQLite::Statement q(
      db, "SELECT u.username, u.first_name || ' ' || u.last_name, u.status, "
          "(SELECT group_concat(role, ',') FROM (SELECT role FROM user_role r WHERE r.user_id = u.id "
          "ORDER BY role)) FROM user u WHERE u.authority_id = ? AND u.status <> 'deleted' "
          "ORDER BY u.username");
  q.bind(1, id);
  while (q.executeStep()) {
    AuthorityUser u{
        q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(), {"basic"}};
    if (!q.getColumn(3).isNull())
      for (auto& r : util::split(q.getColumn(3).getString(), ','))
        u.roles.push_back(r);
    out.push_back(std::move(u));
  }
  return out;
}

} // namespace imi
