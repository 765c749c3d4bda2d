# imictl check's request rules (B2, B3), through IMICTL_NOW: overdue incoming
# requests, requests sent without a motivation, and with allocation on
# requests unassigned for more than 2 days. Fictitious requests never count.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"
export IMICTL_NOW=2026-03-02T09:00:00Z
setup_request_world

codes() { json '" ".join(f["code"] for f in j)'; }
has_code() { case " $(codes) " in *" $1 "*) return 0 ;; esac; return 1; }
expect_code() { CHECKS=$((CHECKS + 1)); has_code "$1" || fail "expected finding $1 in: $(codes)"; }
expect_no_code() { CHECKS=$((CHECKS + 1)); has_code "$1" && fail "did not expect finding $1"; }
finding() { json "[f[\"$2\"] for f in j if f[\"code\"] == \"$1\"]"; }

incoming() { # [OPTION...]: Antwerpen asks Oeteldonk; prints the reference
  local ref
  ref=$(as bpeeters imictl request create --to "$OWN" --subject "Schildersbedrijf" \
    --motivation "Controle van een melding" --question-set services-general --question 1 "$@") ||
    { fail "create incoming"; return; }
  as bpeeters imictl request send "$ref" >/dev/null || fail "send $ref"
  echo "$ref"
}

A=$(incoming --due 2026-03-10)
F=$(incoming --due 2026-03-10 --fictitious)
run as bbasis imictl check --json
expect_no_code overdue-incoming-requests
expect_no_code sent-without-motivation
expect_no_code unassigned-requests

# --- overdue: past the due date, not yet answered ------------------------------------
IMICTL_NOW=2026-03-11T09:00:00Z run as bbasis imictl check --json
expect_code overdue-incoming-requests
expect_eq "$(finding overdue-incoming-requests severity)" '["warning"]'
expect_contains "$(finding overdue-incoming-requests message)" "1 request received from other authorities is past the due date: $A"
expect_not_contains "$OUT" "$F"
expect_eq "$(finding overdue-incoming-requests fix)" '["imictl request list --incoming --overdue"]'
# Answered in time is no finding.
as hhendriks imictl request accept "$A" >/dev/null || fail "accept"
as hhendriks imictl request answer "$A" --question 1 --text "Ja" >/dev/null || fail "answer"
as hhendriks imictl request reply "$A" >/dev/null || fail "reply"
IMICTL_NOW=2026-03-11T09:00:00Z run as bbasis imictl check --json
expect_no_code overdue-incoming-requests

# --- sent without a motivation (older data, imports) ---------------------------------
R=$(request_in_state sent)
sql "$DB" "UPDATE request SET motivation = ' ' WHERE reference = '$R'"
D=$(new_request --language en) # a draft is not sent: no finding
sql "$DB" "UPDATE request SET motivation = '' WHERE reference = '$D'"
run as bbasis imictl check --json
expect_code sent-without-motivation
expect_contains "$(finding sent-without-motivation message)" "1 request went out without a motivation: $R;"
expect_not_contains "$(finding sent-without-motivation message)" "$D"

# --- allocation on: unassigned for more than 2 days -----------------------------------
as aadmin imictl authority settings --allocation on >/dev/null || fail "allocation on"
B=$(IMICTL_NOW=2026-03-02T09:00:00Z incoming)
C=$(IMICTL_NOW=2026-03-02T09:00:00Z incoming)
IMICTL_NOW=2026-03-04T08:59:59Z run as bbasis imictl check --json
expect_no_code unassigned-requests
IMICTL_NOW=2026-03-04T09:00:01Z expect_rc 1 as bbasis imictl check --json
expect_code unassigned-requests
expect_eq "$(finding unassigned-requests severity)" '["error"]'
expect_contains "$(finding unassigned-requests message)" "allocation is on and 2 requests received more than 2 days ago are assigned to no handler: $B, $C"
expect_eq "$(finding unassigned-requests fix)" "[\"imictl assign $B HANDLER\"]"
as ttoewijzer imictl assign "$B" hhendriks >/dev/null || fail "assign $B"
as ttoewijzer imictl assign "$C" hhendriks >/dev/null || fail "assign $C"
IMICTL_NOW=2026-03-04T09:00:01Z run as bbasis imictl check --json
expect_no_code unassigned-requests

# check only reads.
before=$(db_digest "$DB")
IMICTL_NOW=2026-03-11T09:00:00Z run as bbasis imictl check --json
expect_unchanged "$DB" "$before"
