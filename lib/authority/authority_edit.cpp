// Tab Autoriteit: everything but the formal name is the authority's own to
// change; changing the informal name or description makes their
// translations stale (the guide's "modified" box).
#include "access/permissions.hpp"
#include "authority/authority.hpp"
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

void mark_translations_stale(SQLite::Database& db, std::int64_t id, const std::string& field)
{
  SQLite::Statement mark(db,
                         "UPDATE authority_translation SET stale = 1 WHERE authority_id = ? AND field = ?");
  mark.bind(1, id);
  mark.bind(2, field);
  mark.exec();
  // With no translation yet, record that one is wanted (English first).
  SQLite::Statement want(db,
                         "INSERT OR IGNORE INTO authority_translation (authority_id, field, language, stale) "
                         "VALUES (?, ?, 'en', 1)");
  want.bind(1, id);
  want.bind(2, field);
  want.exec();
}

} // namespace

std::vector<std::string> edit_authority(Session& session, const Actor& actor, std::int64_t id,
                                        const AuthorityEdit& edit)
{
  auto& db = session.db(Access::read_write);
  require(session, actor, Permission::edit_authority, id, fmt::format("authority:{}", id));
  if (edit.name)
    throw ConflictError(_("the formal name cannot be changed by the authority itself (guide H6.4)"),
                        {_("ask the IMI coordinator to change it")});
  const Authority before = load_authority(db, id);

  struct Change {
    const char* column;
    std::optional<std::string> value;
  };
  std::vector<Change> changes;
  auto consider = [&](const char* column, const std::optional<std::string>& current,
                      const std::optional<std::string>& wanted) {
    if (wanted && wanted != current) changes.push_back({column, wanted->empty() ? std::nullopt : wanted});
  };
  // An empty value clears an optional field; e-mail is required once set.
  auto text = [](const char* field, const std::optional<std::string>& v, bool multiline = false) {
    return v ? std::optional<std::string>(check_text(field, *v, false, multiline)) : std::nullopt;
  };
  consider("informal_name", before.informal_name, text("informal-name", edit.informal_name));
  consider("description", before.description, text("description", edit.description, true));
  if (edit.email) consider("email", before.email, check_email("email", *edit.email));
  if (edit.phone)
    consider("phone", before.phone, edit.phone->empty() ? "" : check_phone("phone", *edit.phone));
  consider("address", before.address, text("address", edit.address, true));
  if (edit.language) consider("language", before.language, check_language("language", *edit.language));

  std::vector<std::string> changed;
  if (changes.empty()) return changed;
  WriteTransaction tx(db);
  for (const auto& c : changes) {
    SQLite::Statement q(db,
                        fmt::format("UPDATE authority SET {} = ?, updated_at = ? WHERE id = ?", c.column));
    if (c.value)
      q.bind(1, *c.value);
    else
      q.bind(1);
    q.bind(2, session.now_iso());
    q.bind(3, id);
    q.exec();
    changed.emplace_back(c.column);
    if (changed.back() == "informal_name" || changed.back() == "description")
      mark_translations_stale(db, id, c.column);
  }
  append_audit(db, session.now(), actor.username, "authority.edit", fmt::format("authority:{}", id),
               "changed " + util::join(changed, ", "));
  tx.commit();
  return changed;
}

} // namespace imi
