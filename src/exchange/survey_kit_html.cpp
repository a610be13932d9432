// The survey kit as printable pages: one self-contained HTML page per member, to print and
// fill in by hand (the answers are then typed into the member's workbook or the long layout).
#include <fmt/format.h>

#include "common/text.hpp"
#include "xsector/survey_kit.hpp"

namespace xsector {

namespace {

constexpr std::string_view kStyle = R"(<style>
@page { size: landscape; margin: 12mm; }
body { font-family: system-ui, sans-serif; font-size: 10pt; color: #111; margin: 1.5em; }
h1 { font-size: 15pt; margin: 0 0 .2em; }
h2 { font-size: 11pt; margin: 1em 0 .3em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 3px 4px; vertical-align: top; }
th { background: #eee; text-align: left; }
td.choices { font-size: 8pt; color: #333; }
td.choices span { white-space: nowrap; }
tr { break-inside: avoid; }
.org { font-size: 12pt; }
ol, ul { margin: .2em 0 .2em 1.4em; padding: 0; }
</style>)";

std::string choices(const KitQuestion& q) {
  std::string out;
  for (const auto& a : q.answers) {
    if (!out.empty()) out += ' ';
    out += fmt::format("<span>&#9675;&nbsp;{}</span>", detail::html_escaped(a));
  }
  return out;
}

}  // namespace

std::string survey_kit_html(const Coalition& c, std::size_t member) {
  using detail::html_escaped;
  const Member& me = c.members.at(member);
  const auto& questions = kit_questions();
  std::string out = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>Partner survey: {}</title>\n{}\n</head>\n<body>\n", html_escaped(me.name), kStyle);
  out += fmt::format("<h1>Partner survey: {}</h1>\n", html_escaped(c.name));
  out += fmt::format("<p class=\"org\">Your organization: <strong>{}</strong></p>\n", html_escaped(me.name));
  out +=
      "<h2>How to answer</h2>\n<ul>\n"
      "<li>Answer one row for each organization yours works with; mark one answer per cell.</li>\n"
      "<li>Leave a cell blank, or mark Don't know, when you are not sure: the rest of the row still counts.</li>\n"
      "<li>Mark <em>Not a partner</em> (or leave the row blank) for an organization you do not work with.</li>\n"
      "<li>Levels: <strong>networking</strong> (aware of each other, occasional information), "
      "<strong>coordinating</strong> (adjusting activities so the work fits together), <strong>cooperating"
      "</strong> (sharing resources, joint activities), <strong>collaborating</strong> (shared goals, decisions "
      "and resources).</li>\n</ul>\n<h2>Questions</h2>\n<ol>\n";
  for (const auto& q : questions) {
    std::string_view ask = q.heading;
    if (ask.starts_with(q.label) && ask.substr(q.label.size()).starts_with(": ")) ask.remove_prefix(q.label.size() + 2);
    if (q.field == "level") ask = "how would you describe your relationship with this partner?";
    if (q.field == "frequency") ask = "how often does your organization work with this partner?";
    out += fmt::format("<li><strong>{}</strong>: {}</li>\n", html_escaped(q.label), html_escaped(ask));
  }
  out += "</ol>\n<h2>Partners</h2>\n<table>\n<thead><tr><th>Partner</th><th>Sector</th>";
  for (const auto& q : questions) out += fmt::format("<th>{}</th>", html_escaped(q.label));
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    if (v == member) continue;
    const Member& m = c.members[v];
    const Sector* s = c.find_sector(m.sector);
    out += fmt::format("<tr><td>{}</td><td>{}</td>", html_escaped(m.name),
                       html_escaped(s != nullptr && !s->name.empty() ? s->name : m.sector));
    for (const auto& q : questions) out += fmt::format("<td class=\"choices\">{}</td>", choices(q));
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</body>\n</html>\n";
  return out;
}

}  // namespace xsector
