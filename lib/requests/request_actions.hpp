// The steps of the lifecycle actions, for request_actions.cpp. Each step
// runs inside the action's transaction and ends in update_versioned (or a
// versioned delete), so a stale version changes nothing.
#pragma once

#include "requests/request_store.hpp"

namespace imi {

class Session;

struct ActionContext {
  Session& session;
  const Actor& actor;
  SQLite::Database& db;
  RequestDetails& r;
  const Transition& transition;
  const ActionInput& in;
  std::string now;
  std::optional<std::string> history_comment; // what the history keeps of the inputs
  std::string summary;                        // the audit summary
};

// Steps whose inputs are more than a state change: answer, attach, due.
void answer_question(ActionContext& c);
void attach_file(ActionContext& c);
void propose_due_date(ActionContext& c);
void agree_due_date(ActionContext& c);

// A date option: ISO-8601, not in the past; InvalidInputError (6) otherwise.
std::string future_instant(const Session& session, const char* option, const std::string& text);

} // namespace imi
