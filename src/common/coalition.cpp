// The small methods of the coalition value types (coalition.hpp).
#include "xsector/coalition.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xsector {

std::string_view to_string(Priority p) {
  switch (p) {
    case Priority::core: return "core";
    case Priority::recommended: return "recommended";
    case Priority::optional: return "optional";
  }
  return "optional";
}

std::string_view to_string(TieLevel level) {
  switch (level) {
    case TieLevel::networking: return "networking";
    case TieLevel::coordinating: return "coordinating";
    case TieLevel::cooperating: return "cooperating";
    case TieLevel::collaborating: return "collaborating";
  }
  return "networking";
}

const Sector* Taxonomy::find(std::string_view id_or_alias) const {
  for (const auto& s : sectors) {
    if (s.id == id_or_alias) return &s;
  }
  for (const auto& s : sectors) {
    if (std::find(s.aliases.begin(), s.aliases.end(), id_or_alias) != s.aliases.end()) return &s;
  }
  return nullptr;
}

std::size_t Taxonomy::core_count() const {
  return static_cast<std::size_t>(
      std::count_if(sectors.begin(), sectors.end(), [](const Sector& s) { return s.priority == Priority::core; }));
}

std::int64_t Rule::quota(std::int64_t total_votes) const {
  switch (kind) {
    case Kind::majority: return total_votes / 2 + 1;
    case Kind::two_thirds: return (2 * total_votes + 2) / 3;
    case Kind::unanimity:
    case Kind::consensus: return total_votes;
    case Kind::quota: return explicit_quota;
  }
  return total_votes;
}

std::string Rule::name() const {
  switch (kind) {
    case Kind::majority: return "majority";
    case Kind::two_thirds: return "two-thirds";
    case Kind::unanimity: return "unanimity";
    case Kind::consensus: return "consensus";
    case Kind::quota: return fmt::format("quota {}", explicit_quota);
  }
  return "majority";
}

std::int64_t Body::total_votes() const {
  std::int64_t total = 0;
  for (const auto& s : seats) total += s.votes;
  return total;
}

const Waiver* Coalition::waiver(std::string_view sector) const {
  for (const auto& w : waivers) {
    if (w.sector == sector) return &w;
  }
  return nullptr;
}

std::optional<std::size_t> Coalition::member_index(std::string_view id) const {
  if (!member_ids.empty() && member_ids.size() == members.size()) {
    const auto it = member_ids.find(std::string(id));
    if (it == member_ids.end()) return std::nullopt;
    if (it->second < members.size() && members[it->second].id == id) return it->second;
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].id == id) return i;
  }
  return std::nullopt;
}

void Coalition::index_members() {
  member_ids.clear();
  member_ids.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) member_ids.emplace(members[i].id, i);
}

const Sector* Coalition::find_sector(std::string_view id_or_alias) const {
  if (const Sector* s = taxonomy.find(id_or_alias)) return s;
  for (const auto& s : extra_sectors) {
    if (s.id == id_or_alias) return &s;
  }
  for (const auto& s : extra_sectors) {
    if (std::find(s.aliases.begin(), s.aliases.end(), id_or_alias) != s.aliases.end()) return &s;
  }
  return nullptr;
}

}  // namespace xsector
