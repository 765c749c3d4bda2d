// Information requests (guide B2, B3; SPEC §4): what the commands call.
// Every function takes the acting user explicitly, asks the lifecycle table
// (lifecycle.hpp) whether the action is possible and the access layer whether
// this actor may take it, and writes one transaction with one audit entry.
#pragma once

#include "access/actor.hpp"
#include "access/record_access.hpp"
#include "requests/lifecycle.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace imi {

class Session;

struct RequestQuestion {
  std::int64_t number = 0;
  std::string text;
  std::optional<std::string> answer_text, standard_answer;
  // As the requester reads it: the standard answer in the request's
  // language, then the free text.
  std::optional<std::string> answer;
};
struct RequestAttachment {
  std::string name;
  std::int64_t size = 0;
  std::string sha256;
};
struct RequestHistoryEntry {
  std::string at, actor, action;
  std::optional<std::string> comment;
};
struct PersonalData {
  std::optional<std::string> provider_name, provider_address, provider_registration, provider_birth_date;
};

// A request as an actor may see it: `personal_data` empty and answers,
// attachment sizes and checksums left out unless the view is full.
struct RequestDetails {
  std::int64_t id = 0;
  std::string reference;
  RequestState state = RequestState::draft;
  std::int64_t requesting_authority_id = 0;
  std::optional<std::int64_t> responding_authority_id;
  std::string requesting_authority, subject, motivation, language;
  std::optional<std::string> responding_authority, question_set;
  bool fictitious = false;
  std::string created_at;
  std::optional<std::string> sent_at, due_at, closed_at, archived_at, accepted_at, answered_at;
  std::optional<std::string> refusal_reason, proposed_due_at, agreed_due_at;
  bool blocked = false;
  std::int64_t version = 0;
  std::vector<std::string> assignees; // usernames
  RequestView view = RequestView::none;
  std::optional<PersonalData> personal_data; // only in the full view
  std::vector<RequestQuestion> questions;
  std::vector<RequestAttachment> attachments;
  std::vector<RequestHistoryEntry> history;
};

struct NewRequest {
  std::string to, subject, motivation, language = "en";
  std::optional<std::string> question_set, due;
  std::vector<std::int64_t> questions;
  std::vector<std::string> free_questions;
  bool fictitious = false;
  PersonalData personal;
};
// A draft of the actor's authority (a handler) to `to`; returns its reference.
std::string create_request(Session& session, const Actor& actor, const NewRequest& in);

// Inputs of the lifecycle actions; which are needed is the table's business.
struct ActionInput {
  std::optional<std::string> comment, reason, to, date, text, standard, file;
  std::optional<std::int64_t> question;
};
// Takes `action` (a lifecycle row: send, accept, refuse, ...) on REQ.
// Wrong state or stale version: ConflictError (5); wrong actor: 4; bad input: 6.
// Returns the request as the actor now sees it: nothing after discard, and
// only reference and state once it is out of their sight (forwarded away).
RequestDetails act_on_request(Session& session, const Actor& actor, const std::string& request,
                              const std::string& action, const ActionInput& input);

// assign/unassign (B3): allocators of the responding authority. `reassign`
// replaces the assigned handlers. Returns the usernames assigned afterwards.
std::vector<std::string> assign_request(Session& session, const Actor& actor, const std::string& request,
                                        const std::vector<std::string>& handlers, bool reassign);
std::vector<std::string> unassign_request(Session& session, const Actor& actor, const std::string& request,
                                          const std::string& handler);

// show: 4 for an actor who may not see it. A blocked request only for an
// LDA who gives a reason (audited).
RequestDetails show_request(Session& session, const Actor& actor, const std::string& request,
                            const std::optional<std::string>& reveal_reason = std::nullopt);

struct RequestFilter {
  bool incoming = false, outgoing = false, overdue = false, mine = false, unassigned = false;
  bool fictitious_only = false;
  std::optional<RequestState> state;
  std::optional<std::string> department;
  // --reveal-blocked --reason: an LDA lists blocked requests too (4 for
  // anyone else); audited once per listing, with the reason.
  std::optional<std::string> reveal_reason;
  // References starting with this, ignoring case (shell completion).
  std::optional<std::string> reference_prefix;
  // Callers that need only the list, such as completion, skip the query per
  // row that reads personal data.
  bool without_personal_data = false;
};
// The requests the actor may see, newest first; each without questions and
// history, personal data as the view allows. Blocked requests are left out
// for everyone unless revealed.
void list_requests(Session& session, const Actor& actor, const RequestFilter& filter,
                   const std::function<void(const RequestDetails&)>& each);

// What the actor may do with REQ now: every row of the table, and why not.
struct PossibleAction {
  const Transition* transition = nullptr;
  bool allowed = false;
  std::string reason; // empty when allowed
};
std::vector<PossibleAction> possible_actions(Session& session, const Actor& actor,
                                             const std::string& request);

// remind (cron, actor system): one mail per request per day to the handlers
// who hold each open incoming request due within [requests] remind_days or
// overdue. Returns the references reminded.
std::vector<std::string> remind_due_requests(Session& session, const Actor& actor);

struct QuestionSet {
  std::string code, title;
  bool fictitious = false;
  std::vector<RequestQuestion> questions; // number and text only
};
// In `language` (nl or en). Unknown code: NotFoundError (3).
std::vector<QuestionSet> question_sets(SQLite::Database& db, const std::string& language,
                                       const std::optional<std::string>& code = std::nullopt);
struct StandardAnswer {
  std::string code, nl, en;
};
std::vector<StandardAnswer> standard_answers(SQLite::Database& db);

// The one definition of "open request" for other domains (users may not be
// deleted or renamed while they hold open requests).
std::int64_t count_open_assigned_requests(SQLite::Database& db, std::int64_t user_id);
// The SQL of that count, for callers that prepare it once (import).
const char* open_assigned_requests_sql();
// Moves `from`'s open requests to `to` (user delete --reassign-to).
void reassign_open_requests(SQLite::Database& db, std::int64_t from_user, std::int64_t to_user);

} // namespace imi
