# The HTML scoreboard in a real browser: headless Chromium loads the page
# from disk with the network off, the rendered DOM holds the three gauges in
# the colours of their ratings (as painted, read back by the page's own
# script), and a screenshot is kept ($IMICTL_ARTIFACT_DIR, else the suite's
# directory) for a person to look at.
require_commands chromium script
source "$IMICTL_SOURCE_DIR/tests/e2e/stats_lib.sh"
make_stats_history

page=$TEST_DIR/scoreboard.html
expect_ok as bwouters imictl stats --format html -o "$page"
expect_eq "$(stat -c %a "$page")" "644"
# Self-contained: nothing the browser would fetch.
expect_not_in_files "http://" "$page"
expect_not_in_files "https://" "$page"
expect_not_in_files "src=" "$page"
expect_not_in_files "<link" "$page"

browse() { # ARG...: headless Chromium on the page with a fresh profile and no network
  local profile
  profile=$(mktemp -d "$TEST_DIR/chromium.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$profile" \
    --proxy-server=127.0.0.1:9 "$@" "file://$page" 2>"$TEST_DIR/chromium.log"
}

dom=$(browse --dump-dom) || fail "chromium --dump-dom failed: $(tail -5 "$TEST_DIR/chromium.log")"
printf '%s\n' "$dom" >"$TEST_DIR/dom.html"
gauge() { # ID -> "rating painted value" from the rendered DOM
  python3 - "$TEST_DIR/dom.html" "$1" <<'PY'
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(); self.found = None; self.inside = 0; self.value = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure" and a.get("id") == "gauge-" + sys.argv[2]:
            self.found = a; self.inside = 1
        elif self.inside and tag == "text":
            self.inside = 2
    def handle_data(self, data):
        if self.inside == 2 and self.value is None: self.value = data
    def handle_endtag(self, tag):
        if tag == "figure": self.inside = 0
p = P(); p.feed(open(sys.argv[1]).read())
print(p.found.get("data-rating"), p.found.get("data-painted"), p.value) if p.found else print("missing")
PY
}
expect_eq "$(gauge accepted_within_7_days)" "red rgb(198, 40, 40) 50.0%"
expect_eq "$(gauge average_days_to_answer)" "amber rgb(249, 168, 37) 20.0"
expect_eq "$(gauge answered_by_agreed_date)" "amber rgb(249, 168, 37) 66.7%"
expect_contains "$dom" '<strong id="score">-1</strong>'
# The monthly chart: 13 months, each with a received and an answered bar.
expect_eq "$(grep -o 'class="received"' "$TEST_DIR/dom.html" | wc -l)" "14" # 13 bars and the legend
expect_contains "$dom" "2026-02 received: 3"
expect_contains "$dom" "2026-02 answered: 2"

# With fictitious requests the colours change: green days, amber shares.
expect_ok as bwouters imictl stats --format html --fictitious -o "$page"
dom=$(browse --dump-dom) || fail "chromium --dump-dom failed"
printf '%s\n' "$dom" >"$TEST_DIR/dom.html"
expect_eq "$(gauge average_days_to_answer)" "green rgb(46, 125, 50) 15.5"
expect_eq "$(gauge accepted_within_7_days)" "amber rgb(249, 168, 37) 60.0%"

# The screenshot a person (or CI) looks at.
shots=${IMICTL_ARTIFACT_DIR:-$TEST_DIR}
mkdir -p "$shots"
expect_ok as bwouters imictl stats --format html -o "$page"
browse --screenshot="$shots/stats-scoreboard.png" --window-size=1000,900 >/dev/null ||
  fail "chromium --screenshot failed: $(tail -5 "$TEST_DIR/chromium.log")"
CHECKS=$((CHECKS + 1))
[ -s "$shots/stats-scoreboard.png" ] || fail "no screenshot at $shots/stats-scoreboard.png"
head -c 8 "$shots/stats-scoreboard.png" | od -An -c | grep -q 'P   N   G' || fail "the screenshot is not a PNG"
