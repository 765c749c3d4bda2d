// stats --format html: one page that opens from a mail attachment or a
// share without a network: styles inline, charts as SVG, no fonts, images or
// scripts from elsewhere. The one inline script only records the colour the
// browser painted each gauge in, so a test can read it back from the DOM.
#include "stats/render.hpp"
#include "util/i18n.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace imi {
namespace {

std::string escape(const std::string& s)
{
  std::string out;
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string shown(const Indicator& i, const char* unit)
{
  return i.value ? fmt::format("{:.1f}{}", *i.value, unit) : "&#8211;";
}

// The rating as a person reads it; rating_slug() stays in classes and data.
std::string rating_name(Rating r)
{
  switch (r) {
  case Rating::green: return C_("rating", "green");
  case Rating::amber: return C_("rating", "amber");
  case Rating::red: return C_("rating", "red");
  case Rating::none: break;
  }
  // TRANSLATORS: a scoreboard rating: nothing to measure in the period.
  return C_("rating", "none");
}

// A half-circle gauge; pathLength 100 makes the dash length the share
// filled. Days fill against 40, past the red threshold of 25.
std::string gauge(const char* id, const std::string& title, const Indicator& i, const char* unit, double full)
{
  const double filled = i.value ? std::clamp(*i.value / full * 100, 0.0, 100.0) : 0;
  // TRANSLATORS: under a scoreboard gauge: "3 of 4" requests.
  const std::string share = _f("{} of {}", i.count, i.of);
  return fmt::format(R"(<figure class="gauge" id="gauge-{0}" data-rating="{1}">)"
                     R"(<svg viewBox="0 0 120 70" width="180" height="105" role="img" aria-label="{2}: {3}">)"
                     R"(<path d="M10 60 A50 50 0 0 1 110 60" pathLength="100" class="track"/>)"
                     R"(<path d="M10 60 A50 50 0 0 1 110 60" pathLength="100" class="arc {1}" stroke="{4}" )"
                     R"(stroke-dasharray="{5:.1f} 100"/>)"
                     R"(<text x="60" y="58" text-anchor="middle" class="value">{3}</text></svg>)"
                     R"(<figcaption>{2}<br><span class="rating">{6}</span> ({7})</figcaption></figure>)",
                     id, rating_slug(i.rating), escape(title), shown(i, unit), rating_color(i.rating), filled,
                     escape(rating_name(i.rating)), escape(share));
}

// Received and answered side by side per month, scaled to the busiest one.
std::string bar_chart(const std::vector<MonthCount>& months)
{
  std::int64_t top = 1;
  for (const auto& m : months)
    top = std::max({top, m.received, m.answered});
  const int slot = 40, height = 160, base = 180;
  const int width = std::max<int>(static_cast<int>(months.size()) * slot + 40, 200);
  std::string s =
      fmt::format(R"(<svg id="monthly" viewBox="0 0 {0} 220" width="{0}" height="220" role="img" )"
                  R"(aria-label="{1}">)",
                  width, escape(_("received and answered per month")));
  s += fmt::format(R"(<line x1="30" y1="{0}" x2="{1}" y2="{0}" stroke="#555"/>)", base, width - 5);
  s += fmt::format(R"(<text x="2" y="{}" class="axis">{}</text>)", base - height + 4, top);
  for (size_t n = 0; n < months.size(); ++n) {
    const auto& m = months[n];
    const int x = 34 + static_cast<int>(n) * slot;
    const auto h = [&](std::int64_t v) { return static_cast<int>(v * height / top); };
    // TRANSLATORS: a bar's tooltip: "2026-02 received: 3" (requests received in that month).
    s += fmt::format(
        R"(<rect class="received" x="{}" y="{}" width="15" height="{}"><title>{}</title></rect>)", x,
        base - h(m.received), h(m.received), escape(_f("{} received: {}", m.month, m.received)));
    // TRANSLATORS: a bar's tooltip: "2026-02 answered: 2" (requests answered in that month).
    s += fmt::format(
        R"(<rect class="answered" x="{}" y="{}" width="15" height="{}"><title>{}</title></rect>)", x + 16,
        base - h(m.answered), h(m.answered), escape(_f("{} answered: {}", m.month, m.answered)));
    s += fmt::format(R"(<text x="{}" y="{}" class="axis" text-anchor="middle">{}</text>)", x + 16, base + 16,
                     m.month.substr(2));
  }
  return s + "</svg>";
}

std::string rows_table(const StatsReport& rep)
{
  std::string s = "<table><thead><tr>";
  for (const char* heading : {_("Department"), _("Sent"), _("Received"), _("Accepted within 7 days"),
                              _("Average days to answer"), _("Answered by the agreed date"), _("Score")})
    s += "<th>" + escape(heading) + "</th>";
  s += "</tr></thead><tbody>";
  for (const auto& r : rep.rows)
    s += fmt::format(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td class="{}">{}</td><td class="{}">{}</td>)"
                     R"(<td class="{}">{}</td><td>{:+d}</td></tr>)",
                     // TRANSLATORS: the scoreboard row of the whole authority, all departments together.
                     escape(r.department ? *r.department : _("(all)")), r.sent, r.received,
                     rating_slug(r.accepted_within_7_days.rating), shown(r.accepted_within_7_days, "%"),
                     rating_slug(r.average_days_to_answer.rating), shown(r.average_days_to_answer, ""),
                     rating_slug(r.answered_by_agreed_date.rating), shown(r.answered_by_agreed_date, "%"),
                     r.score);
  return s + "</tbody></table>";
}

constexpr const char* style =
    "body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}"
    ".gauges{display:flex;gap:2em;flex-wrap:wrap}figure{margin:0;text-align:center}"
    ".track{fill:none;stroke:#e0e0e0;stroke-width:12}.arc{fill:none;stroke-width:12}"
    ".value{font-size:16px;font-weight:bold}.axis{font-size:10px;fill:#555}"
    ".received{fill:#1565c0}.answered{fill:#90a4ae}.legend span{display:inline-block;width:1em;height:1em;"
    "vertical-align:middle;margin:0 .3em 0 1em}table{border-collapse:collapse;margin-top:1.5em}"
    "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}td:first-child{text-align:left}"
    "td.green{background:#c8e6c9}td.amber{background:#ffecb3}td.red{background:#ffcdd2}";

} // namespace

const char* rating_color(Rating r)
{
  switch (r) {
  case Rating::green: return "#2e7d32";
  case Rating::amber: return "#f9a825";
  case Rating::red: return "#c62828";
  default: return "#9e9e9e";
  }
}

std::string render_stats_html(const StatsReport& rep)
{
  const StatsRow& main = rep.rows.front();
  const std::string who =
      escape(rep.authority) + (main.department ? " &#8212; " + escape(*main.department) : "");
  // The title holds the authority's name, escaped; the words around it are ours.
  const std::string title = _f("IMI scoreboard: {}", who);
  const std::string score = fmt::format("<strong id=\"score\">{:+d}</strong>", main.score);
  // TRANSLATORS: HTML text; {0} and {1} are dates, {2} the score in bold, {3} a time. Keep &#8722; (a
  // minus sign).
  const std::string period =
      rep.fictitious ? _f("{0} to {1}, fictitious requests included. Score {2} (green +1, amber 0, red "
                          "&#8722;1). Generated {3}.",
                          rep.from, rep.to, score, rep.generated_at)
                     : _f("{0} to {1}. Score {2} (green +1, amber 0, red &#8722;1). Generated {3}.", rep.from,
                          rep.to, score, rep.generated_at);
  std::string s = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{0}\"><head><meta charset=\"utf-8\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "script-src 'unsafe-inline'\">"
      "<title>{1}</title><style>{2}</style></head><body>"
      "<h1>{1}</h1><p id=\"period\">{3}</p><div class=\"gauges\">",
      interface_language(), title, style, period);
  s += gauge("accepted_within_7_days", _("Accepted within 7 days"), main.accepted_within_7_days, "%", 100);
  s += gauge("average_days_to_answer", _("Average days to answer"), main.average_days_to_answer, "", 40);
  s += gauge("answered_by_agreed_date", _("Answered by the agreed date"), main.answered_by_agreed_date, "%",
             100);
  s += fmt::format("</div><h2>{}</h2><p class=\"legend\"><span class=\"received\" "
                   "style=\"background:#1565c0\"></span>{}<span style=\"background:#90a4ae\"></span>{}</p>",
                   escape(_("Received and answered per month")), escape(C_("chart legend", "received")),
                   escape(C_("chart legend", "answered")));
  s += bar_chart(rep.months);
  s += rows_table(rep);
  s += "<script>for (const g of document.querySelectorAll('.gauge')) "
       "g.dataset.painted = getComputedStyle(g.querySelector('.arc')).stroke;</script>";
  return s + "</body></html>\n";
}

} // namespace imi
