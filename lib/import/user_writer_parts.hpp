// The parts of UserWriter that its two source files share: the prepared
// statements, the per-id flags and a few small helpers. Not for other users.
#pragma once

#include "import/link_batch.hpp"
#include "import/table_writer.hpp"
#include "import/username_allocator.hpp"
#include "requests/requests.hpp"
#include "util/i18n.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_set>

namespace imi::user_writer {

// Ids are SQLite's own rowids, so dense; a bit per id up to this, a set above.
inline constexpr std::int64_t max_flagged_id = std::int64_t{1} << 27;

inline std::vector<std::string> role_slugs(RoleMask mask)
{
  std::vector<std::string> out;
  for (Role r : roles_in(mask))
    out.emplace_back(role_slug(r));
  return out;
}

inline std::string shown_name(const std::string& first, const std::string& last)
{
  return first.empty() ? last : first + " " + last;
}

template <typename Value>
void run(SQLite::Statement& s, std::int64_t a, Value b)
{
  s.reset();
  s.bind(1, a);
  s.bind(2, b);
  s.exec();
}

// One mailbox is one user: every row must give the name of its first row.
inline RowError name_clash(std::uint64_t line, const std::string& column, const std::string& name,
                           const std::string& first_name, std::uint64_t first_line, const std::string& email)
{
  return {
      line, column,
      _f("'{}' differs from '{}' on line {} for the same mailbox '{}'", name, first_name, first_line, email)};
}

inline void bind_text(SQLite::Statement& s, int index, const std::string& text)
{
  s.bindNoCopy(index, text); // the strings outlive the statement's step
}

} // namespace imi::user_writer

namespace imi {

// Flags per user id: a bit each while ids are dense, as SQLite assigns them.
class UserWriter::IdFlags {
public:
  void reserve(std::int64_t max_id)
  {
    bits_.assign(static_cast<size_t>(std::min(max_id, user_writer::max_flagged_id) + 1), false);
  }
  bool test(std::int64_t id) const
  {
    return id < static_cast<std::int64_t>(bits_.size()) ? bits_[static_cast<size_t>(id)]
                                                        : rest_.count(id) > 0;
  }
  void set(std::int64_t id)
  {
    if (id < static_cast<std::int64_t>(bits_.size()))
      bits_[static_cast<size_t>(id)] = true;
    else
      rest_.insert(id);
  }

private:
  std::vector<bool> bits_;
  std::unordered_set<std::int64_t> rest_;
};

struct UserWriter::Statements {
  explicit Statements(SQLite::Database& db)
      : find(db, "SELECT id FROM user WHERE authority_id = ? AND lower(email) = ? AND status <> 'deleted'"),
        load(db,
             "SELECT username, first_name, last_name, ifnull(function, ''), email FROM user WHERE id = ?"),
        roles(db, "SELECT role FROM user_role WHERE user_id = ?"),
        has_service(db, "SELECT 1 FROM user_service WHERE user_id = ? LIMIT 1"),
        open_requests(db, open_assigned_requests_sql()),
        // OR IGNORE: the mailbox is known to be free, so an ignored row means the
        // username is taken and the next one is tried.
        insert_user(
            db,
            "INSERT OR IGNORE INTO user (authority_id, username, first_name, last_name, email, language, "
            "function, "
            "functional, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
        update_user(
            db, "UPDATE user SET first_name = ?, last_name = ?, function = ?, updated_at = ? WHERE id = ?"),
        delete_role(db, "DELETE FROM user_role WHERE user_id = ? AND role = ?"),
        delete_member(db, "DELETE FROM user_department WHERE user_id = ? AND department_id = ?"),
        touch(db, "UPDATE user SET updated_at = ? WHERE id = ?"),
        park(db, "INSERT INTO temp.import_seen VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        repeat(db, "INSERT INTO temp.import_repeat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        taken(db, "SELECT 1 FROM user WHERE username = ?"),
        insert_role(db, "INSERT OR IGNORE INTO user_role (user_id, role)"),
        insert_member(db, "INSERT OR IGNORE INTO user_department (user_id, department_id)"),
        insert_service(db, "INSERT OR IGNORE INTO user_service (user_id, keyword)"), usernames(db)
  {
  }
  void flush()
  {
    insert_role.flush();
    insert_member.flush();
    insert_service.flush();
  }
  SQLite::Statement find, load, roles, has_service, open_requests, insert_user, update_user, delete_role,
      delete_member, touch, park, repeat, taken;
  LinkBatch insert_role, insert_member, insert_service;
  UsernameAllocator usernames;
  IdFlags parked, repeated;
};

// A user the authority had, with the union of its rows.
struct UserWriter::Parked {
  std::int64_t id = 0;
  std::uint64_t line = 0;
  std::string email, first, last, function;
  RoleMask roles = 0;
  std::set<std::int64_t> departments;
  // What the database holds.
  std::string username, old_first, old_last, old_function;
  RoleMask old_roles = 0;
  std::set<std::int64_t> old_departments;
};
} // namespace imi
