// The report's glossary: every figure's label and its one-sentence meaning, shown as the
// tooltip of its heading and in the folded "What the figures mean" list.
#include "outputs/report_parts.hpp"
#include "xsector/figures.hpp"

namespace xsector::detail {

const std::vector<Term>& terms() {
  // Coalition-wide figures say what they mean in the figure table; the report's labels for
  // them are its own.
  auto figure = [](std::string_view label, std::string_view name) {
    const FigureSpec* f = find_figure(name);
    return Term{label, f != nullptr ? f->meaning : std::string_view()};
  };
  static const std::vector<Term> list = {
      figure("members", "members"),
      figure("ties", "ties"),
      figure("density", "density"),
      figure("separate groups", "components"),
      figure("sectors at the table", "sectors_covered"),
      figure("core sectors missing", "core_sectors_missing"),
      figure("effective decision makers", "effective_decision_makers"),
      figure("community-led power", "community_led_power_share"),
      figure("backbone brokerage", "backbone_betweenness_share"),
      {"priority", "How strongly the taxonomy advises having the sector: core, recommended or optional."},
      {"ties out", "Ties from the sector's members to members of other sectors."},
      {"status",
       "What is weak about the sector: missing, one member only, cut off from other sectors, one member "
       "carrying all its cross-sector ties, or no vote."},
      {"votes", "The votes the member casts in this decision body."},
      {"seat share", "The member's share of all votes in the body."},
      {"Banzhaf power",
       "How often the member's vote turns a losing group into a winning one, as a share of all "
       "such turns in the body (normalized Banzhaf index)."},
      {"Shapley-Shubik",
       "The share of orderings of voters in which the member's vote is the one that reaches the "
       "quota (Shapley-Shubik index)."},
      {"more pairs cut off",
       "How much the share of member pairs that cannot reach each other grows if the member "
       "leaves, in percentage points; 0 means no one is cut off."},
      {"groups after", "How many separate groups the remaining members would form."},
      {"sectors lost or unlinked", "Sectors that would have no member left, or no tie left to another sector."},
      {"degree", "How many members it is tied to."},
      {"betweenness",
       "How often it lies on the shortest path between two other members, from 0 to 1: high marks "
       "a go-between."},
      {"closeness", "How near it is to everyone else on average, from 0 to 1 (higher is nearer)."},
      {"eigenvector", "How well it is tied to members who are themselves well tied, from 0 to 1."},
      {"brokerage",
       "How many times it links two members who have no tie to each other (Gould-Fernandez brokerage "
       "roles, all kinds counted)."},
      {"power", "Its share of voting power across the decision bodies (Banzhaf index)."},
      {"cut point", "Its leaving would split the network: some members would lose every path to others."},
  };
  return list;
}

std::string_view meaning(std::string_view label) {
  for (const auto& t : terms()) {
    if (t.label == label) return t.meaning;
  }
  return {};
}

}  // namespace xsector::detail
