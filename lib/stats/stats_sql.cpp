// The scoreboard's SQL, kept apart from the C++ that binds it so that the
// benchmark and a reader can compare it with hand-written queries.
//
// A request is received by its current responder when it was last sent or
// forwarded to it; accepted and answered are the first accept and reply after
// that. Times are ISO 8601 text in UTC, so they compare as strings.
#include "stats/stats.hpp"

namespace imi::stats_sql {

#define IMI_STATS_RECEIVED                                                                                   \
  "WITH recv AS ("                                                                                           \
  " SELECT r.id, coalesce(r.agreed_due_at, r.due_at) AS due_at,"                                             \
  "  (SELECT max(h.at) FROM request_history h WHERE h.request_id = r.id"                                     \
  "   AND h.action IN ('send', 'forward')) AS received_at"                                                   \
  " FROM request r"                                                                                          \
  " WHERE r.responding_authority_id = :a AND r.state <> 'draft' AND (:fictitious OR r.fictitious = 0)"       \
  "  AND (:department IS NULL OR EXISTS (SELECT 1 FROM request_assignee ra JOIN user_department ud"          \
  "   ON ud.user_id = ra.user_id WHERE ra.request_id = r.id AND ud.department_id = :department))),"          \
  "timed AS ("                                                                                               \
  " SELECT received_at, due_at,"                                                                             \
  "  (SELECT min(h.at) FROM request_history h WHERE h.request_id = recv.id AND h.action = 'accept'"          \
  "   AND h.at >= recv.received_at) AS accepted_at,"                                                         \
  "  (SELECT min(h.at) FROM request_history h WHERE h.request_id = recv.id AND h.action = 'reply'"           \
  "   AND h.at >= recv.received_at) AS answered_at"                                                          \
  " FROM recv WHERE received_at >= :from AND received_at < :to) "

// Acceptance is decided once accepted or once the week is over; the agreed
// date once answered or once it has passed. Undecided requests are left out
// rather than counted as late before they are.
const char* const received = IMI_STATS_RECEIVED
    "SELECT count(*),"
    " count(answered_at),"
    " coalesce(sum(accepted_at IS NOT NULL AND julianday(accepted_at) - julianday(received_at) <= 7), 0),"
    " coalesce(sum(accepted_at IS NOT NULL OR julianday(:now) - julianday(received_at) > 7), 0),"
    " avg(julianday(answered_at) - julianday(received_at)),"
    " coalesce(sum(answered_at IS NOT NULL AND due_at IS NOT NULL AND answered_at <= due_at), 0),"
    " coalesce(sum(due_at IS NOT NULL AND (answered_at IS NOT NULL OR due_at < :now)), 0)"
    " FROM timed";

const char* const monthly =
    IMI_STATS_RECEIVED "SELECT month, sum(kind = 'r'), sum(kind = 'a') FROM ("
                       " SELECT substr(received_at, 1, 7) AS month, 'r' AS kind FROM timed"
                       " UNION ALL SELECT substr(answered_at, 1, 7), 'a' FROM timed WHERE answered_at < :to)"
                       " GROUP BY month ORDER BY month";

// Sent: the first time the requesting authority sent it, in the period.
const char* const sent =
    "SELECT count(*) FROM (SELECT"
    " (SELECT min(h.at) FROM request_history h WHERE h.request_id = r.id AND h.action = 'send') AS sent_at"
    " FROM request r"
    " WHERE r.requesting_authority_id = :a AND r.state <> 'draft' AND (:fictitious OR r.fictitious = 0)"
    " AND (:department IS NULL OR EXISTS (SELECT 1 FROM user_department ud"
    "  WHERE ud.user_id = r.sent_by AND ud.department_id = :department)))"
    " WHERE sent_at >= :from AND sent_at < :to";

#undef IMI_STATS_RECEIVED

} // namespace imi::stats_sql
