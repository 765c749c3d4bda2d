// What a table calls each field. Records carry snake_case keys (the JSON and
// CSV names, which scripts read and which never change); a table shows a
// label instead: in English the key in capitals, in Dutch its translation
// (msgctxt "field"). Code values that a person reads in a table (roles,
// states, statuses) are translated the same way, with the code's kind as
// context. tests/i18n/check_catalogue.py fails when a record key used in
// lib/ or cli/ is missing from this list.
#include "core/field_labels.hpp"

#include "util/i18n.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace imi {
namespace {

// Marked for extraction only; field_label() looks the key up at run time.
[[maybe_unused]] constexpr std::array field_keys{
    NC_("field", "accepted_at"),
    NC_("field", "accepted_within_7_days"),
    NC_("field", "accepted_within_7_days_rating"),
    NC_("field", "action"),
    NC_("field", "actor"),
    NC_("field", "address"),
    NC_("field", "agreed_due_at"),
    NC_("field", "all_areas"),
    NC_("field", "allowed"),
    NC_("field", "answer"),
    NC_("field", "answer_text"),
    NC_("field", "answered"),
    NC_("field", "answered_at"),
    NC_("field", "answered_by_agreed_date"),
    NC_("field", "answered_by_agreed_date_rating"),
    NC_("field", "archived_at"),
    NC_("field", "assignees"),
    NC_("field", "at"),
    NC_("field", "attachments"),
    NC_("field", "attempts"),
    NC_("field", "authority"),
    NC_("field", "authority_id"),
    NC_("field", "average_days_to_answer"),
    NC_("field", "average_days_to_answer_rating"),
    NC_("field", "blocked"),
    NC_("field", "bytes"),
    NC_("field", "cc"),
    NC_("field", "changes"),
    NC_("field", "checkpointed"),
    NC_("field", "closed_at"),
    NC_("field", "code"),
    NC_("field", "column"),
    NC_("field", "comment"),
    NC_("field", "competences"),
    NC_("field", "country"),
    NC_("field", "created"),
    NC_("field", "created_at"),
    NC_("field", "database"),
    NC_("field", "default_services"),
    NC_("field", "deleted"),
    NC_("field", "department"),
    NC_("field", "departments"),
    NC_("field", "description"),
    NC_("field", "docx"),
    NC_("field", "dry_run"),
    NC_("field", "due_at"),
    NC_("field", "email"),
    NC_("field", "en"),
    NC_("field", "entries"),
    NC_("field", "error"),
    NC_("field", "errors"),
    NC_("field", "fictitious"),
    NC_("field", "field"),
    NC_("field", "file"),
    NC_("field", "files"),
    NC_("field", "first_broken"),
    NC_("field", "first_name"),
    NC_("field", "fix"),
    NC_("field", "fixed"),
    NC_("field", "fixed_settings"),
    NC_("field", "from"),
    NC_("field", "function"),
    NC_("field", "functional"),
    NC_("field", "guide_section"),
    NC_("field", "hash"),
    NC_("field", "head"),
    NC_("field", "head_found"),
    NC_("field", "history"),
    NC_("field", "id"),
    NC_("field", "informal_name"),
    NC_("field", "intact"),
    NC_("field", "items"),
    NC_("field", "key"),
    NC_("field", "keyword"),
    NC_("field", "keywords"),
    NC_("field", "kind"),
    NC_("field", "label_en"),
    NC_("field", "label_nl"),
    NC_("field", "language"),
    NC_("field", "last_error"),
    NC_("field", "last_login_at"),
    NC_("field", "last_name"),
    NC_("field", "latest"),
    NC_("field", "line"),
    NC_("field", "longest_write_ms"),
    NC_("field", "message"),
    NC_("field", "motivation"),
    NC_("field", "name"),
    NC_("field", "needs_assignment"),
    NC_("field", "next_attempt_at"),
    NC_("field", "nl"),
    NC_("field", "notifies"),
    NC_("field", "number"),
    NC_("field", "object"),
    NC_("field", "optional"),
    NC_("field", "os_user"),
    NC_("field", "outcome"),
    NC_("field", "own"),
    NC_("field", "personal_data"),
    NC_("field", "phone"),
    NC_("field", "policy_areas"),
    NC_("field", "problem"),
    NC_("field", "problems"),
    NC_("field", "proposed_due_at"),
    NC_("field", "provider_address"),
    NC_("field", "provider_birth_date"),
    NC_("field", "provider_name"),
    NC_("field", "provider_registration"),
    NC_("field", "question_set"),
    NC_("field", "questions"),
    NC_("field", "reason"),
    NC_("field", "received"),
    NC_("field", "recipient"),
    NC_("field", "reference"),
    NC_("field", "refusal_reason"),
    NC_("field", "request_settings"),
    NC_("field", "requesting_authority"),
    NC_("field", "required"),
    NC_("field", "responding_authority"),
    NC_("field", "role"),
    NC_("field", "roles"),
    NC_("field", "rows"),
    NC_("field", "rows_omitted"),
    NC_("field", "rows_read"),
    NC_("field", "schema_version"),
    NC_("field", "score"),
    NC_("field", "sectors"),
    NC_("field", "sent"),
    NC_("field", "sent_at"),
    NC_("field", "services"),
    NC_("field", "setting"),
    NC_("field", "severity"),
    NC_("field", "sha256"),
    NC_("field", "side"),
    NC_("field", "size"),
    NC_("field", "skipped"),
    NC_("field", "skipped_references"),
    NC_("field", "source"),
    NC_("field", "stale"),
    NC_("field", "standard_answer"),
    NC_("field", "state"),
    NC_("field", "status"),
    NC_("field", "subject"),
    NC_("field", "summary"),
    NC_("field", "synopsis"),
    NC_("field", "text"),
    NC_("field", "title"),
    NC_("field", "to"),
    NC_("field", "transactions"),
    NC_("field", "translations"),
    NC_("field", "translations_stale"),
    NC_("field", "type"),
    NC_("field", "unchanged"),
    NC_("field", "updated"),
    NC_("field", "updated_at"),
    NC_("field", "username"),
    NC_("field", "users"),
    NC_("field", "users_wiped"),
    NC_("field", "valid"),
    NC_("field", "value"),
    NC_("field", "version"),
    NC_("field", "view"),
    NC_("field", "written"),
};

// The code kinds shown translated in tables, by the field that holds them.
// A code without a translation (an audit action, a mail kind) shows as is.
[[maybe_unused]] constexpr std::array code_values{
    NC_("role", "basic"),
    NC_("role", "handler"),
    NC_("role", "lda"),
    NC_("role", "allocator"),
    NC_("state", "draft"),
    NC_("state", "sent"),
    NC_("state", "accepted"),
    NC_("state", "answered"),
    NC_("state", "closed"),
    NC_("state", "refused"),
    NC_("state", "deleted"),
    NC_("state", "pending"),
    NC_("state", "sending"),
    NC_("state", "failed"),
    NC_("status", "pending"),
    NC_("status", "active"),
    NC_("status", "locked"),
    NC_("status", "deleted"),
    NC_("status", "archived"),
    NC_("status", "skipped"),
    // The import's plan; request actions (accept, forward, ...) are marked in lib/requests.
    NC_("action", "create"),
    NC_("action", "update"),
    NC_("action", "unchanged"),
    NC_("kind", "department"),
    NC_("kind", "user"),
    NC_("type", "competent_authority"),
    NC_("type", "coordinator"),
    NC_("type", "delegated_coordinator"),
    // config show: where a value comes from, when it is not a file or a variable.
    NC_("source", "default"),
    NC_("source", "own authority e-mail"),
};

const char* code_context(std::string_view key)
{
  if (key == "role" || key == "roles") return "role";
  if (key == "state" || key == "from" || key == "to") return "state";
  if (key == "status") return "status";
  if (key == "action") return "action";
  if (key == "kind") return "kind";
  if (key == "type") return "type";
  if (key == "source") return "source";
  return nullptr;
}

} // namespace

std::string field_label(const std::string& key)
{
  // Dutch labels are words ("aangemaakt op"); English shows the key itself,
  // the name --json uses.
  std::string label = C_("field", key.c_str());
  if (label != key) std::replace(label.begin(), label.end(), '_', ' ');
  return label;
}

std::string header_label(const std::string& key)
{
  std::string label = field_label(key);
  std::replace(label.begin(), label.end(), '_', ' ');
  // Capitals for ASCII letters only: a Dutch label keeps its "ë" as it is.
  for (char& c : label)
    if (static_cast<unsigned char>(c) < 0x80)
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return label;
}

std::string code_label(std::string_view key, const std::string& code)
{
  const char* context = code_context(key);
  return context != nullptr ? C_(context, code.c_str()) : code;
}

} // namespace imi
