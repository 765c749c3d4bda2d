#include "users/role_admin.hpp"

#include "access/permissions.hpp"
#include "authority/keyword_vocabulary.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

std::vector<Role> parse_roles(const std::vector<std::string>& names)
{
  std::vector<Role> roles;
  for (const auto& n : names) {
    const Role r = parse_role_or_throw(n);
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) roles.push_back(r);
  }
  return roles;
}

bool has_role(SQLite::Database& db, std::int64_t user_id, Role role)
{
  SQLite::Statement q(db, "SELECT 1 FROM user_role WHERE user_id = ? AND role = ?");
  q.bind(1, user_id);
  q.bind(2, role_slug(role));
  return q.executeStep();
}

std::int64_t count_services(SQLite::Database& db, std::int64_t user_id)
{
  SQLite::Statement q(db, "SELECT count(*) FROM user_service WHERE user_id = ?");
  q.bind(1, user_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::string role_list_text(const std::vector<Role>& roles)
{
  std::vector<std::string> names;
  for (Role r : roles)
    names.emplace_back(role_slug(r));
  return util::join(names, ", ");
}

} // namespace

void apply_grant(SQLite::Database& db, const UserRef& user, const std::vector<Role>& roles,
                 const std::vector<std::string>& services)
{
  if (user.status == "deleted")
    throw ConflictError(_f("user '{}' is deleted and cannot receive roles", user.username));
  const bool granting_handler = std::find(roles.begin(), roles.end(), Role::handler) != roles.end();
  if (!services.empty() && !granting_handler && !has_role(db, user.id, Role::handler))
    throw InvalidInputError(
        _f("--service: services belong to handlers, and '{}' is not one", user.username),
        {_f("grant the role with the services: imictl role grant {} handler --service KW", user.username)});
  std::vector<std::string> slugs;
  for (const auto& s : services)
    slugs.push_back(resolve_keyword(db, s, "--service"));
  for (Role r : roles) {
    if (r == Role::basic) continue;
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO user_role (user_id, role) VALUES (?, ?)");
    ins.bind(1, user.id);
    ins.bind(2, role_slug(r));
    ins.exec();
  }
  for (const auto& slug : slugs) {
    SQLite::Statement ins(db, "INSERT OR IGNORE INTO user_service (user_id, keyword) VALUES (?, ?)");
    ins.bind(1, user.id);
    ins.bind(2, slug);
    ins.exec();
  }
  if (granting_handler && count_services(db, user.id) == 0)
    throw InvalidInputError(_f("role handler: '{}' needs at least one service (keyword)", user.username),
                            {_("add --service KW, for example --service building-permits")});
}

void warn_about_role_setup(SQLite::Database& db, std::int64_t authority_id, const std::vector<Role>& touched,
                           Reporter& reporter)
{
  auto touches = [&](Role r) { return std::find(touched.begin(), touched.end(), r) != touched.end(); };
  const std::int64_t ldas = count_usable_ldas(db, authority_id);
  if (touches(Role::lda) && ldas < 2)
    reporter.warning(_n("the authority has {} local data administrator; the guide advises at least two "
                        "(H6.2): one stands in for the other",
                        "the authority has {} local data administrators; the guide advises at least two "
                        "(H6.2): one stands in for the other",
                        static_cast<unsigned long>(ldas), ldas));
  SQLite::Statement q(
      db, "SELECT a.allocation, (SELECT count(*) FROM user u JOIN user_role r ON r.user_id = u.id "
          "WHERE u.authority_id = a.id AND r.role = 'allocator' AND u.status <> 'deleted') "
          "FROM authority a WHERE a.id = ?");
  q.bind(1, authority_id);
  if (touches(Role::allocator) && q.executeStep() && q.getColumn(0).getInt() == 0 &&
      q.getColumn(1).getInt64() > 0)
    reporter.warning(_("allocators have no effect while the authority works without allocation (B3); turn it "
                       "on with: imictl authority settings --allocation on"));
}

UserView grant_roles(Session& session, const Actor& actor, std::string_view user,
                     const std::vector<std::string>& roles, const std::vector<std::string>& services)
{
  auto& db = session.db(Access::read_write);
  const std::vector<Role> parsed = parse_roles(roles);
  WriteTransaction tx(db);
  const UserRef ref = find_user(db, user);
  require(session, actor, Permission::manage_roles, ref.authority_id, "user:" + ref.username);
  apply_grant(db, ref, parsed, services);
  std::string summary = "granted " + role_list_text(parsed);
  if (!services.empty()) summary += fmt::format("; {} service(s)", services.size());
  append_audit(db, session.now(), actor.username, "role.grant", "user:" + ref.username, summary);
  UserView view = load_user_view(db, ref.id);
  tx.commit();
  warn_about_role_setup(db, ref.authority_id, parsed, session.reporter());
  return view;
}

UserView revoke_roles(Session& session, const Actor& actor, std::string_view user,
                      const std::vector<std::string>& roles, bool dry_run)
{
  auto& db = session.db(Access::read_write);
  const std::vector<Role> parsed = parse_roles(roles);
  WriteTransaction tx(db);
  const UserRef ref = find_user(db, user);
  require(session, actor, Permission::manage_roles, ref.authority_id, "user:" + ref.username);
  for (Role r : parsed) {
    if (r == Role::basic)
      throw ConflictError(_("every user is a basic user; the role cannot be revoked"),
                          {_f("to remove a user: imictl user delete {}", ref.username)});
    if (!has_role(db, ref.id, r)) {
      // TRANSLATORS: a username, then a role's name
      session.reporter().note(_f("'{}' does not hold role {}", ref.username, role_display_name(r)));
      continue;
    }
    if (r == Role::lda && ref.status != "deleted" && count_usable_ldas(db, ref.authority_id, ref.id) == 0)
      throw ConflictError(
          _f("'{}' is the last local data administrator; the authority needs one", ref.username),
          {_("grant lda to another user first: imictl role grant USER lda")});
    SQLite::Statement del(db, "DELETE FROM user_role WHERE user_id = ? AND role = ?");
    del.bind(1, ref.id);
    del.bind(2, role_slug(r));
    del.exec();
    if (r == Role::handler) {
      SQLite::Statement svc(db, "DELETE FROM user_service WHERE user_id = ?");
      svc.bind(1, ref.id);
      svc.exec();
    }
  }
  append_audit(db, session.now(), actor.username, "role.revoke", "user:" + ref.username,
               "revoked " + role_list_text(parsed));
  UserView view = load_user_view(db, ref.id);
  if (dry_run) return view; // rolled back: see user_admin.hpp
  tx.commit();
  warn_about_role_setup(db, ref.authority_id, parsed, session.reporter());
  return view;
}

void list_roles(Session& session, const Actor& actor, const std::optional<std::string>& user,
                const std::function<void(const RoleRow&)>& sink)
{
  auto& db = session.db();
  const OwnAuthority own = load_own_authority(db);
  std::optional<UserRef> ref;
  if (user) ref = find_user(db, *user);
  require(session, actor, Permission::view_users, ref ? ref->authority_id : own.id,
          ref ? "user:" + ref->username : "authority:" + std::to_string(own.id));
  SQLite::Statement q(db,
                      "SELECT u.id, u.username, u.status, "
                      "(SELECT group_concat(role, ' ') FROM (SELECT role FROM user_role WHERE user_id = u.id "
                      "ORDER BY role)) FROM user u WHERE (?1 IS NULL OR u.id = ?1) "
                      "AND (?1 IS NOT NULL OR u.status <> 'deleted') AND u.authority_id = ?2 "
                      "ORDER BY u.username");
  if (ref)
    q.bind(1, ref->id);
  else
    q.bind(1);
  q.bind(2, ref ? ref->authority_id : own.id);
  while (q.executeStep()) {
    const std::int64_t id = q.getColumn(0).getInt64();
    RoleRow row{q.getColumn(1).getString(), "basic", q.getColumn(2).getString(), {}};
    sink(row);
    if (q.getColumn(3).isNull()) continue;
    for (const auto& role : util::split(q.getColumn(3).getString(), ' ')) {
      row.role = role;
      row.services.clear();
      if (role == "handler") {
        SQLite::Statement s(db, "SELECT keyword FROM user_service WHERE user_id = ? ORDER BY keyword");
        s.bind(1, id);
        while (s.executeStep())
          row.services.push_back(s.getColumn(0).getString());
      }
      sink(row);
    }
  }
}

void users_with_role(Session& session, const Actor& actor, std::string_view role,
                     const std::function<void(const RoleRow&)>& sink)
{
  auto& db = session.db();
  const Role r = parse_role_or_throw(role);
  const OwnAuthority own = load_own_authority(db);
  require(session, actor, Permission::view_users, own.id, "authority:" + std::to_string(own.id));
  SQLite::Statement q(
      db, r == Role::basic
              ? "SELECT id, username, status FROM user WHERE status <> 'deleted' AND authority_id = ?2 "
                "ORDER BY username"
              : "SELECT u.id, u.username, u.status FROM user u JOIN user_role r ON r.user_id = u.id "
                "WHERE r.role = ?1 AND u.status <> 'deleted' AND u.authority_id = ?2 "
                "ORDER BY u.username");
  if (r != Role::basic) q.bind(1, role_slug(r));
  q.bind(2, own.id);
  while (q.executeStep()) {
    RoleRow row{q.getColumn(1).getString(), role_slug(r), q.getColumn(2).getString(), {}};
    if (r == Role::handler) {
      SQLite::Statement s(db, "SELECT keyword FROM user_service WHERE user_id = ? ORDER BY keyword");
      s.bind(1, q.getColumn(0).getInt64());
      while (s.executeStep())
        row.services.push_back(s.getColumn(0).getString());
    }
    sink(row);
  }
}

} // namespace imi
