// The request lifecycle as data, in the manner of Request Tracker's
// lifecycles: every action a person can take on a request is one row of one
// table, naming the states it starts from, the state it leads to, which side
// and role may take it, what input it needs and whom it notifies. The
// commands, the permission checks, `request transitions`, the man page and
// the tests all read this table; nothing else decides what is allowed.
#pragma once

#include "users/role.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace imi {

enum class RequestState { draft, sent, accepted, answered, closed, refused };
const char* request_state_slug(RequestState s);
// The state as a person reads it in the interface language (the slug in English).
const char* request_state_label(RequestState s);
// InvalidInputError (6) naming the states for anything else.
RequestState parse_request_state(std::string_view text);
// sent, accepted, answered: the one definition of an open request.
bool is_open_state(RequestState s);
const std::vector<RequestState>& open_request_states();

enum class Side { requesting, responding };
const char* side_slug(Side s);

// What a row needs besides the request (bit flags).
enum RequestInput : unsigned {
  input_none = 0,
  input_refusal_reason = 1, // one of refusal_reasons()
  input_comment = 2,        // a free-text comment
  input_authority = 4,      // the authority to forward to
  input_date = 8,           // a due date
  input_answer = 16,        // question number and text or standard answer
  input_file = 32,          // a file to attach
  input_handlers = 64,      // handlers to assign
};

// Whom a row's action mails (bit flags), through the outbox.
enum RequestNotice : unsigned {
  notice_none = 0,
  notice_responder_intake = 1, // responding authority address + handlers, or allocators with allocation
  notice_sender = 2,           // the requesting handler who sent the request
  notice_assignees = 4,        // the handlers just assigned
};

struct Transition {
  const char* action; // "send", "due-propose"
  std::vector<RequestState> from;
  // The state after; empty for "unchanged" (answer, due, assign), and for
  // discard, which deletes the draft.
  std::optional<RequestState> to;
  bool deletes = false;
  Side side;
  Role role;
  // With allocation on, a responding-side handler must be assigned.
  bool needs_assignment = false;
  unsigned required = input_none;
  unsigned optional = input_none;
  unsigned notices = notice_none;
  const char* synopsis;    // the command line, for help, man page and tests
  const char* description; // marked with N_: shown through _()
};

const std::vector<Transition>& lifecycle();
// An action (a row's `action`) as a person reads it in the interface
// language (the action itself in English); a list of them, comma-separated.
std::string request_action_label(std::string_view action);
std::string request_action_labels(const std::vector<std::string>& actions);
// The rows of an action (one action may start from several states).
std::vector<const Transition*> transitions_for(std::string_view action);
// The row of an action that may start from this state, if any.
const Transition* transition_from(std::string_view action, RequestState state);
// The actions that can start from this state, in table order, without repeats.
std::vector<std::string> actions_in_state(RequestState state);

// Refusal reasons the guide allows (B2): nothing else may be given.
const std::vector<std::string>& refusal_reasons();
// InvalidInputError (6) unless `reason` is one of refusal_reasons().
void check_refusal_reason(std::string_view reason);
std::vector<std::string> input_names(unsigned inputs);
std::vector<std::string> notice_names(unsigned notices);

} // namespace imi
