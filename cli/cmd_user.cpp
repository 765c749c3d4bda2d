// imictl user add|list|show|edit|rename|print|issue-credentials (delete,
// restore, lock, unlock and reset-password are in cmd_user_lifecycle.cpp,
// activate in cmd_login.cpp with login, link and unlink in cmd_user_link.cpp).
#include "authority/authority.hpp"
#include "core/error.hpp"
#include "core/safe_output.hpp"
#include "enum_option.hpp"
#include "notify/credentials.hpp"
#include "runtime.hpp"
#include "users/user_admin.hpp"
#include "users/user_list.hpp"
#include "users/user_sheet.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {

void setup_user_activate(CLI::App& user, Runtime& rt);
void setup_user_lifecycle(CLI::App& user, Runtime& rt);
void setup_user_link(CLI::App& user, Runtime& rt);

namespace {

// The table view keeps to what fits a terminal; JSON and CSV carry every key.
const std::vector<std::string> table_columns = {"username", "name",  "email",
                                                "status",   "roles", "departments"};

Record table_row(const UserView& u)
{
  return {{"username", u.username},
          {"name", u.first_name.empty() ? u.last_name : u.first_name + " " + u.last_name},
          {"email", u.email},
          {"status", u.status},
          {"roles", shown_roles(u)},
          {"departments", u.departments}};
}

void print_user(Runtime& rt, const UserView& u)
{
  rt.out().object(user_record(u));
}

struct AddOptions {
  NewUser user;
  std::string phone, function, authority;
  bool first_name_given = false;
};

void run_add(AddOptions& o, Runtime& rt)
{
  if (!o.phone.empty()) o.user.phone = o.phone;
  if (!o.function.empty()) o.user.function = o.function;
  if (!o.authority.empty()) o.user.authority_id = resolve_authority(rt.session().db(), o.authority);
  // Missing is a usage error; given but empty is a field error (lib/users).
  if (!o.first_name_given && !o.user.functional)
    throw UsageError(_("--first-name is required"), {_("for a functional mailbox account use --functional")});
  const UserView u = add_user(rt.session(), rt.actor(), o.user);
  // The table form is the username alone, for onboarding scripts:
  // name=$(imictl user add ...).
  if (rt.format() == Format::table)
    rt.out().line(u.username);
  else
    print_user(rt, u);
}

struct ListOptions {
  std::string role, status, department, text;
  bool all = false;
};

void run_list(const ListOptions& o, Runtime& rt)
{
  UserFilter f;
  if (!o.role.empty()) f.role = o.role;
  if (!o.status.empty()) f.status = o.status;
  if (!o.department.empty()) f.department = o.department;
  if (!o.text.empty()) f.text = o.text;
  f.include_deleted = o.all;
  auto& out = rt.out();
  const bool table = rt.format() == Format::table;
  bool started = false;
  // begin_list only after the filter validated, so an error leaves stdout empty.
  list_own_users(rt.session(), rt.actor(), f, [&](const UserView& u) {
    if (!started) {
      out.begin_list(table ? table_columns : user_record_columns());
      started = true;
    }
    out.row(table ? table_row(u) : user_record(u));
  });
  if (!started) out.begin_list(table ? table_columns : user_record_columns());
  out.end_list();
}

void run_show(const std::string& user, Runtime& rt)
{
  print_user(rt, show_user(rt.session(), rt.actor(), user));
}

struct EditOptions {
  std::string user;
  std::string first_name, last_name, email, language, phone, function;
  std::vector<std::string> add_departments, remove_departments;
};

void run_edit(const EditOptions& o, const CLI::App& app, Runtime& rt)
{
  UserEdit e;
  auto given = [&](const char* name) { return app.count(name) > 0; };
  if (given("--first-name")) e.first_name = o.first_name;
  if (given("--last-name")) e.last_name = o.last_name;
  if (given("--email")) e.email = o.email;
  if (given("--language")) e.language = o.language;
  if (given("--phone")) e.phone = o.phone;
  if (given("--function")) e.function = o.function;
  e.add_departments = o.add_departments;
  e.remove_departments = o.remove_departments;
  rt.changed(user_record(edit_user(rt.session(), rt.actor(), o.user, e)));
}

void run_print(const std::vector<std::string>& users, const std::string& output, Runtime& rt)
{
  const auto sheets = load_user_sheets(rt.session(), rt.actor(), users);
  // Without -o: the text sheets on standard output; with -o a PDF, "-" too.
  SafeOutput out(output.empty() ? "-" : output, session_output_options(rt.session()));
  out.stream() << (output.empty() ? user_sheets_text(sheets) : user_sheets_pdf(sheets));
  out.commit();
  if (!out.is_stdout())
    rt.reporter().note(
        _n("wrote {} sheet to {}", "wrote {} sheets to {}", sheets.size(), sheets.size(), output));
}

void run_issue_credentials(bool dry_run, Runtime& rt)
{
  Session& s = rt.session();
  const IssueResult result = issue_credentials(s, rt.system(), dry_run);
  auto& out = rt.out();
  if (result.usernames.empty() && rt.format() == Format::table) {
    // Silent under -q, so cron mails nobody every ten minutes.
    if (!rt.options.quiet)
      out.line(dry_run ? _("no user is due for credentials") : _("no user was due for credentials"));
    return;
  }
  out.begin_list({"username", "action"});
  for (const auto& name : result.usernames)
    out.row({{"username", name}, {"action", dry_run ? "due" : "queued"}});
  out.end_list();
}

} // namespace

void setup_user(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("user");
  cmd->require_subcommand(1);

  auto a = std::make_shared<AddOptions>();
  auto* add = cmd->add_subcommand("add", _("Create a user (prints the generated username)"));
  add->add_option("--first-name", a->user.first_name, _("First name (mandatory unless --functional)"))
      ->type_name("NAME");
  add->add_option("--last-name", a->user.last_name, _("Last name, or the name of a functional account"))
      ->required()
      ->type_name("NAME");
  add->add_option("--email", a->user.email, _("E-mail address (a functional mailbox is fine)"))
      ->required()
      ->type_name("ADDR");
  add->add_option("--language", a->user.language, _("Language, ISO 639-1"))
      ->capture_default_str()
      ->type_name("CODE");
  add->add_option("--phone", a->phone, _("Direct phone number (recommended)"))->type_name("PHONE");
  add->add_option("--function", a->function, _("Function (job title)"))->type_name("TEXT");
  add->add_option("--department", a->user.departments, _("Department; created when missing (repeatable)"))
      ->type_name("NAME");
  add->add_option("--role", a->user.roles, _("Role to grant: handler, lda, allocator (repeatable)"))
      ->type_name("ROLE")
      ->check(role_value());
  add->add_option("--service", a->user.services, _("Service keyword for a handler (repeatable)"))
      ->type_name("KW");
  add->add_flag("--functional", a->user.functional,
                _("A functional account (a mailbox such as Publieksbalie)"));
  add->add_option("--authority", a->authority, _("Another authority, by its own LDA (default: own)"))
      ->type_name("AUTH");
  add->callback([a, add, &rt] {
    a->first_name_given = add->count("--first-name") > 0;
    run_add(*a, rt);
  });

  auto l = std::make_shared<ListOptions>();
  auto* list = cmd->add_subcommand("list", _("List users"));
  list->add_option("--role", l->role, _("Only users with this role"))->type_name("ROLE")->check(role_value());
  list->add_option("--status", l->status, _("pending, active, locked or deleted"))
      ->type_name("STATUS")
      ->check(user_status_value());
  list->add_option("--department", l->department, _("Only users of this department"))->type_name("NAME");
  list->add_option("--text", l->text, _("Text in the username, name or e-mail address"))->type_name("TEXT");
  list->add_flag("--all", l->all, _("Include deleted users"));
  list->callback([l, &rt] { run_list(*l, rt); });

  auto show_user_name = std::make_shared<std::string>();
  auto* show = cmd->add_subcommand("show", _("Show one user"));
  show->add_option("USER", *show_user_name, _("Username or e-mail address"))->required();
  show->callback([show_user_name, &rt] { run_show(*show_user_name, rt); });

  auto e = std::make_shared<EditOptions>();
  auto* edit = cmd->add_subcommand("edit", _("Change a user's data"));
  edit->add_option("USER", e->user, _("Username or e-mail address"))->required();
  edit->add_option("--first-name", e->first_name, _("First name"))->type_name("NAME");
  edit->add_option("--last-name", e->last_name, _("Last name"))->type_name("NAME");
  edit->add_option("--email", e->email, _("E-mail address"))->type_name("ADDR");
  edit->add_option("--language", e->language, _("Language, ISO 639-1"))->type_name("CODE");
  edit->add_option("--phone", e->phone, _("Phone number ('' clears)"))->type_name("PHONE");
  edit->add_option("--function", e->function, _("Function ('' clears)"))->type_name("TEXT");
  edit->add_option("--add-department", e->add_departments, _("Add to a department (repeatable)"))
      ->type_name("NAME");
  edit->add_option("--remove-department", e->remove_departments, _("Remove from a department (repeatable)"))
      ->type_name("NAME");
  edit->callback([e, edit, &rt] { run_edit(*e, *edit, rt); });

  auto rn = std::make_shared<std::pair<std::string, std::string>>();
  auto* rename = cmd->add_subcommand("rename", _("Change the username (only while the user is pending)"));
  rename->add_option("USER", rn->first, _("Username or e-mail address"))->required();
  rename->add_option("NEW", rn->second, _("New username"))->required();
  rename->callback(
      [rn, &rt] { rt.changed(user_record(rename_user(rt.session(), rt.actor(), rn->first, rn->second))); });

  auto pr = std::make_shared<std::pair<std::vector<std::string>, std::string>>();
  auto* print = cmd->add_subcommand("print", _("Print the username sheet of one or more users (guide H6.1)"));
  print->add_option("USER", pr->first, _("Usernames or e-mail addresses"))->required();
  print
      ->add_option("--output,-o", pr->second,
                   _("Write a PDF document (one page per user) instead of text; - for standard output"))
      ->type_name("FILE");
  print->callback([pr, &rt] { run_print(pr->first, pr->second, rt); });

  auto dry = std::make_shared<bool>(false);
  auto* issue = cmd->add_subcommand("issue-credentials",
                                    _("Queue temporary passwords for users created 24 hours ago (cron)"));
  issue->add_flag("--dry-run", *dry, _("Only list who would get credentials"));
  issue->callback([dry, &rt] { run_issue_credentials(*dry, rt); });

  setup_user_lifecycle(*cmd, rt);
  setup_user_activate(*cmd, rt);
  setup_user_link(*cmd, rt);
}

} // namespace imi::cli
