// imictl audit list|verify: read and check the hash-chained audit log.
#include "access/audit_access.hpp"
#include "core/audit.hpp"
#include "core/error.hpp"
#include "runtime.hpp"

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
    if (!t) throw UsageError(fmt::format("--since: '{}' is not an ISO-8601 date or instant", o.since));
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

void run_audit_verify(Runtime& rt)
{
  const AuditVerification v = verify_audit(rt.session().db());
  Record r{
      {"entries", v.entries}, {"intact", !v.first_broken}, {"first_broken", nullptr}, {"problem", nullptr}};
  if (v.first_broken) {
    r[2].value = Value::of_record(audit_record(*v.first_broken));
    r[3].value = v.problem;
    rt.exit_code = 1;
  }
  if (rt.format() == Format::table) {
    if (v.first_broken)
      rt.out().line(fmt::format("BROKEN at entry {} ({} {} {}): {}", v.first_broken->id, v.first_broken->at,
                                v.first_broken->action, v.first_broken->object, v.problem));
    else
      rt.out().line(fmt::format("audit log intact: {} entries", v.entries));
  } else {
    rt.out().object(r);
  }
}

} // namespace

void setup_audit(CLI::App& root, Runtime& rt)
{
  auto* cmd = root.add_subcommand("audit", "List and verify the audit log");
  cmd->require_subcommand(1);
  auto o = std::make_shared<AuditListOptions>();
  auto* list = cmd->add_subcommand("list", "List audit entries, oldest first");
  list->add_option("--since", o->since, "Only entries at or after this date/instant");
  list->add_option("--actor", o->actor, "Only entries by this actor");
  list->add_option("--object", o->object, "Only this object ('user:jdevries'), or a prefix ending in ':'");
  list->add_option("--action", o->action, "Only this action ('authority.edit') or family ('authority')");
  list->add_option("--limit", o->limit, "At most this many entries");
  list->callback([o, &rt] { run_audit_list(*o, rt); });
  auto* verify = cmd->add_subcommand("verify", "Check the hash chain; exit 1 at the first broken entry");
  verify->callback([&rt] { run_audit_verify(rt); });
}

} // namespace imi::cli
