#include "export/result_table.hpp"

#include "access/permissions.hpp"
#include "authority/authority.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "core/output.hpp"
#include "core/session.hpp"
#include "import/cells.hpp"
#include "import/columns.hpp"
#include "util/csv.hpp"
#include "util/i18n.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <ostream>
#include <set>

namespace imi {
namespace {

class RowWriter {
public:
  RowWriter(std::ostream& out, const ExportOptions& o) : out_(out), o_(o) {}

  void row(const std::vector<std::string>& cells)
  {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) line += o_.delimiter;
      // Spreadsheets run a cell starting with = + - @ as a formula; the
      // import removes the protecting apostrophe again.
      line += util::csv_quote(o_.raw ? cells[i] : neutralise_csv_cell(cells[i]), o_.delimiter);
    }
    line += "\r\n";
    auto bytes = util::encode_utf8_as(line, o_.encoding);
    if (!bytes)
      throw InvalidInputError(_f("'{}' has a character that {} cannot hold; export as utf-8",
                                 util::trim(line), util::encoding_name(o_.encoding)));
    out_ << *bytes;
  }

private:
  std::ostream& out_;
  const ExportOptions& o_;
};

std::string roles_cell(SQLite::Statement& roles, std::int64_t user_id)
{
  RoleMask mask = 0;
  roles.reset();
  roles.bind(1, user_id);
  while (roles.executeStep())
    if (auto r = parse_role(roles.getColumn(0).getString())) mask |= role_bit(*r);
  std::vector<std::string> names;
  for (Role r : roles_in(mask))
    names.emplace_back(role_dutch_name(r));
  // Every user is basic (SPEC §2): a user with no other role says so, and
  // the import reads it back as "no granted role".
  if (names.empty()) return role_dutch_name(Role::basic);
  return util::join(names, " / ");
}

} // namespace

ExportSummary export_result_table(Session& session, const Actor& actor, const ExportOptions& options,
                                  std::ostream& out)
{
  auto& db = session.db(Access::read_write); // the export is audited: it carries every user's data
  const std::int64_t authority_id = resolve_authority(db, options.authority);
  require(session, actor, Permission::export_table, authority_id, fmt::format("authority:{}", authority_id));
  if (options.byte_order_mark) out << util::byte_order_mark(options.encoding);
  RowWriter w(out, options);
  ExportSummary summary;
  w.row({table_column_header(TableColumn::department), table_column_header(TableColumn::laws),
         table_column_header(TableColumn::name), table_column_header(TableColumn::mailbox),
         table_column_header(TableColumn::roles)});

  SQLite::Statement roles(db, "SELECT role FROM user_role WHERE user_id = ?");
  auto user_cells = [&](SQLite::Statement& u) {
    PersonName n{u.getColumn(1).getString(), u.getColumn(2).getString(), u.getColumn(3).getString(),
                 u.getColumn(4).getInt() != 0};
    return std::pair{display_name(n), u.getColumn(5).getString()};
  };
  constexpr const char* user_columns =
      "u.id, u.first_name, u.last_name, ifnull(u.function, ''), u.functional, u.email";

  // Users outside every department come first, so no department row above
  // them can claim them when the table is read back.
  SQLite::Statement loose(
      db, fmt::format("SELECT {} FROM user u WHERE u.authority_id = ? AND u.status <> 'deleted' "
                      "AND NOT EXISTS (SELECT 1 FROM user_department d WHERE d.user_id = u.id) "
                      "ORDER BY u.id",
                      user_columns));
  loose.bind(1, authority_id);
  std::set<std::int64_t> seen;
  while (loose.executeStep()) {
    auto [name, email] = user_cells(loose);
    w.row({"", "", name, email, roles_cell(roles, loose.getColumn(0).getInt64())});
    seen.insert(loose.getColumn(0).getInt64());
    ++summary.rows;
  }
  SQLite::Statement depts(
      db, "SELECT id, name, laws FROM department WHERE authority_id = ? ORDER BY position, id");
  depts.bind(1, authority_id);
  SQLite::Statement members(db,
                            fmt::format("SELECT {} FROM user u JOIN user_department d ON d.user_id = u.id "
                                        "WHERE d.department_id = ? AND u.status <> 'deleted' ORDER BY u.id",
                                        user_columns));
  while (depts.executeStep()) {
    ++summary.departments;
    const std::string name = depts.getColumn(1).getString();
    std::string laws = depts.getColumn(2).getString();
    members.reset();
    members.bind(1, depts.getColumn(0).getInt64());
    bool any = false;
    while (members.executeStep()) {
      auto [person, email] = user_cells(members);
      w.row({name, laws, person, email, roles_cell(roles, members.getColumn(0).getInt64())});
      laws.clear(); // once per department is enough; the import joins them
      seen.insert(members.getColumn(0).getInt64());
      any = true;
      ++summary.rows;
    }
    if (!any) {
      w.row({name, laws, "", "", ""});
      ++summary.rows;
    }
  }
  summary.users = static_cast<std::int64_t>(seen.size());
  out.flush();
  WriteTransaction tx(db);
  append_audit(db, session.now(), actor.username, "export", fmt::format("authority:{}", authority_id),
               fmt::format("{} users, {} departments", summary.users, summary.departments));
  tx.commit();
  return summary;
}

} // namespace imi
