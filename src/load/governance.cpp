// The coalition loader's `governance`: decision bodies, their rules, seats, vetoes and chairs.
#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "load/coalition_loader.hpp"

namespace xsector::detail {

namespace {

// A body's `body` id, unique among the bodies (`seen`: id -> line of its first body).
bool read_body_id(YamlReader& reader, const Fields& f, Body& body, std::unordered_map<std::string, int>& seen) {
  const auto* b = f.get("body");
  if (b == nullptr) {
    reader.missing(f, "body", body.pos, "a governance body needs a 'body' id");
    return false;
  }
  auto v = reader.slug(*b, "body id");
  if (!v) return false;
  body.id = *v;
  const auto [it, inserted] = seen.emplace(body.id, reader.pos(*b).line);
  if (!inserted) {
    reader.error(reader.pos(*b), fmt::format("duplicate body '{}' (first at line {})", body.id, it->second));
    return false;
  }
  return true;
}

// Reports a body whose rule needs more votes than its seats hold; false then.
bool quota_reachable(YamlReader& reader, const Body& body) {
  const std::int64_t total = body.total_votes();
  const std::int64_t quota = body.rule.quota(total);
  if (quota <= total) return true;
  reader.error(body.pos, fmt::format("body '{}' needs {} votes to decide but its seats "
                                     "hold only {}",
                                     body.id, quota, total));
  return false;
}

}  // namespace

void CoalitionLoader::read_governance(const Node& node) {
  if (node.IsNull()) return;
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'governance' must be a list of decision bodies");
    return;
  }
  static const std::vector<std::string> keys = {"body", "decides", "rule", "seats", "veto", "chair"};
  std::unordered_map<std::string, int> seen;
  for (const Node item : node) {
    auto f = reader_.fields(item, keys, "a governance body");
    if (!f) continue;
    Body body;
    body.pos = reader_.pos(item);
    bool ok = read_body_id(reader_, *f, body, seen);
    if (const auto* d = f->get("decides")) {
      if (auto v = reader_.text_list(*d, "decides"))
        body.decides = *v;
      else
        ok = false;
    }
    if (const auto* r = f->get("rule")) {
      if (!read_rule(*r, body.rule)) ok = false;
    }
    seat_names_.clear();
    seated_.clear();
    if (const auto* s = f->get("seats")) {
      if (!read_seats(*s, body)) ok = false;
    } else {
      reader_.missing(*f, "seats", body.pos, fmt::format("body '{}' needs 'seats': member id: votes", body.id));
      ok = false;
    }
    if (const auto* v = f->get("veto")) {
      if (!read_veto(*v, body)) ok = false;
    }
    if (const auto* c = f->get("chair")) {
      if (auto id = reader_.slug(*c, "chair")) {
        body.chair = member_ref(*c, *id, "chair");
        if (!body.chair) ok = false;
      } else {
        ok = false;
      }
    }
    if (ok && !body.seats.empty() && !quota_reachable(reader_, body)) ok = false;
    if (ok) coalition_.governance.push_back(std::move(body));
  }
}

bool CoalitionLoader::read_veto(const Node& node, Body& body) {
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'veto' must be a list of member ids");
    return false;
  }
  bool ok = true;
  std::unordered_set<std::size_t> vetoes;
  for (const Node who : node) {
    auto id = reader_.slug(who, "veto member");
    if (!id) {
      ok = false;
      continue;
    }
    auto i = member_ref(who, *id, "veto");
    if (!i) {
      ok = false;
      continue;
    }
    // A seat named but invalid was reported already; a seat not named at all is this error.
    if (!seated_.contains(*i)) {
      if (!seat_names_.contains(*id)) {
        reader_.error(reader_.pos(who), fmt::format("veto member '{}' holds no seat in '{}'", *id, body.id));
      }
      ok = false;
      continue;
    }
    if (!vetoes.insert(*i).second) {
      reader_.error(reader_.pos(who), fmt::format("'{}' is listed twice in veto", *id));
      ok = false;
      continue;
    }
    body.veto.push_back(*i);
  }
  return ok;
}

bool CoalitionLoader::read_rule(const Node& node, Rule& rule) {
  if (node.IsMap()) {
    static const std::vector<std::string> keys = {"quota"};
    auto f = reader_.fields(node, keys, "'rule'");
    if (!f) return false;
    const auto* q = f->get("quota");
    if (q == nullptr) {
      reader_.missing(*f, "quota", reader_.pos(node), "a rule written as a map needs 'quota: N'");
      return false;
    }
    auto v = reader_.integer(*q, "quota");
    if (!v) return false;
    if (*v < 1) {
      reader_.error(reader_.pos(*q), "quota must be at least 1");
      return false;
    }
    rule.kind = Rule::Kind::quota;
    rule.explicit_quota = *v;
    return true;
  }
  static const std::vector<std::string> names = {"majority", "two-thirds", "unanimity", "consensus"};
  const auto i = reader_.choice(node, "rule", names, "majority, two-thirds, unanimity, consensus or {quota: N}");
  if (!i) return false;
  rule.kind = static_cast<Rule::Kind>(*i);
  return true;
}

bool CoalitionLoader::read_seats(const Node& node, Body& body) {
  if (!node.IsMap() || node.size() == 0) {
    reader_.error(reader_.pos(node),
                  "'seats' must be a map of member id: votes, like "
                  "{a: 2, b: 1}");
    return false;
  }
  bool ok = true;
  std::int64_t total = 0;
  for (std::size_t e = 0; e < node.size(); ++e) {
    const std::pair<Node, Node> entry{node.key(e), node.value(e)};
    auto id = reader_.slug(entry.first, "seat holder");
    if (id) seat_names_.insert(*id);
    auto votes = reader_.integer(entry.second, "votes");
    if (!id || !votes) {
      ok = false;
      continue;
    }
    if (*votes < 1) {
      reader_.error(reader_.pos(entry.second), fmt::format("votes must be a positive whole number, found {}", *votes));
      ok = false;
      continue;
    }
    auto member = member_ref(entry.first, *id, "a seat");
    if (!member) {
      ok = false;
      continue;
    }
    if (seated_.contains(*member)) {
      reader_.error(reader_.pos(entry.first), fmt::format("duplicate key '{}' in 'seats'", *id));
      ok = false;
      continue;
    }
    // Power sums coalition weights exactly in int64 and double: a body's votes total at most 2^53.
    constexpr std::int64_t max_votes = std::int64_t{1} << 53;
    if (*votes > max_votes - total) {
      reader_.error(reader_.pos(entry.second),
                    fmt::format("votes are too large: the seats of body '{}' would total more than 2^53 "
                                "(9007199254740992) votes",
                                body.id));
      ok = false;
      continue;
    }
    total += *votes;
    seated_.insert(*member);
    body.seats.push_back({*member, *votes, reader_.pos(entry.first)});
  }
  return ok;
}

}  // namespace xsector::detail
