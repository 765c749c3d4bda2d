// imictl audit list|verify|head: read and check the hash-chained audit log,
// and print its head for recording elsewhere.
#include "access/audit_access.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "runtime.hpp"
#include "util/i18n.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

namespace imi::cli {
namespace {

struct AuditListOptions {
  std::string since, actor, object, action;
  std::int64_t limit = 0;
};

Record audit_record(const AuditEntry& e)
{
  return {{"id", e.id},         {"at", e.at},           {"actor", e.actor}, {"action", e.action},
          {"object", e.object}, {"summary", e.summary}, {"hash", e.hash}};
}

void run_audit_list(const AuditListOptions& o, Runtime& rt)
{
  AuditFilter f;
  if (!o.since.empty()) {
    auto t = util::parse_iso8601(o.since);
    if (!t) throw UsageError(_f("--since: '{}' is not an ISO-8601 date or instant", o.since));
    f.since = t;
  }
  if (!o.actor.empty()) f.actor = o.actor;
  if (!o.object.empty()) f.object = o.object;
  if (!o.action.empty()) f.action = o.action;
  f.limit = o.limit;
  auto& out = rt.out();
  out.begin_list({"id", "at", "actor", "action", "object", "summary", "hash"});
  for (const auto& e : read_audit(rt.session(), rt.actor(), f))
    out.row(audit_record(e));
  out.end_list();
}

void run_audit_verify(const std::optional<std::string>& head_option, Runtime& rt)
{
  std::optional<AuditHead> expected;
  if (head_option) {
    expected = parse_audit_head(*head_option);
    if (!expected)
      throw UsageError(_f("--head: '{}' is not COUNT:HASH as 'imictl audit head' prints it "
                          "(a number, a colon and 64 hexadecimal digits)",
                          *head_option));
  }
  const AuditVerification v = verify_audit(rt.session().db(), expected);
  Record r{{"entries", v.entries},
           {"intact", v.intact()},
           {"first_broken", nullptr},
           {"problem", nullptr},
           {"head", expected ? Value(format_audit_head(expected->count, expected->hash)) : Value()},
           {"head_found", expected ? Value(!v.head_missing && v.intact()) : Value()}};
  if (v.first_broken) r[2].value = Value::of_record(audit_record(*v.first_broken));
  if (!v.intact()) {
    r[3].value = v.problem;
    rt.exit_code = 1;
  }
  if (rt.format() != Format::table) {
    rt.out().object(r);
  } else if (v.first_broken) {
    // TRANSLATORS: the audit log's hash chain is broken at this entry: id (time action object): problem.
    rt.out().line(_f("BROKEN at entry {} ({} {} {}): {}", v.first_broken->id, v.first_broken->at,
                     v.first_broken->action, v.first_broken->object, v.problem));
  } else if (!v.intact()) {
    rt.out().line(_f("BROKEN: {}", v.problem));
  } else if (expected) {
    rt.out().line(_n("audit log intact: {0} entry; head {1} present",
                     "audit log intact: {0} entries; head {1} present", static_cast<unsigned long>(v.entries),
                     v.entries, expected->count));
  } else {
    rt.out().line(_n("audit log intact: {} entry", "audit log intact: {} entries",
                     static_cast<unsigned long>(v.entries), v.entries));
  }
}

// Printed as COUNT:HASH on its own line, so that cron can hand it to logger(1).
void run_audit_head(Runtime& rt)
{
  const AuditHead h = audit_head(rt.session().db());
  const std::string head = format_audit_head(h.count, h.hash);
  if (rt.format() == Format::table) {
    rt.out().line(head);
    return;
  }
  rt.out().object({{"head", head},
                   {"entries", h.count},
                   {"hash", h.hash},
                   {"id", h.last ? Value(h.last->id) : Value()},
                   {"at", h.last ? Value(h.last->at) : Value()}});
}

} // namespace

void setup_audit(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("audit");
  cmd->require_subcommand(1);
  auto o = std::make_shared<AuditListOptions>();
  auto* list = cmd->add_subcommand("list", _("List audit entries, oldest first"));
  list->add_option("--since", o->since, _("Only entries at or after this date/instant"));
  list->add_option("--actor", o->actor, _("Only entries by this actor"));
  list->add_option("--object", o->object, _("Only this object ('user:jdevries'), or a prefix ending in ':'"));
  list->add_option("--action", o->action, _("Only this action ('authority.edit') or family ('authority')"));
  list->add_option("--limit", o->limit, _("At most this many entries"));
  list->callback([o, &rt] { run_audit_list(*o, rt); });
  auto* verify = cmd->add_subcommand("verify", _("Check the hash chain; exit 1 at the first broken entry"));
  auto head_text = std::make_shared<std::string>();
  auto* head_option = verify->add_option(
      "--head", *head_text,
      _("COUNT:HASH recorded earlier by 'audit head'; fail when that entry is missing or differs"));
  verify->callback([head_text, head_option, &rt] {
    // Given but empty is a malformed head, not "no head".
    run_audit_verify(head_option->count() ? std::optional<std::string>(*head_text) : std::nullopt, rt);
  });
  auto* head =
      cmd->add_subcommand("head", _("Print COUNT:HASH of the newest entry, to be recorded elsewhere"));
  head->callback([&rt] { run_audit_head(rt); });
}

} // namespace imi::cli
