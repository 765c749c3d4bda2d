// imictl authority show|competence|keywords|settings: the tabs of guide H6.4.
#include "authority/authority.hpp"
#include "authority/authority_details.hpp"
#include "core/validate.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {
namespace {

std::optional<std::string> reference(const std::string& s)
{
  return s.empty() ? std::nullopt : std::optional(s);
}

Record show_record(SQLite::Database& db, const Actor& actor, std::int64_t id)
{
  const Authority a = load_authority(db, id);
  const Competences c = load_competences(db, id);
  std::vector<std::string> keywords;
  for (const auto& k : authority_keywords(db, id))
    keywords.push_back(k.slug);
  Value users = nullptr; // null: the actor may not see this authority's users
  if (const auto list = authority_users(db, actor, id)) {
    std::vector<Record> rows;
    for (const auto& u : *list)
      rows.push_back({{"username", u.username}, {"name", u.name}, {"status", u.status}, {"roles", u.roles}});
    users = Value::of_records(rows);
  }
  Record settings;
  std::vector<std::string> fixed;
  for (const auto& s : request_settings(db, id)) {
    settings.push_back({s.key, s.value});
    if (s.fixed) fixed.push_back(s.key);
  }
  std::vector<Record> translations;
  bool stale = false;
  for (const auto& t : authority_translations(db, id)) {
    translations.push_back(
        {{"field", t.field}, {"language", t.language}, {"text", t.text}, {"stale", t.stale}});
    stale = stale || t.stale;
  }
  return {
      {"id", a.id},
      {"own", a.is_own},
      {"name", a.name},
      {"informal_name", a.informal_name},
      {"description", a.description},
      {"country", a.country},
      {"type", a.type},
      {"email", a.email},
      {"phone", a.phone},
      {"address", a.address},
      {"language", a.language},
      {"translations_stale", stale},
      {"created_at", a.created_at},
      {"updated_at", a.updated_at},
      {"competences",
       Value::of_record(
           {{"all_areas", c.all_areas}, {"sectors", c.sectors}, {"policy_areas", c.policy_areas}})},
      {"keywords", keywords},
      {"request_settings", Value::of_record(settings)},
      {"fixed_settings", fixed},
      {"users", users},
      {"translations", Value::of_records(translations)},
  };
}

struct CompetenceOptions {
  std::string authority, all_areas;
  CompetenceEdit edit;
};

struct KeywordOptions {
  std::string authority;
  bool all = false;
  std::vector<std::string> keywords;
};

struct SettingsOptions {
  std::string authority, allocation, coordinator_can_view, approval, may_refuse, may_receive;
};

void print_keywords(Runtime& rt, const std::vector<Keyword>& keywords)
{
  auto& out = rt.out();
  out.begin_list({"keyword", "label_en", "label_nl"});
  for (const auto& k : keywords)
    out.row({{"keyword", k.slug}, {"label_en", k.label_en}, {"label_nl", k.label_nl}});
  out.end_list();
}

} // namespace

void setup_authority_details(CLI::App& cmd, Runtime& rt)
{
  auto show_ref = std::make_shared<std::string>();
  auto* show = cmd.add_subcommand("show", _("Show all tabs of an authority (default: own)"));
  show->add_option("authority", *show_ref, _("Authority id or name"));
  show->callback([show_ref, &rt] {
    rt.refuse_csv_for_nested();
    auto& db = rt.session().db();
    rt.out().object(show_record(db, rt.actor(), resolve_authority(db, reference(*show_ref))));
  });

  auto co = std::make_shared<CompetenceOptions>();
  auto* comp = cmd.add_subcommand("competence", _("Tab Bevoegdheden: sectors, policy areas, all areas"));
  comp->add_option("authority", co->authority, _("Authority id or name (default: own)"));
  comp->add_option("--add-sector", co->edit.add_sectors, _("Add an economic sector"));
  comp->add_option("--remove-sector", co->edit.remove_sectors, _("Remove an economic sector"));
  comp->add_option("--add-policy-area", co->edit.add_policy_areas, _("Add a policy area"));
  comp->add_option("--remove-policy-area", co->edit.remove_policy_areas, _("Remove a policy area"));
  comp->add_option("--all-areas", co->all_areas, _("Competent in all areas: on|off"));
  comp->callback([co, &rt] {
    Session& s = rt.session();
    const std::int64_t id = resolve_authority(s.db(), reference(co->authority));
    if (!co->all_areas.empty()) co->edit.all_areas = parse_on_off("--all-areas", co->all_areas);
    const auto& e = co->edit;
    if (e.add_sectors.size() + e.remove_sectors.size() + e.add_policy_areas.size() +
            e.remove_policy_areas.size() ||
        e.all_areas)
      edit_competences(s, rt.actor(), id, e);
    const Competences c = load_competences(s.db(), id);
    rt.out().object({{"authority_id", id},
                     {"all_areas", c.all_areas},
                     {"sectors", c.sectors},
                     {"policy_areas", c.policy_areas}});
  });

  auto ko = std::make_shared<KeywordOptions>();
  auto* kw = cmd.add_subcommand("keywords", _("Tab Voorkeur voor diensten: the authority's keywords"));
  kw->require_subcommand(1);
  kw->add_option("authority", ko->authority, _("Authority id or name (default: own)"));
  kw->add_option("--authority", ko->authority, _("Authority id or name (default: own)"));
  auto* kw_list = kw->add_subcommand("list", _("List the authority's keywords"));
  kw_list->add_flag("--all", ko->all, _("List the whole vocabulary instead (needs no database)"));
  kw_list->add_option("authority", ko->authority, _("Authority id or name (default: own)"));
  kw_list->callback([ko, &rt] {
    // The vocabulary ships with the binary: listable before `init`.
    if (ko->all) return print_keywords(rt, shipped_keyword_vocabulary());
    auto& db = rt.session().db();
    print_keywords(rt, authority_keywords(db, resolve_authority(db, reference(ko->authority))));
  });
  for (bool adding : {true, false}) {
    auto* sub =
        kw->add_subcommand(adding ? "add" : "remove", adding ? _("Select keywords") : _("Deselect keywords"));
    sub->add_option("keywords", ko->keywords, _("Keywords (slug or label)"))->required();
    sub->callback([ko, &rt, adding] {
      Session& s = rt.session();
      const std::int64_t id = resolve_authority(s.db(), reference(ko->authority));
      const auto done = adding ? add_authority_keywords(s, rt.actor(), id, ko->keywords)
                               : remove_authority_keywords(s, rt.actor(), id, ko->keywords);
      if (done.empty()) rt.reporter().note(_("nothing changed"));
      print_keywords(rt, authority_keywords(s.db(), id));
    });
  }

  auto st = std::make_shared<SettingsOptions>();
  auto* set = cmd.add_subcommand("settings", _("Subtab Informatieverzoek: the five request settings"));
  set->add_option("authority", st->authority, _("Authority id or name (default: own)"));
  set->add_option("--allocation", st->allocation, _("Work with allocation: on|off (Bijlage 3)"));
  set->add_option("--coordinator-can-view", st->coordinator_can_view,
                  _("Coordinator may view details: on|off"));
  set->add_option("--coordinator-approval-needed", st->approval, _("Fixed: cannot be changed"));
  set->add_option("--may-refuse", st->may_refuse, _("Fixed: cannot be changed"));
  set->add_option("--may-receive", st->may_receive, _("Fixed: cannot be changed"));
  set->callback([st, &rt] {
    Session& s = rt.session();
    const std::int64_t id = resolve_authority(s.db(), reference(st->authority));
    SettingsEdit e;
    if (!st->allocation.empty()) e.allocation = parse_on_off("--allocation", st->allocation);
    if (!st->coordinator_can_view.empty())
      e.coordinator_can_view = parse_on_off("--coordinator-can-view", st->coordinator_can_view);
    if (!st->approval.empty()) e.fixed_attempts.push_back("coordinator_approval_needed");
    if (!st->may_refuse.empty()) e.fixed_attempts.push_back("may_refuse");
    if (!st->may_receive.empty()) e.fixed_attempts.push_back("may_receive");
    if (e.allocation || e.coordinator_can_view || !e.fixed_attempts.empty())
      edit_settings(s, rt.actor(), id, e);
    auto& out = rt.out();
    out.begin_list({"setting", "value", "fixed", "description"});
    for (const auto& r : request_settings(s.db(), id))
      out.row({{"setting", r.key}, {"value", r.value}, {"fixed", r.fixed}, {"description", r.description}});
    out.end_list();
  });
}

} // namespace imi::cli
