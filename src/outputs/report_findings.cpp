// The report's opening parts drawn from the findings: what to do next and the findings
// grouped and ranked.
#include <fmt/format.h>

#include <algorithm>

#include "common/text.hpp"
#include "outputs/report_parts.hpp"
#include "xsector/analysis.hpp"
#include "xsector/finding_text.hpp"

namespace xsector::detail {

namespace {

std::string esc(std::string_view s) { return html_escaped(s); }

/// What holds when no action is drawn, said only as far as the file supports it: core
/// sectors only when the taxonomy has any, seats only when the file describes a decision body.
std::string nothing_urgent(const Coalition& c, const Analysis& a) {
  std::vector<std::string> holds;
  const auto& sectors = a.sectors.index.sectors;
  if (std::any_of(sectors.begin(), sectors.end(), [](const Sector& s) { return s.priority == Priority::core; })) {
    holds.emplace_back("no core sector is missing");
  }
  if (a.network.members >= 2) holds.emplace_back("no single departure cuts members off");
  if (!c.governance.empty() && a.sectors.gaps.no_vote.empty()) holds.emplace_back("every sector holds a seat");
  std::string out = "No finding calls for an urgent step";
  for (std::size_t i = 0; i < holds.size(); ++i) {
    out += i == 0 ? ": " : i + 1 == holds.size() ? " and " : ", ";
    out += holds[i];
  }
  return out + ".";
}

}  // namespace

std::string next_steps_section(const Coalition& c, const Analysis& a) {
  const auto& actions = a.next_actions;
  std::string h = R"(<section id="next" class="next"><h2>What to do next</h2>)";
  if (actions.empty()) {
    h += "<p>" + esc(nothing_urgent(c, a)) + "</p>";
  } else {
    const FindingNames names(c, a.sectors.index);
    h += "<ol class=\"actions\">";
    for (const auto& x : actions) {
      h += fmt::format(R"(<li data-code="{}"><b>{}.</b> <span class="why">{}.</span></li>)", esc(x.code),
                       esc(action_text(x, names)), esc(action_why(x, names)));
    }
    h += "</ol>";
  }
  return h + "</section>\n";
}

std::string findings_section(const Coalition& c, const Analysis& a) {
  const auto& groups = a.finding_groups;
  const FindingNames names(c, a.sectors.index);
  auto item = [&](const FindingGroup& g) {
    std::string li = fmt::format(R"(<li class="{0}" data-code="{1}"><span class="sev">{0}</span>{2})",
                                 to_string(g.severity), esc(g.code), esc(group_text(g, names)));
    if (g.items.size() > 1) {
      li += fmt::format("<details><summary>the {}</summary><ul>", counted(g.items.size(), "finding", "findings"));
      for (const auto& f : g.items) li += "<li>" + esc(finding_text(f, names)) + "</li>";
      li += "</ul></details>";
    }
    return li + "</li>";
  };
  std::string urgent;
  std::string later;
  std::size_t later_count = 0;
  for (const auto& g : groups) {
    if (g.severity == Severity::high || g.severity == Severity::medium) {
      urgent += item(g);
    } else {
      later += item(g);
      ++later_count;
    }
  }
  std::string h = R"(<section id="findings"><h2>Findings</h2>)";
  h += urgent.empty() ? "<p>No high or medium finding.</p>" : R"(<ul class="findings">)" + urgent + "</ul>";
  if (later_count > 0) {
    h += fmt::format(
        R"(<details class="more"><summary>{} of lower weight</summary><ul class="findings">{}</ul></details>)",
        counted(later_count, "more finding", "more findings"), later);
  }
  return h + "</section>\n";
}

}  // namespace xsector::detail
