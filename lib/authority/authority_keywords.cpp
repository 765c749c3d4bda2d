#include "access/permissions.hpp"
#include "authority/authority_details.hpp"
#include "core/audit.hpp"
#include "core/database.hpp"
#include "core/error.hpp"
#include "core/session.hpp"
#include "util/text.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace imi {

std::vector<Keyword> authority_keywords(SQLite::Database& db, std::int64_t id)
{
  SQLite::Statement q(db, "SELECT k.slug, k.label_en, k.label_nl FROM authority_keyword a "
                          "JOIN keyword k ON k.slug = a.keyword WHERE a.authority_id = ? ORDER BY k.slug");
  q.bind(1, id);
  std::vector<Keyword> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString()});
  return out;
}

namespace {

// Adding and removing differ only in the statement and the audit wording.
std::vector<std::string> change_keywords(Session& session, const Actor& actor, std::int64_t id,
                                         const std::vector<std::string>& keywords, bool add)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::edit_authority, id, fmt::format("authority:{}", id));
  std::vector<std::string> slugs;
  for (const auto& k : keywords)
    slugs.push_back(resolve_keyword(db, k));
  std::vector<std::string> changed;
  WriteTransaction tx(db);
  SQLite::Statement q(db,
                      add ? "INSERT OR IGNORE INTO authority_keyword (authority_id, keyword) VALUES (?, ?)"
                          : "DELETE FROM authority_keyword WHERE authority_id = ? AND keyword = ?");
  for (const auto& slug : slugs) {
    q.reset();
    q.bind(1, id);
    q.bind(2, slug);
    if (q.exec() > 0) changed.push_back(slug);
  }
  if (!changed.empty())
    append_audit(db, session.now(), actor.username, "authority.keywords", fmt::format("authority:{}", id),
                 (add ? "added " : "removed ") + util::join(changed, ", "));
  tx.commit();
  return changed;
}

} // namespace

std::vector<std::string> add_authority_keywords(Session& session, const Actor& actor, std::int64_t id,
                                                const std::vector<std::string>& keywords)
{
  return change_keywords(session, actor, id, keywords, true);
}

std::vector<std::string> remove_authority_keywords(Session& session, const Actor& actor, std::int64_t id,
                                                   const std::vector<std::string>& keywords)
{
  return change_keywords(session, actor, id, keywords, false);
}

} // namespace imi
