// The crosswalk between taxonomies (docs/sectors.md, "Measuring against another taxonomy").
#include "xsector/crosswalk.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>

#include "xsector/load.hpp"

namespace xsector {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

const Sector* place_sector(const Sector& sector, const Taxonomy& target) {
  for (const auto& x : sector.maps_to) {
    for (const auto& t : target.sectors) {
      if (contains(t.maps_to, x)) return &t;
    }
  }
  return target.find(sector.id);
}

Crosswalk crosswalk_of(const Taxonomy& taxonomy, const std::vector<Taxonomy>& others) {
  Crosswalk out;
  std::vector<const Taxonomy*> targets;
  for (const auto& o : others) {
    if (o.id == taxonomy.id) continue;
    out.targets.push_back(o.id);
    targets.push_back(&o);
  }
  for (const auto& s : taxonomy.sectors) {
    std::vector<std::string> row;
    for (const Taxonomy* o : targets) {
      const Sector* p = place_sector(s, *o);
      row.push_back(p != nullptr ? p->id : std::string());
    }
    out.placed.push_back(std::move(row));
  }
  return out;
}

Coalition measure_against(const Coalition& c, const Taxonomy& target) {
  if (target.id == c.taxonomy.id) return c;
  Coalition out = c;
  out.taxonomy = target;
  out.crosswalk_from = c.taxonomy.id;
  out.extra_sectors.clear();
  out.waivers.clear();
  out.unplaced.clear();

  // Where each sector of the source goes: a target sector id, or none (carried along).
  std::map<std::string, const Sector*> placed;
  std::vector<const Sector*> source;
  for (const auto& s : c.taxonomy.sectors) source.push_back(&s);
  for (const auto& s : c.extra_sectors) source.push_back(&s);
  for (const Sector* s : source) placed[s->id] = place_sector(*s, target);

  std::set<std::string> carried;  // source sector ids carried along as file sectors
  auto carry = [&](const Sector& s, bool declared) {
    if (!carried.insert(s.id).second) return;
    Sector copy = s;
    copy.aliases.clear();  // only ids are looked up once loaded; aliases could shadow the target's
    if (!declared) copy.priority = Priority::optional;
    out.extra_sectors.push_back(std::move(copy));
  };
  // Declared sectors first, in file order, so they keep their place among file sectors.
  for (const auto& s : c.extra_sectors) {
    if (placed[s.id] == nullptr) carry(s, true);
  }
  for (std::size_t i = 0; i < c.members.size(); ++i) {
    Member& m = out.members[i];
    const Sector* own = c.find_sector(m.sector);
    if (own == nullptr) continue;  // cannot happen for a loaded coalition
    if (const Sector* t = placed[own->id]) {
      m.sector = t->id;
      continue;
    }
    const bool declared =
        std::any_of(c.extra_sectors.begin(), c.extra_sectors.end(), [&](const Sector& s) { return s.id == own->id; });
    if (!declared) {
      carry(*own, false);
      out.unplaced.push_back(i);
    }
  }

  // Waivers: the cross-sector ids they cover, and the target sectors waived outright.
  std::set<std::string> waived_ids;
  std::map<std::string, std::vector<const Waiver*>> direct;  // target sector id -> waivers
  for (const auto& w : c.waivers) {
    const Sector* s = c.find_sector(w.sector);
    if (s == nullptr) continue;
    waived_ids.insert(s->maps_to.begin(), s->maps_to.end());
    if (carried.contains(s->id)) continue;
    if (s->maps_to.empty() && placed[s->id] != nullptr) direct[placed[s->id]->id].push_back(&w);
  }
  for (const auto& t : target.sectors) {
    std::vector<const Waiver*> why = direct[t.id];
    const bool covered = !t.maps_to.empty() && std::all_of(t.maps_to.begin(), t.maps_to.end(),
                                                           [&](const auto& x) { return waived_ids.contains(x); });
    if (covered) {
      for (const auto& w : c.waivers) {
        const Sector* s = c.find_sector(w.sector);
        if (s == nullptr || std::find(why.begin(), why.end(), &w) != why.end()) continue;
        const bool overlaps =
            std::any_of(s->maps_to.begin(), s->maps_to.end(), [&](const auto& x) { return contains(t.maps_to, x); });
        if (overlaps) why.push_back(&w);
      }
    }
    if (why.empty()) continue;
    std::vector<std::string> reasons;
    for (const Waiver* w : why) {
      if (!contains(reasons, w->reason)) reasons.push_back(w->reason);
    }
    out.waivers.push_back({t.id, fmt::format("{}", fmt::join(reasons, "; ")), why.front()->pos});
  }
  for (const auto& w : c.waivers) {
    if (carried.contains(w.sector)) out.waivers.push_back(w);
  }
  out.index_members();
  return out;
}

std::vector<Taxonomy> builtin_taxonomies() {
  std::vector<Taxonomy> out;
  for (const auto& id : builtin_taxonomy_ids()) out.push_back(resolve_taxonomy(id));
  return out;
}

}  // namespace xsector
