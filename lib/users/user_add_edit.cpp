// Creating and editing users (user add, user edit): the fields, the departments and the
// one-user-per-e-mail rule; what changes an existing account's state is in user_lifecycle.cpp.
#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "core/validate.hpp"
#include "notify/outbox.hpp"
#include "requests/requests.hpp"
#include "users/role_admin.hpp"
#include "users/user_admin.hpp"
#include "users/user_admin_internal.hpp"
#include "users/username.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

void check_email_free(SQLite::Database& db, std::int64_t authority_id, const std::string& email,
                      std::int64_t except_user_id)
{
  SQLite::Statement q(db, "SELECT username FROM user WHERE authority_id = ? AND lower(email) = lower(?) "
                          "AND status <> 'deleted' AND id <> ?");
  q.bind(1, authority_id);
  q.bind(2, email);
  q.bind(3, except_user_id);
  if (q.executeStep())
    throw ConflictError(_f("e-mail {} already belongs to user '{}'", email, q.getColumn(0).getString()),
                        {_("within an authority an e-mail address belongs to one user")});
}

// The department by name (case-insensitive); a missing one is created at
// the end of the authority's list.
std::int64_t department_id(SQLite::Database& db, std::int64_t authority_id, const std::string& raw_name)
{
  const std::string name = check_text(C_("user field", "department"), raw_name, true);
  SQLite::Statement q(db, "SELECT id FROM department WHERE authority_id = ? AND lower(name) = lower(?)");
  q.bind(1, authority_id);
  q.bind(2, name);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  SQLite::Statement ins(db,
                        "INSERT INTO department (authority_id, name, position) VALUES (?1, ?2, "
                        "(SELECT coalesce(max(position), 0) + 1 FROM department WHERE authority_id = ?1))");
  ins.bind(1, authority_id);
  ins.bind(2, name);
  ins.exec();
  return db.getLastInsertRowid();
}

void add_department(SQLite::Database& db, std::int64_t authority_id, std::int64_t user_id,
                    const std::string& name)
{
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO user_department (user_id, department_id) VALUES (?, ?)");
  ins.bind(1, user_id);
  ins.bind(2, department_id(db, authority_id, name));
  ins.exec();
}

void remove_department(SQLite::Database& db, std::int64_t user_id, const std::string& name)
{
  SQLite::Statement del(db, "DELETE FROM user_department WHERE user_id = ? AND department_id IN "
                            "(SELECT id FROM department WHERE lower(name) = lower(?))");
  del.bind(1, user_id);
  del.bind(2, util::trim(name));
  if (del.exec() == 0) throw NotFoundError(_f("user is not in department '{}'", name));
}

std::optional<std::string> optional_field(std::string_view field, const std::optional<std::string>& value)
{
  if (!value) return std::nullopt;
  std::string v = check_text(field, *value, false);
  if (v.empty()) return std::nullopt;
  return v;
}

} // namespace

using namespace user_admin;

namespace {

struct CheckedUser {
  std::string first, last, email, language;
  std::optional<std::string> phone, function;
  std::vector<Role> roles;
};

CheckedUser check_new_user(const NewUser& in)
{
  CheckedUser c;
  // The field names open the validation messages ("first name: must not be empty").
  c.first = check_text(C_("user field", "first name"), in.first_name, !in.functional);
  c.last = check_text(C_("user field", "last name"), in.last_name, true);
  c.email = check_email(C_("user field", "e-mail"), in.email);
  c.language = check_language(C_("user field", "language"), in.language);
  if (in.phone && !util::trim(*in.phone).empty()) c.phone = check_phone(C_("user field", "phone"), *in.phone);
  // TRANSLATORS: the user's job title
  c.function = optional_field(C_("user field", "function"), in.function);
  for (const auto& r : in.roles)
    c.roles.push_back(parse_role_or_throw(r));
  return c;
}

// Inside the caller's transaction, after its permission check.
UserRef insert_user(Session& session, const Actor& actor, SQLite::Database& db, std::int64_t authority_id,
                    const NewUser& in, const CheckedUser& c, const std::string& username)
{
  check_email_free(db, authority_id, c.email, 0);
  const std::string now = session.now_iso();
  SQLite::Statement ins(
      db, "INSERT INTO user (authority_id, username, first_name, last_name, email, phone, language, "
          "function, functional, status, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)");
  ins.bind(1, authority_id);
  ins.bind(2, username);
  ins.bind(3, c.first);
  ins.bind(4, c.last);
  ins.bind(5, c.email);
  if (c.phone) ins.bind(6, *c.phone);
  ins.bind(7, c.language);
  if (c.function) ins.bind(8, *c.function);
  ins.bind(9, in.functional ? 1 : 0);
  ins.bind(10, now);
  ins.bind(11, now);
  ins.exec();
  const UserRef ref{db.getLastInsertRowid(), authority_id, username, "pending"};
  for (const auto& d : in.departments)
    add_department(db, authority_id, ref.id, d);
  if (!c.roles.empty() || !in.services.empty()) apply_grant(db, ref, c.roles, in.services);
  std::string summary = "created";
  if (!c.roles.empty()) {
    std::vector<std::string> names;
    for (Role r : c.roles)
      names.emplace_back(role_slug(r));
    summary += "; roles " + util::join(names, ", ");
  }
  if (authority_id != load_own_authority(db).id) summary += fmt::format("; authority {}", authority_id);
  append_audit(db, session.now(), actor.username, "user.add", "user:" + username, summary);
  return ref;
}

} // namespace

UserView add_user(Session& session, const Actor& actor, const NewUser& in)
{
  const CheckedUser c = check_new_user(in);
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  // Another authority's users are added by that authority's own LDA (SPEC §4).
  const std::int64_t authority_id = in.authority_id.value_or(load_own_authority(db).id);
  const std::string username = generate_username(db, c.first, c.last);
  require(session, actor, Permission::manage_users, authority_id, "user:" + username);
  const UserRef ref = insert_user(session, actor, db, authority_id, in, c, username);
  UserView view = load_user_view(db, ref.id);
  tx.commit();
  warn_about_role_setup(db, authority_id, c.roles, session.reporter());
  return view;
}

std::int64_t register_authority_with_lda(Session& session, const Actor& actor,
                                         const AuthorityInput& authority, const NewUser& lda)
{
  NewUser first = lda;
  first.roles = {"lda"};
  const CheckedUser c = check_new_user(first);
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::register_authority, own_authority_id(db), "authority:new");
  const AuthorityInput valid = validate_authority_input(authority);
  WriteTransaction tx(db);
  const std::int64_t id = insert_authority(db, valid, false, session.now_iso());
  append_audit(db, session.now(), actor.username, "authority.add", fmt::format("authority:{}", id),
               fmt::format("registered {} authority in {} with its first lda", valid.type, valid.country));
  insert_user(session, actor, db, id, first, c, generate_username(db, c.first, c.last));
  tx.commit();
  return id;
}

UserView edit_user(Session& session, const Actor& actor, std::string_view user, const UserEdit& edit)
{
  auto& db = session.db(Access::read_write);
  WriteTransaction tx(db);
  const Target t = manage_live(session, actor, db, user, Permission::manage_users);
  const UserView before = load_user_view(db, t.user.id);
  std::vector<std::string> changed;
  std::vector<std::pair<std::string, std::optional<std::string>>> sets;
  auto mandatory = [&](const char* column, const char* field, const std::optional<std::string>& raw,
                       auto checker, const std::string& old) {
    if (!raw) return;
    const std::string value = checker(field, *raw);
    if (value == old) return;
    sets.emplace_back(column, value);
    changed.emplace_back(column);
  };
  auto text = [](std::string_view f, std::string_view v) { return check_text(f, v, true); };
  mandatory(
      "first_name", C_("user field", "first name"), edit.first_name,
      before.functional ? +[](std::string_view f, std::string_view v) { return check_text(f, v, false); }
                        : +[](std::string_view f, std::string_view v) { return check_text(f, v, true); },
      before.first_name);
  mandatory("last_name", C_("user field", "last name"), edit.last_name, text, before.last_name);
  mandatory(
      "email", C_("user field", "e-mail"), edit.email,
      [](std::string_view f, std::string_view v) { return check_email(f, v); }, before.email);
  mandatory(
      "language", C_("user field", "language"), edit.language,
      [](std::string_view f, std::string_view v) { return check_language(f, v); }, before.language);
  if (!changed.empty()) {
    const std::int64_t open = count_open_assigned_requests(db, t.user.id);
    if (open > 0)
      // TRANSLATORS: a username, a number, then field codes such as "first_name, email"
      throw ConflictError(_n("'{}' has {} open assigned request: {} cannot change until it is handled or "
                             "reassigned (H6.2)",
                             "'{}' has {} open assigned requests: {} cannot change until they are handled or "
                             "reassigned (H6.2)",
                             static_cast<unsigned long>(open), t.user.username, open,
                             util::join(changed, ", ")));
  }
  if (edit.email)
    check_email_free(db, t.user.authority_id, check_email(C_("user field", "e-mail"), *edit.email),
                     t.user.id);
  if (edit.phone) {
    const std::string p = util::trim(*edit.phone);
    sets.emplace_back("phone",
                      p.empty() ? std::nullopt : std::optional(check_phone(C_("user field", "phone"), p)));
    changed.emplace_back("phone");
  }
  if (edit.function) {
    sets.emplace_back("function", optional_field(C_("user field", "function"), edit.function));
    changed.emplace_back("function");
  }
  for (const auto& [column, value] : sets) {
    // Column names come from the fixed list above, never from input.
    SQLite::Statement q(db, fmt::format("UPDATE user SET {} = ? WHERE id = ?", column));
    if (value) q.bind(1, *value);
    q.bind(2, t.user.id);
    q.exec();
  }
  for (const auto& d : edit.add_departments)
    add_department(db, t.user.authority_id, t.user.id, d);
  for (const auto& d : edit.remove_departments)
    remove_department(db, t.user.id, d);
  if (!edit.add_departments.empty() || !edit.remove_departments.empty()) changed.emplace_back("departments");
  if (changed.empty()) {
    session.reporter().note(_f("nothing to change for '{}'", t.user.username));
    return before;
  }
  SQLite::Statement touch(db, "UPDATE user SET updated_at = ? WHERE id = ?");
  touch.bind(1, session.now_iso());
  touch.bind(2, t.user.id);
  touch.exec();
  std::string summary = "changed " + util::join(changed, ", ");
  // A corrected address must not leave the temporary password on its way to the old one.
  const auto changes = [&](const char* column) {
    return std::find(changed.begin(), changed.end(), column) != changed.end();
  };
  if (changes("email") || changes("language"))
    if (const auto id = readdress_user_mail(session, t.user.id))
      summary += fmt::format("; unsent credentials mail requeued (outbox:{})", *id);
  append_audit(db, session.now(), t.actor.username, "user.edit", "user:" + t.user.username, summary);
  UserView view = load_user_view(db, t.user.id);
  tx.commit();
  return view;
}

} // namespace imi
