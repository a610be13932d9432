// The views of `xsector people`: who carries the ties and handoff readiness.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "outputs/table.hpp"
#include "xsector/output.hpp"

namespace xsector {

// The writers' shared parts (output_parts.hpp).
using namespace detail;

namespace {

TextReport people_report(const Coalition& c, const Analysis& a, bool markdown) {
  TextReport doc{header_line(c, markdown), {}, {}};
  std::string* out = &doc.intro;
  auto section = [&](std::string_view title) { out = &doc.section(title); };
  const People& r = a.people;
  if (!r.described) {
    *out += markdown ? "\nThe file lists no contacts: add `contacts` to members and `carried_by` to ties.\n"
                     : "\nThe file lists no contacts: add 'contacts' to members and 'carried_by' to ties.\n";
    return doc;
  }
  const auto& sectors = a.sectors.index.sectors;
  section("People who carry the ties");
  Table rows{{text_column("person"), text_column("member"), integer_column("carries"),
              integer_column("sole carrier of"), number_column("fragmentation"), text_column("sectors cut")},
             {},
             true};
  for (const PersonFigures& p : r.people) {
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors[s].id);
    const std::string label = person_label(c, p.member, p.contact, a.people_shown, PersonLabel::cell);
    rows.rows.push_back({label, c.members[p.member].id, integer_cell(p.carries.size()),
                         integer_cell(p.sole_carrier_of.size()), number_cell(p.fragmentation),
                         cut.empty() ? Cell() : Cell(fmt::format("{}", fmt::join(cut, " ")))});
  }
  *out += render_table_text(rows, markdown);
  section("Handoff readiness (carried ties with two or more carriers on the member's side)");
  Table ready{
      {text_column("member"), integer_column("carried"), integer_column("ready"), number_column("handoff_readiness")},
      {},
      true};
  for (std::size_t m = 0; m < c.members.size(); ++m) {
    if (r.member_carried[m] == 0 && c.members[m].contacts.empty()) continue;
    ready.rows.push_back({c.members[m].id, integer_cell(r.member_carried[m]), integer_cell(r.member_ready[m]),
                          number_cell(r.member_handoff_readiness[m])});
  }
  ready.rows.push_back({std::string("network"), integer_cell(r.carried_ends), integer_cell(r.ready_ends),
                        number_cell(r.handoff_readiness)});
  *out += render_table_text(ready, markdown);
  section("Findings");
  *out += findings_text(c, a, {FindingArea::people}, markdown);
  return doc;
}

}  // namespace

std::string format_people(Format format, const Coalition& c, const Analysis& a) {
  switch (format) {
    case Format::table: return detail::terminal_safe(render_text(people_report(c, a, false), false), true);
    case Format::markdown: return render_text(people_report(c, a, true), true);
    case Format::json: {
      ordered_json doc;
      doc["schema"] = "xsector/1";
      doc["coalition"] = coalition_json(c);
      doc["people_shown"] = to_string(a.people_shown);
      doc["network"] = {{"handoff_readiness", number_or_null(a.people.handoff_readiness)},
                        {"carried_ends", a.people.carried_ends},
                        {"ready_ends", a.people.ready_ends},
                        {"fragmentation", number_or_null(a.people.fragmentation)}};
      ordered_json members = ordered_json::array();
      for (std::size_t m = 0; m < c.members.size(); ++m) {
        members.push_back({{"id", c.members[m].id},
                           {"name", c.members[m].name},
                           {"contacts", c.members[m].contacts.size()},
                           {"carried", a.people.member_carried.empty() ? 0 : a.people.member_carried[m]},
                           {"ready", a.people.member_ready.empty() ? 0 : a.people.member_ready[m]},
                           {"handoff_readiness", a.people.member_handoff_readiness.empty()
                                                     ? ordered_json(nullptr)
                                                     : number_or_null(a.people.member_handoff_readiness[m])}});
      }
      doc["members"] = std::move(members);
      doc["people"] = people_json(a, c);
      doc["findings"] = findings_json(area_findings(a, {FindingArea::people}), FindingNames(c, a.sectors.index));
      doc["finding_groups"] = finding_groups_json(c, a, {FindingArea::people});
      return json_text(doc);
    }
    case Format::csv: {
      const bool names = a.people_shown == PeopleShown::names;
      Table t{{text_column("id"), text_column("member")}, {}, true};
      if (names) t.columns.push_back(text_column("name"));
      for (const char* name : {"role", "since"}) t.columns.push_back(text_column(name));
      t.columns.insert(t.columns.end(), {integer_column("carries"), integer_column("sole_carrier_of"),
                                         text_column("sectors_cut"), number_column("fragmentation")});
      for (const PersonFigures& p : a.people.people) {
        const Contact& who = c.members[p.member].contacts[p.contact];
        std::vector<std::string> cut;
        for (const auto s : p.sectors_cut) cut.push_back(a.sectors.index.sectors[s].id);
        auto& row = t.row();
        row = {who.id, c.members[p.member].id};
        const ShownContact shown = shown_contact(who, a.people_shown);
        if (names) row.emplace_back(std::string(shown.name));
        row.insert(row.end(), {std::string(shown.role), who.since, integer_cell(p.carries.size()),
                               integer_cell(p.sole_carrier_of.size()), fmt::format("{}", fmt::join(cut, " ")),
                               number_cell(p.fragmentation)});
      }
      return render_table_csv(t);
    }
  }
  return render_text(people_report(c, a, false), false);
}

}  // namespace xsector
