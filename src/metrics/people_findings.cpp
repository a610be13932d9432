// The findings about the people who carry the ties: departures that leave relationships
// without a contact, members resting on one person, and suggested warm handoffs.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "metrics/people_parts.hpp"
#include "metrics/wording.hpp"
#include "xsector/findings.hpp"
#include "xsector/people.hpp"

namespace xsector {

using detail::and_list;
using detail::contact_index;
using detail::other_end;
using detail::percent;

std::string person_label(const Coalition& c, std::size_t member, std::size_t contact, PeopleShown shown) {
  const Member& m = c.members[member];
  const Contact& p = m.contacts[contact];
  if (shown == PeopleShown::names && !p.name.empty()) {
    return p.role.empty() ? fmt::format("{} ({})", p.name, m.name) : fmt::format("{} ({}, {})", p.name, p.role, m.name);
  }
  if (shown != PeopleShown::none && !p.role.empty()) return fmt::format("the {} of {}", p.role, m.name);
  return fmt::format("contact {} of {}", contact + 1, m.name);
}

std::vector<Finding> people_findings(const Coalition& c, const SectorIndex& sectors, const People& r,
                                     PeopleShown shown) {
  std::vector<Finding> out;
  if (!r.described) return out;
  const double before = r.fragmentation.value_or(0.0);
  // Each person whose departure leaves relationships without a contact on its side.
  for (const PersonFigures& p : r.people) {
    if (p.sole_carrier_of.empty()) continue;
    const Member& m = c.members[p.member];
    const Contact& who = m.contacts[p.contact];
    const std::size_t k = p.sole_carrier_of.size();
    std::string message = fmt::format("If {} leaves, {} {} only contact", person_label(c, p.member, p.contact, shown),
                                      k, k == 1 ? "relationship loses its" : "relationships lose their");
    std::vector<std::string> cut;
    for (const auto s : p.sectors_cut) cut.push_back(sectors.sectors[s].name);
    if (!cut.empty()) message += fmt::format(", including the only link to {}", and_list(cut));
    const bool splits = p.fragmentation && *p.fragmentation > before + 1e-12;
    if (splits) {
      message += fmt::format(", and {} of pairs of members could no longer reach each other (now {})",
                             percent(*p.fragmentation), percent(before));
    }
    Finding f{!cut.empty() || splits ? Severity::high : (k >= 2 ? Severity::medium : Severity::low),
              FindingArea::people,
              "person-departure-cuts-ties",
              std::move(message),
              {who.id, m.id}};
    for (const auto s : p.sectors_cut) f.subjects.push_back(sectors.sectors[s].id);
    out.push_back(std::move(f));
  }
  std::vector<std::vector<std::size_t>> incident(c.members.size());  // ties per member, file order
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    incident[c.ties[t].a].push_back(t);
    incident[c.ties[t].b].push_back(t);
  }
  // Members whose every tie (two or more) runs through one person.
  for (const PersonFigures& p : r.people) {
    const Member& m = c.members[p.member];
    const std::size_t ties = incident[p.member].size();
    if (ties < 2 || p.sole_carrier_of.size() != ties) continue;
    out.push_back({Severity::medium,
                   FindingArea::people,
                   "member-single-carrier",
                   fmt::format("All {} of {}'s ties run through one person, {}", ties, m.name,
                               person_label(c, p.member, p.contact, shown)),
                   {m.id, m.contacts[p.contact].id}});
  }
  // A suggested warm handoff for each person with relationships it alone carries. Per member,
  // the first two distinct contacts (in tie order) carrying a tie with each partner and with
  // each partner sector: enough to name someone other than the person leaving.
  const auto where = contact_index(c);
  using Two = std::array<std::optional<std::size_t>, 2>;
  auto remember = [](Two& two, std::size_t k) {
    if (!two[0])
      two[0] = k;
    else if (*two[0] != k && !two[1])
      two[1] = k;
  };
  auto other_than = [](const Two& two, std::size_t k) -> std::optional<std::size_t> {
    for (const auto& x : two) {
      if (x && *x != k) return x;
    }
    return std::nullopt;
  };
  constexpr std::size_t shown_partners = 5;  // a longer list ends with "and N more"
  std::size_t cached_member = c.members.size();
  std::unordered_map<std::size_t, Two> by_partner;
  std::unordered_map<std::size_t, Two> by_sector;
  for (const PersonFigures& p : r.people) {
    if (p.sole_carrier_of.empty()) continue;
    const Member& m = c.members[p.member];
    if (cached_member != p.member) {
      cached_member = p.member;
      by_partner.clear();
      by_sector.clear();
      for (const auto u : incident[p.member]) {
        const std::size_t partner = other_end(c.ties[u], p.member);
        for (const auto& id : c.ties[u].carried_by) {
          const auto it = where.find(id);
          if (it == where.end() || it->second.first != p.member) continue;
          remember(by_partner[partner], it->second.second);
          remember(by_sector[sectors.sector_of[partner]], it->second.second);
        }
      }
    }
    std::vector<std::string> parts;
    std::vector<std::string> nobody;  // partners no other contact of the member works with
    std::unordered_set<std::size_t> nobody_seen;
    std::size_t more = 0;
    std::vector<std::string> subjects = {m.contacts[p.contact].id, m.id};
    for (const auto t : p.sole_carrier_of) {
      const std::size_t q = other_end(c.ties[t], p.member);
      const auto same_partner = other_than(by_partner[q], p.contact);
      const auto same_sector = same_partner ? std::nullopt : other_than(by_sector[sectors.sector_of[q]], p.contact);
      const std::string& partner_name = c.members[q].name;
      if (!same_partner && !same_sector) {
        if (!nobody_seen.insert(q).second) continue;
        if (nobody.size() < shown_partners)
          nobody.push_back(partner_name);
        else
          ++more;
        continue;
      }
      if (parts.size() >= shown_partners) {
        ++more;
        continue;
      }
      if (same_partner) {
        parts.push_back(
            fmt::format("{} already works with {}", person_label(c, p.member, *same_partner, shown), partner_name));
        subjects.push_back(m.contacts[*same_partner].id);
      } else {
        parts.push_back(fmt::format("for {}, {} already works with {}", partner_name,
                                    person_label(c, p.member, *same_sector, shown),
                                    sectors.sectors[sectors.sector_of[q]].name));
        subjects.push_back(m.contacts[*same_sector].id);
      }
    }
    if (!nobody.empty()) {
      parts.push_back(fmt::format("no one else at {} works with {} yet", m.name, and_list(nobody, " or ")));
    }
    if (more > 0) parts.push_back(fmt::format("and {} more", more));
    out.push_back(
        {Severity::info, FindingArea::people, "warm-handoff",
         fmt::format("Warm handoff for {}: {}", person_label(c, p.member, p.contact, shown), fmt::join(parts, "; ")),
         std::move(subjects)});
  }
  return out;
}

}  // namespace xsector
