// The views of `xsector people`: who carries the ties and handoff readiness.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
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
  std::vector<std::vector<std::string>> rows = {
      {"person", "member", "carries", "sole carrier of", "fragmentation", "sectors cut"}};
  for (const PersonFigures& p : r.people) {
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors[s].id);
    const Contact& who = c.members[p.member].contacts[p.contact];
    std::string label = who.id;
    if (a.people_shown == PeopleShown::names && !who.name.empty())
      label = who.name;
    else if (a.people_shown != PeopleShown::none && !who.role.empty())
      label = fmt::format("{} ({})", who.role, who.id);
    rows.push_back({label, c.members[p.member].id, fmt::format("{}", p.carries.size()),
                    fmt::format("{}", p.sole_carrier_of.size()), fixed(p.fragmentation),
                    cut.empty() ? "-" : fmt::format("{}", fmt::join(cut, " "))});
  }
  *out += grid(rows, 2, markdown, true);
  section("Handoff readiness (carried ties with two or more carriers on the member's side)");
  std::vector<std::vector<std::string>> ready = {{"member", "carried", "ready", "handoff_readiness"}};
  for (std::size_t m = 0; m < c.members.size(); ++m) {
    if (r.member_carried[m] == 0 && c.members[m].contacts.empty()) continue;
    ready.push_back({c.members[m].id, fmt::format("{}", r.member_carried[m]), fmt::format("{}", r.member_ready[m]),
                     fixed(r.member_handoff_readiness[m])});
  }
  ready.push_back(
      {"network", fmt::format("{}", r.carried_ends), fmt::format("{}", r.ready_ends), fixed(r.handoff_readiness)});
  *out += grid(ready, 1, markdown);
  section("Findings");
  *out += findings_text(area_findings(a, {FindingArea::people}), markdown);
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
      doc["findings"] = findings_json(area_findings(a, {FindingArea::people}));
      return json_text(doc);
    }
    case Format::csv: {
      const bool names = a.people_shown == PeopleShown::names;
      std::string out = names ? "id,member,name,role,since,carries,sole_carrier_of,sectors_cut,fragmentation\n"
                              : "id,member,role,since,carries,sole_carrier_of,sectors_cut,fragmentation\n";
      for (const PersonFigures& p : a.people.people) {
        const Contact& who = c.members[p.member].contacts[p.contact];
        std::vector<std::string> cut;
        for (const auto s : p.sectors_cut) cut.push_back(a.sectors.index.sectors[s].id);
        out += fmt::format("{},{},", csv_cell(who.id), csv_cell(c.members[p.member].id));
        if (names) out += csv_cell(who.name) + ",";
        out +=
            fmt::format("{},{},{},{},{},{}\n", a.people_shown == PeopleShown::none ? std::string() : csv_cell(who.role),
                        csv_cell(who.since), p.carries.size(), p.sole_carrier_of.size(),
                        csv_cell(fmt::format("{}", fmt::join(cut, " "))), csv_number(p.fragmentation));
      }
      return out;
    }
  }
  return render_text(people_report(c, a, false), false);
}

}  // namespace xsector
