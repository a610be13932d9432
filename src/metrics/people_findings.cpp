// The findings about the people who carry the ties: departures that leave relationships
// without a contact, members resting on one person, and suggested warm handoffs, as codes and
// facts. A person is a text fact, `person`: the label the privacy rule gives them.
#include <fmt/format.h>

#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "metrics/findings_parts.hpp"
#include "metrics/people_parts.hpp"
#include "xsector/findings.hpp"
#include "xsector/people.hpp"

namespace xsector {

using detail::contact_index;
using detail::finding;
using detail::ids;
using detail::num;
using detail::other_end;
using detail::txt;

namespace {

/// Per sector, how many ties in the file join it to another sector (both ends count).
std::vector<std::size_t> cross_sector_ties(const Coalition& c, const SectorIndex& sectors) {
  std::vector<std::size_t> out(sectors.sectors.size(), 0);
  for (const Tie& t : c.ties) {
    const std::size_t a = sectors.sector_of[t.a];
    const std::size_t b = sectors.sector_of[t.b];
    if (a == b) continue;
    ++out[a];
    ++out[b];
  }
  return out;
}

/// The sectors that keep no tie to another sector once `gone` (tie indices) go cold, among
/// those that have one now.
std::vector<std::size_t> sectors_left_alone(const Coalition& c, const SectorIndex& sectors,
                                            const std::vector<std::size_t>& cross,
                                            const std::vector<std::size_t>& gone) {
  std::vector<std::size_t> left = cross;
  for (const auto t : gone) {
    const std::size_t a = sectors.sector_of[c.ties[t].a];
    const std::size_t b = sectors.sector_of[c.ties[t].b];
    if (a == b) continue;
    --left[a];
    --left[b];
  }
  std::vector<std::size_t> out;
  for (std::size_t s = 0; s < left.size(); ++s) {
    if (cross[s] > 0 && left[s] == 0) out.push_back(s);
  }
  return out;
}

/// The people whose departure costs the coalition as a whole (high): the ties they alone carry
/// on their member's side split the network, or leave a sector with no tie to another sector.
void coalition_losses(const Coalition& c, const SectorIndex& sectors, const People& r, PeopleShown shown,
                      std::vector<Finding>& out) {
  const double before = r.fragmentation.value_or(0.0);
  const auto cross = cross_sector_ties(c, sectors);
  for (const PersonFigures& p : r.people) {
    if (p.sole_carrier_of.empty()) continue;
    const bool splits = p.fragmentation && *p.fragmentation > before + 1e-12;
    const auto alone = sectors_left_alone(c, sectors, cross, p.sole_carrier_of);
    if (!splits && alone.empty()) continue;
    const Member& m = c.members[p.member];
    Finding f =
        finding(Severity::high, FindingArea::people, "person-departure-cuts-ties", {m.contacts[p.contact].id, m.id},
                {txt("person", person_label(c, p.member, p.contact, shown)),
                 num("ties", static_cast<double>(p.sole_carrier_of.size()))});
    if (splits) f.facts.insert(f.facts.end(), {num("fragmentation", *p.fragmentation), num("before", before)});
    std::vector<std::string> lonely;
    lonely.reserve(alone.size());
    for (const auto s : alone) lonely.push_back(sectors.sectors[s].id);
    f.subjects.insert(f.subjects.end(), lonely.begin(), lonely.end());
    f.facts.push_back(ids("sectors_alone", std::move(lonely)));
    out.push_back(std::move(f));
  }
}

/// One finding per member with ties that only one of its contacts carries: medium when all
/// its ties (two or more) run through one person, low otherwise; it lists the people.
void members_resting_on_people(const Coalition& c, const People& r, PeopleShown shown,
                               const std::vector<std::vector<std::size_t>>& incident, std::vector<Finding>& out) {
  for (std::size_t v = 0; v < c.members.size(); ++v) {
    const Member& m = c.members[v];
    std::vector<const PersonFigures*> who;
    for (const PersonFigures& p : r.people) {
      if (p.member == v && !p.sole_carrier_of.empty()) who.push_back(&p);
    }
    if (who.empty()) continue;
    const std::size_t ties = incident[v].size();
    if (who.size() == 1 && ties >= 2 && who.front()->sole_carrier_of.size() == ties) {
      out.push_back(finding(
          Severity::medium, FindingArea::people, "member-single-carrier", {m.id, m.contacts[who.front()->contact].id},
          {num("ties", static_cast<double>(ties)), txt("person", person_label(c, v, who.front()->contact, shown))}));
      continue;
    }
    // `single` ties of `ties` carried by one contact alone; `people` and `carried`: who carries how many.
    std::size_t single = 0;
    std::vector<std::string> people;
    std::vector<std::string> carried;
    std::vector<std::string> subjects = {m.id};
    for (const PersonFigures* p : who) {
      single += p->sole_carrier_of.size();
      people.push_back(person_label(c, v, p->contact, shown));
      carried.push_back(std::to_string(p->sole_carrier_of.size()));
      subjects.push_back(m.contacts[p->contact].id);
    }
    out.push_back(finding(Severity::low, FindingArea::people, "single-carried-ties", std::move(subjects),
                          {num("single", static_cast<double>(single)), num("ties", static_cast<double>(ties)),
                           ids("people", std::move(people)), ids("carried", std::move(carried))}));
  }
}

/// The first two distinct contacts seen for a partner or a sector.
using Two = std::array<std::optional<std::size_t>, 2>;

void remember(Two& two, std::size_t k) {
  if (!two[0])
    two[0] = k;
  else if (*two[0] != k && !two[1])
    two[1] = k;
}

std::optional<std::size_t> other_than(const Two& two, std::size_t k) {
  for (const auto& x : two) {
    if (x && *x != k) return x;
  }
  return std::nullopt;
}

/// A suggested warm handoff (info) for each person with ties it alone carries on its member's
/// side: who else at the member already works with that partner or its sector.
void warm_handoffs(const Coalition& c, const SectorIndex& sectors, const People& r, PeopleShown shown,
                   const std::vector<std::vector<std::size_t>>& incident, std::vector<Finding>& out) {
  // Per member, the first two distinct contacts (in tie order) carrying a tie with each partner and with
  // each partner sector: enough to name someone other than the person leaving.
  const auto where = contact_index(c);
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
    // In order: a `partner` fact {person, partner id} or a `sector` fact {partner id, person,
    // sector id} per tie someone else can take on, then `nobody` (partner ids), then `more`.
    std::vector<Fact> parts;
    std::vector<std::string> nobody;  // partners no other contact of the member works with
    std::unordered_set<std::size_t> nobody_seen;
    std::size_t more = 0;
    std::size_t shown_parts = 0;
    std::vector<std::string> subjects = {m.contacts[p.contact].id, m.id};
    for (const auto t : p.sole_carrier_of) {
      const std::size_t q = other_end(c.ties[t], p.member);
      const auto same_partner = other_than(by_partner[q], p.contact);
      const auto same_sector = same_partner ? std::nullopt : other_than(by_sector[sectors.sector_of[q]], p.contact);
      const std::string& partner = c.members[q].id;
      if (!same_partner && !same_sector) {
        if (!nobody_seen.insert(q).second) continue;
        if (nobody.size() < shown_partners)
          nobody.push_back(partner);
        else
          ++more;
        continue;
      }
      if (shown_parts >= shown_partners) {
        ++more;
        continue;
      }
      ++shown_parts;
      if (same_partner) {
        parts.push_back(ids("partner", {person_label(c, p.member, *same_partner, shown), partner}));
        subjects.push_back(m.contacts[*same_partner].id);
      } else {
        parts.push_back(ids("sector", {partner, person_label(c, p.member, *same_sector, shown),
                                       sectors.sectors[sectors.sector_of[q]].id}));
        subjects.push_back(m.contacts[*same_sector].id);
      }
    }
    parts.insert(parts.begin(), txt("person", person_label(c, p.member, p.contact, shown)));
    if (!nobody.empty()) parts.push_back(ids("nobody", std::move(nobody)));
    if (more > 0) parts.push_back(num("more", static_cast<double>(more)));
    out.push_back(finding(Severity::info, FindingArea::people, "warm-handoff", std::move(subjects), std::move(parts)));
  }
}

}  // namespace

std::vector<Finding> people_findings(const Coalition& c, const SectorIndex& sectors, const People& r,
                                     PeopleShown shown) {
  std::vector<Finding> out;
  if (!r.described) return out;
  coalition_losses(c, sectors, r, shown, out);
  std::vector<std::vector<std::size_t>> incident(c.members.size());  // ties per member, file order
  for (std::size_t t = 0; t < c.ties.size(); ++t) {
    incident[c.ties[t].a].push_back(t);
    incident[c.ties[t].b].push_back(t);
  }
  members_resting_on_people(c, r, shown, incident, out);
  warm_handoffs(c, sectors, r, shown, incident, out);
  return out;
}

}  // namespace xsector
