// What changed among the people who carry the ties between two waves: contacts who left or
// joined, and the relationships handed over, left uncarried or lost with them.

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "metrics/findings_parts.hpp"
#include "metrics/people_parts.hpp"
#include "xsector/findings.hpp"
#include "xsector/people.hpp"

namespace xsector {

using detail::contact_index;
using detail::finding;
using detail::ids;
using detail::num;
using detail::txt;

namespace {

/// Each unordered pair's carriers per side: key "low-id\nhigh-id" (ids in order); per side the
/// contact ids carrying any tie of the pair on that side, sorted.
struct PairCarriers {
  std::string a, b;
  std::vector<std::string> on_a, on_b;
};

std::map<std::pair<std::string, std::string>, PairCarriers> pair_carriers(const Coalition& c) {
  const auto where = contact_index(c);
  std::map<std::pair<std::string, std::string>, PairCarriers> out;
  for (const Tie& t : c.ties) {
    std::string x = c.members[t.a].id;
    std::string y = c.members[t.b].id;
    std::size_t mx = t.a;
    std::size_t my = t.b;
    if (y < x) {
      std::swap(x, y);
      std::swap(mx, my);
    }
    PairCarriers& p = out[{x, y}];
    p.a = x;
    p.b = y;
    for (const auto& id : t.carried_by) {
      const auto it = where.find(id);
      if (it == where.end()) continue;
      if (it->second.first == mx)
        p.on_a.push_back(id);
      else if (it->second.first == my)
        p.on_b.push_back(id);
    }
  }
  for (auto& [key, p] : out) {
    for (auto* list : {&p.on_a, &p.on_b}) {
      std::sort(list->begin(), list->end());
      list->erase(std::unique(list->begin(), list->end()), list->end());
    }
  }
  return out;
}

}  // namespace

namespace {

/// Contacts who left a member that stayed and contacts who joined, with those that replaced one
/// another in the same role at the same member taken out as replacements (in file order, one
/// to one).
void contact_changes(const Coalition& before, const Coalition& after, PeopleChanges& out) {
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  std::vector<std::pair<std::size_t, std::size_t>> joined;  // (member in after, contact)
  for (std::size_t m = 0; m < after.members.size(); ++m) {
    for (std::size_t k = 0; k < after.members[m].contacts.size(); ++k) {
      if (!in_before.contains(after.members[m].contacts[k].id)) joined.emplace_back(m, k);
    }
  }
  std::unordered_map<std::string_view, std::size_t> members_after;
  for (std::size_t m = 0; m < after.members.size(); ++m) members_after.emplace(after.members[m].id, m);
  std::vector<bool> used(joined.size(), false);
  for (const Member& m : before.members) {
    const auto found = members_after.find(m.id);
    const std::optional<std::size_t> stays =
        found == members_after.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    for (const Contact& p : m.contacts) {
      if (in_after.contains(p.id)) continue;
      if (!stays) {
        out.left_with_member.push_back(p.id);
        continue;
      }
      bool replaced = false;
      for (std::size_t j = 0; j < joined.size() && !p.role.empty() && !replaced; ++j) {
        const Contact& q = after.members[joined[j].first].contacts[joined[j].second];
        if (used[j] || joined[j].first != *stays || q.role != p.role) continue;
        used[j] = true;
        replaced = true;
        out.replaced.push_back({m.id, p.role, p.id, q.id});
      }
      if (!replaced) out.left.push_back(p.id);
    }
  }
  for (std::size_t j = 0; j < joined.size(); ++j) {
    if (!used[j]) out.joined.push_back(after.members[joined[j].first].contacts[joined[j].second].id);
  }
}

}  // namespace

PeopleChanges compare_people(const Coalition& before, const Coalition& after) {
  PeopleChanges out;
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  out.described = !in_before.empty() || !in_after.empty();
  if (!out.described) return out;
  contact_changes(before, after, out);
  const auto pairs_before = pair_carriers(before);
  const auto pairs_after = pair_carriers(after);
  std::unordered_set<std::string_view> members_after;
  for (const Member& m : after.members) members_after.insert(m.id);
  for (const auto& [key, p] : pairs_before) {
    const auto later = pairs_after.find(key);
    // A pair no longer tied because a member left goes with that member, not with a person.
    const bool member_left = !members_after.contains(p.a) || !members_after.contains(p.b);
    auto& losses = member_left ? out.ties_left_with_member : out.dissolved;
    for (const bool side_a : {true, false}) {
      const auto& carriers = side_a ? p.on_a : p.on_b;
      CarrierChange change{p.a, p.b, side_a ? p.a : p.b, {}, {}};
      for (const auto& id : carriers) {
        if (!in_after.contains(id)) change.departed.push_back(id);
      }
      if (change.departed.empty()) continue;
      if (later == pairs_after.end()) {
        // One loss per pair: when carriers left on both sides, the second side joins the first.
        if (!side_a && !losses.empty() && losses.back().a == p.a && losses.back().b == p.b) {
          auto& departed = losses.back().departed;
          departed.insert(departed.end(), change.departed.begin(), change.departed.end());
          continue;
        }
        losses.push_back(std::move(change));
        continue;
      }
      change.carriers_after = side_a ? later->second.on_a : later->second.on_b;
      (change.carriers_after.empty() ? out.uncarried : out.handed_over).push_back(std::move(change));
    }
  }
  return out;
}

namespace {

/// The findings on contacts replaced in their role and on ties that ended with a member. A
/// replaced contact's `old_name` and `new_name` are facts only when people are shown by name
/// and both have one; `hidden` is 1 when people are shown by neither name nor role.
void handover_findings(const Coalition& before, const Coalition& after, const PeopleChanges& ch, PeopleShown shown,
                       std::vector<Finding>& out) {
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  for (const auto& r : ch.replaced) {
    const auto was = in_before.find(r.left);
    const auto now = in_after.find(r.joined);
    const std::string& old_name = before.members[was->second.first].contacts[was->second.second].name;
    const std::string& new_name = after.members[now->second.first].contacts[now->second.second].name;
    Finding f = finding(Severity::info, FindingArea::people, "contact-replaced", {r.member, r.left, r.joined},
                        {txt("role", r.role), num("hidden", shown == PeopleShown::none ? 1 : 0)});
    if (shown == PeopleShown::names && !old_name.empty() && !new_name.empty()) {
      f.facts.insert(f.facts.end(), {txt("old_name", old_name), txt("new_name", new_name)});
    }
    out.push_back(std::move(f));
  }
  if (!ch.ties_left_with_member.empty()) {
    std::vector<std::string> subjects;  // the pairs' member ids, two by two
    for (const auto& x : ch.ties_left_with_member) {
      subjects.push_back(x.a);
      subjects.push_back(x.b);
    }
    out.push_back(finding(Severity::info, FindingArea::people, "ties-left-with-member", std::move(subjects)));
  }
}

}  // namespace

std::vector<Finding> people_change_findings(const Coalition& before, const Coalition& after, const PeopleChanges& ch,
                                            PeopleShown shown) {
  std::vector<Finding> out;
  if (!ch.described) return out;
  const auto in_before = contact_index(before);
  const auto in_after = contact_index(after);
  // The people of `ids` as the privacy rule names them (an id found nowhere as is).
  auto labels = [&](const Coalition& c, const std::vector<std::string>& list) {
    const auto& index = &c == &before ? in_before : in_after;
    std::vector<std::string> named;
    for (const auto& id : list) {
      const auto it = index.find(id);
      named.push_back(it == index.end() ? id : person_label(c, it->second.first, it->second.second, shown));
    }
    return named;
  };
  if (!ch.left.empty()) {
    out.push_back(finding(Severity::info, FindingArea::people, "contacts-left", ch.left,
                          {ids("people", labels(before, ch.left))}));
  }
  if (!ch.joined.empty()) {
    out.push_back(finding(Severity::info, FindingArea::people, "contacts-joined", ch.joined,
                          {ids("people", labels(after, ch.joined))}));
  }
  handover_findings(before, after, ch, shown, out);
  // `member`: the side whose carrier left, `other`: its partner; `departed` and `carriers`: people.
  auto change = [&](const CarrierChange& x, std::string code, Severity severity, bool carriers) {
    std::vector<std::string> subjects = {x.a, x.b};
    subjects.insert(subjects.end(), x.departed.begin(), x.departed.end());
    if (carriers) subjects.insert(subjects.end(), x.carriers_after.begin(), x.carriers_after.end());
    std::vector<Fact> facts = {txt("member", x.member), txt("other", x.member == x.a ? x.b : x.a),
                               ids("departed", labels(before, x.departed))};
    if (carriers) facts.push_back(ids("carriers", labels(after, x.carriers_after)));
    return finding(severity, FindingArea::people, std::move(code), std::move(subjects), std::move(facts));
  };
  for (const auto& x : ch.handed_over) out.push_back(change(x, "handoff", Severity::info, true));
  for (const auto& x : ch.dissolved) out.push_back(change(x, "carrier-left-tie-lost", Severity::low, false));
  for (const auto& x : ch.uncarried) out.push_back(change(x, "carrier-left-tie-uncarried", Severity::low, false));
  return out;
}

}  // namespace xsector
