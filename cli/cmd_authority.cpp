// imictl authority add|list|search|edit (show, competence, keywords and
// settings are in cmd_authority_details.cpp).
#include "authority/authority.hpp"
#include "authority/authority_details.hpp"
#include "core/error.hpp"
#include "core/validate.hpp"
#include "enum_option.hpp"
#include "runtime.hpp"
#include "users/user_admin.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>

namespace imi::cli {

void setup_authority_details(CLI::App& authority, Runtime& rt);

namespace {

const std::vector<std::string> list_columns = {"id",    "name", "informal_name", "country", "type",
                                               "email", "own"};

Record list_row(const AuthoritySummary& a)
{
  return {{"id", a.id},           {"name", a.name}, {"informal_name", a.informal_name},
          {"country", a.country}, {"type", a.type}, {"email", a.email},
          {"own", a.is_own}};
}

Record list_row(const Authority& a)
{
  return list_row(AuthoritySummary{a.id, a.is_own, a.name, a.country, a.type, a.informal_name, a.email});
}

// Listings reuse one record, so a row costs no allocation once the strings
// have grown to size.
void fill_list_row(Record& r, const AuthoritySummary& a)
{
  auto text = [](Value& v, const std::optional<std::string>& s) {
    if (!s) {
      v.type = Value::Type::null;
      return;
    }
    v.type = Value::Type::text;
    v.text.assign(*s);
  };
  r[0].value.integer = a.id;
  r[1].value.text.assign(a.name);
  text(r[2].value, a.informal_name);
  r[3].value.text.assign(a.country);
  r[4].value.text.assign(a.type);
  text(r[5].value, a.email);
  r[6].value.boolean = a.is_own;
}

struct AddOptions {
  AuthorityInput in;
  std::string informal_name, description, phone, address;
  NewUser lda;
};

void run_add(AddOptions& o, Runtime& rt)
{
  if (!o.informal_name.empty()) o.in.informal_name = o.informal_name;
  if (!o.description.empty()) o.in.description = o.description;
  if (!o.phone.empty()) o.in.phone = o.phone;
  if (!o.address.empty()) o.in.address = o.address;
  Session& s = rt.session();
  const bool with_lda = !o.lda.first_name.empty() || !o.lda.last_name.empty() || !o.lda.email.empty();
  if (with_lda && (o.lda.first_name.empty() || o.lda.last_name.empty() || o.lda.email.empty()))
    throw UsageError(_("--lda-first-name, --lda-last-name and --lda-email go together"));
  o.lda.language = o.in.language;
  const std::int64_t id = with_lda ? register_authority_with_lda(s, rt.actor(), o.in, o.lda)
                                   : register_authority(s, rt.actor(), o.in);
  rt.out().object(list_row(load_authority(s.db(), id)));
}

struct SearchOptions {
  std::string country, type, keyword, name;
};

void run_search(const SearchOptions& o, Runtime& rt)
{
  auto& db = rt.session().db();
  AuthorityFilter f;
  if (!o.country.empty()) f.country = check_country("country", o.country);
  if (!o.type.empty()) f.type = authority_type_slug(parse_authority_type(o.type));
  if (!o.name.empty()) f.name = o.name;
  if (!o.keyword.empty()) f.keyword = resolve_keyword(db, o.keyword, "--keyword");
  auto& out = rt.out();
  out.begin_list(list_columns);
  Record row = list_row(AuthoritySummary{});
  for_each_authority(db, f, [&](const AuthoritySummary& a) {
    fill_list_row(row, a);
    out.row(row);
  });
  out.end_list();
}

struct EditOptions {
  std::string authority;
  AuthorityEdit edit;
};

void run_edit(const EditOptions& o, Runtime& rt)
{
  Session& s = rt.session();
  const std::int64_t id =
      resolve_authority(s.db(), o.authority.empty() ? std::nullopt : std::optional(o.authority));
  const auto changed = edit_authority(s, rt.actor(), id, o.edit);
  if (changed.empty()) rt.reporter().note(_("nothing changed"));
  rt.out().object(list_row(load_authority(s.db(), id)));
}

} // namespace

void setup_authority(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("authority");
  cmd->require_subcommand(1);

  auto a = std::make_shared<AddOptions>();
  auto* add = cmd->add_subcommand("add", _("Register another authority"));
  add->add_option("--name", a->in.name, _("Formal name"))->required();
  add->add_option("--country", a->in.country, _("ISO 3166 country code"))->required();
  add->add_option("--type", a->in.type, _("competent_authority, coordinator or delegated_coordinator"))
      ->check(authority_type_value())
      ->required();
  add->add_option("--email", a->in.email, _("E-mail address"))->required();
  add->add_option("--informal-name", a->informal_name, _("Informal name"));
  add->add_option("--language", a->in.language, _("Language"))->capture_default_str();
  add->add_option("--description", a->description, _("Description"));
  add->add_option("--phone", a->phone, _("Phone number"));
  add->add_option("--address", a->address, _("Postal address"));
  add->add_option("--lda-first-name", a->lda.first_name, _("First name of its first LDA (H5)"))
      ->type_name("NAME");
  add->add_option("--lda-last-name", a->lda.last_name, _("Last name of its first LDA"))->type_name("NAME");
  add->add_option("--lda-email", a->lda.email, _("E-mail of its first LDA"))->type_name("ADDR");
  add->callback([a, &rt] { run_add(*a, rt); });

  auto* list = cmd->add_subcommand("list", _("List all authorities"));
  list->callback([&rt] { run_search({}, rt); });

  auto so = std::make_shared<SearchOptions>();
  auto* search = cmd->add_subcommand("search", _("Search by country, type, keyword and name (guide B1)"));
  search->add_option("--country", so->country, _("ISO 3166 country code"));
  search->add_option("--type", so->type, _("Authority type"))->check(authority_type_value());
  search->add_option("--keyword", so->keyword, _("Services keyword"));
  search->add_option("--name", so->name, _("Fragment of the formal or informal name"));
  search->callback([so, &rt] { run_search(*so, rt); });

  auto eo = std::make_shared<EditOptions>();
  auto* edit = cmd->add_subcommand("edit", _("Edit tab Autoriteit (the formal name cannot change)"));
  edit->add_option("authority", eo->authority, _("Authority id or name (default: own)"));
  edit->add_option("--name", eo->edit.name, _("Formal name: refused, it is not the authority's to change"));
  edit->add_option("--informal-name", eo->edit.informal_name, _("Informal name (marks translations stale)"));
  edit->add_option("--description", eo->edit.description, _("Description (marks translations stale)"));
  edit->add_option("--email", eo->edit.email, _("E-mail (gets a cc of every mail)"));
  edit->add_option("--phone", eo->edit.phone, _("Phone number ('' clears)"));
  edit->add_option("--address", eo->edit.address, _("Postal address ('' clears)"));
  edit->add_option("--language", eo->edit.language, _("Language"));
  edit->callback([eo, &rt] { run_edit(*eo, rt); });

  setup_authority_details(*cmd, rt);
}

} // namespace imi::cli
