# A small crafted history for the scoreboard suites, made through the command
# line with IMICTL_NOW stepping through the days. Oeteldonk (hhendriks, of
# department Handhaving) sends, Antwerpen (bpeeters) answers; each request's
# default due date is 14 days after sending.
#
#   R1 sent 01-05, accepted after 2 days, replied after 10, by its due date
#   R2 sent 01-10, accepted after 10 days, replied after 30, late
#   R3 sent 02-01, accepted after 2 days, due moved to 02-25 and agreed,
#      replied after 20, in time
#   R4 sent 02-20, not accepted: its week is over by 03-02, its due date not
#   R5 fictitious, sent 02-10, accepted next day, replied after 2 days
#   R6 sent 02-27: neither week nor due date over by 03-02
# "Now" at the end is 2026-03-02T09:00:00Z.
source "$IMICTL_SOURCE_DIR/tests/e2e/request_lib.sh"

at() { # DAY CMD...: CMD with IMICTL_NOW on that day of 2026 at 09:00 UTC
  local day=$1
  shift
  IMICTL_NOW=2026-${day}T09:00:00Z "$@"
}

stats_send() { # DAY [OPTION...] -> reference
  local day=$1 ref
  shift
  ref=$(IMICTL_NOW=2026-${day}T09:00:00Z new_request "$@") || { fail "create on $day"; return; }
  at "$day" as hhendriks imictl request send "$ref" >/dev/null || fail "send $ref"
  echo "$ref"
}

stats_accept() { at "$2" as bpeeters imictl request accept "$1" >/dev/null || fail "accept $1 on $2"; }

stats_reply() { # REF DAY: answers both questions and replies
  at "$2" as bpeeters imictl request answer "$1" --question 1 --text "Ja" >/dev/null || fail "answer $1"
  at "$2" as bpeeters imictl request answer "$1" --question 2 --standard data-protection >/dev/null ||
    fail "answer $1"
  at "$2" as bpeeters imictl request reply "$1" >/dev/null || fail "reply $1 on $2"
}

# R1 ... R6 are the suites' to use.
# shellcheck disable=SC2034
make_stats_history() {
  IMICTL_NOW=2026-01-02T09:00:00Z setup_request_world
  at 01-02 as aadmin imictl user edit hhendriks --add-department Handhaving >/dev/null ||
    fail "department Handhaving"
  R1=$(stats_send 01-05)
  stats_accept "$R1" 01-07
  stats_reply "$R1" 01-15
  R2=$(stats_send 01-10)
  stats_accept "$R2" 01-20
  stats_reply "$R2" 02-09
  R3=$(stats_send 02-01)
  stats_accept "$R3" 02-03
  at 02-03 as bpeeters imictl request due "$R3" --propose 2026-02-25 >/dev/null || fail "propose $R3"
  at 02-04 as hhendriks imictl request due "$R3" --agree >/dev/null || fail "agree $R3"
  stats_reply "$R3" 02-21
  R4=$(stats_send 02-20)
  R5=$(stats_send 02-10 --fictitious)
  stats_accept "$R5" 02-11
  stats_reply "$R5" 02-12
  R6=$(stats_send 02-27)
  export IMICTL_NOW=2026-03-02T09:00:00Z
}
