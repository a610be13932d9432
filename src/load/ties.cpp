// The coalition loader's `ties`: the three ways of writing one, levels and `carried_by`.
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "load/coalition_loader.hpp"

namespace xsector::detail {

std::optional<TieLevel> CoalitionLoader::read_level(const Node& node) {
  auto v = reader_.text(node, "level");
  if (!v) return std::nullopt;
  static const std::vector<std::string> names = {"networking", "coordinating", "cooperating", "collaborating"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (*v == names[i] || *v == std::to_string(i + 1)) return static_cast<TieLevel>(i + 1);
  }
  std::string message = fmt::format(
      "level must be networking, coordinating, cooperating, "
      "collaborating or 1-4, found '{}'",
      *v);
  message += did_you_mean(*v, names);
  reader_.error(reader_.pos(node), message);
  return std::nullopt;
}

void CoalitionLoader::read_ties(const Node& node) {
  if (node.IsNull()) return;
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'ties' must be a list of ties");
    return;
  }
  tie_pairs_.reserve(node.size());
  coalition_.ties.reserve(node.size());
  for (const Node item : node) {
    Tie tie;
    tie.pos = reader_.pos(item);
    std::optional<Fields> f;
    const auto ends = read_tie_ends(item, tie, f);
    if (!ends) continue;
    auto a_id = reader_.slug(ends->first, "member id");
    auto b_id = reader_.slug(ends->second, "member id");
    std::optional<std::size_t> a;
    std::optional<std::size_t> b;
    if (a_id) a = member_ref(ends->first, *a_id, "the tie");
    if (b_id) b = member_ref(ends->second, *b_id, "the tie");
    const bool ok = !f || read_tie_details(*f, tie);
    if (!a || !b || !ok) continue;
    tie.a = *a;
    tie.b = *b;
    if (tied_to_itself(tie)) continue;
    if (f) {
      if (const auto* cb = f->get("carried_by")) {
        if (!read_carriers(*cb, tie)) continue;
      }
    }
    add_tie(std::move(tie));
  }
}

std::optional<std::pair<Node, Node>> CoalitionLoader::read_tie_ends(const Node& item, Tie& tie,
                                                                    std::optional<Fields>& f) {
  if (item.IsSequence()) {
    if (item.size() != 2) {
      reader_.error(tie.pos, fmt::format("a tie written as a list names exactly two members, "
                                         "found {}",
                                         item.size()));
      return std::nullopt;
    }
    tie.form = TieForm::shorthand;
    return std::pair(item[0], item[1]);
  }
  static const std::vector<std::string> keys = {"between", "from", "to", "level", "kinds", "carried_by", "attributes"};
  f = reader_.fields(item, keys, "a tie");
  if (!f) return std::nullopt;
  const auto* between = f->get("between");
  const auto* from = f->get("from");
  const auto* to = f->get("to");
  if (between != nullptr && (from != nullptr || to != nullptr)) {
    reader_.error(tie.pos,
                  "a tie has either 'between' (undirected) or 'from' and 'to' "
                  "(directed), not both");
    return std::nullopt;
  }
  if (between != nullptr) {
    if (!between->IsSequence() || between->size() != 2) {
      reader_.error(reader_.pos(*between),
                    "'between' names exactly two members, like "
                    "[a, b]");
      return std::nullopt;
    }
    tie.form = TieForm::between;
    return std::pair((*between)[0], (*between)[1]);
  }
  if (from != nullptr && to != nullptr) {
    tie.form = TieForm::from_to;
    tie.directed = true;
    return std::pair(*from, *to);
  }
  const bool typo = f->suggested("between") || f->suggested("from") || f->suggested("to");
  if (!typo) {
    reader_.error(tie.pos, from != nullptr || to != nullptr ? "a directed tie needs both 'from' and 'to'"
                                                            : "a tie needs 'between: [a, b]' or 'from' and 'to'");
  }
  return std::nullopt;
}

bool CoalitionLoader::read_tie_details(const Fields& f, Tie& tie) {
  bool ok = true;
  if (const auto* l = f.get("level")) {
    if (auto v = read_level(*l))
      tie.level = *v;
    else
      ok = false;
  }
  if (const auto* k = f.get("kinds")) {
    if (auto v = reader_.text_list(*k, "kinds"))
      tie.kinds = *v;
    else
      ok = false;
  }
  if (const auto* at = f.get("attributes")) {
    if (!read_attributes(*at, tie.attributes)) ok = false;
  }
  return ok;
}

bool CoalitionLoader::tied_to_itself(const Tie& tie) {
  if (tie.a != tie.b) return false;
  reader_.error(tie.pos, fmt::format("a tie from '{}' to itself", coalition_.members[tie.a].id));
  return true;
}

bool CoalitionLoader::add_tie(Tie tie) {
  const auto [lo, hi] = std::minmax(tie.a, tie.b);
  const std::uint64_t key = (static_cast<std::uint64_t>(lo) << 32U) | static_cast<std::uint64_t>(hi);
  const auto [it, inserted] = tie_pairs_.emplace(key, coalition_.ties.size());
  if (!inserted) {
    // A pair holds at most two ties, the second the first's reverse: `reversed` marks it.
    const Tie& o = coalition_.ties[it->second];
    const bool reverse = tie.directed && o.directed && o.a == tie.b && o.b == tie.a;
    const auto second_tie = reversed_pairs_.find(key);
    const bool full = second_tie != reversed_pairs_.end();
    if (!reverse || full) {
      const Tie& cited = full && reverse ? coalition_.ties[second_tie->second] : o;
      reader_.error(tie.pos, fmt::format("'{}' and '{}' are already tied at line {}; a pair "
                                         "is tied once (or once each way with from/to)",
                                         coalition_.members[tie.a].id, coalition_.members[tie.b].id, cited.pos.line));
      return false;
    }
    reversed_pairs_.emplace(key, coalition_.ties.size());
  }
  coalition_.ties.push_back(std::move(tie));
  return true;
}

bool CoalitionLoader::read_carriers(const Node& node, Tie& tie) {
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'carried_by' must be a list of contact ids, like [jdoe, mlee]");
    return false;
  }
  const std::string& a = coalition_.members[tie.a].id;
  const std::string& b = coalition_.members[tie.b].id;
  bool ok = true;
  std::unordered_set<std::string> named;  // ids already in this list
  for (const Node who : node) {
    auto id = reader_.slug(who, "contact id");
    if (!id) {
      ok = false;
      continue;
    }
    const auto it = contact_seen_.find(*id);
    if (it == contact_seen_.end()) {
      if (!contact_attempted_.contains(*id)) {
        std::string message = fmt::format("carried_by names '{}', which is not a contact of any member", *id);
        if (contact_id_list_.size() != contact_seen_.size()) {
          contact_id_list_.clear();
          for (const auto& [cid, where] : contact_seen_) contact_id_list_.push_back(cid);
          std::sort(contact_id_list_.begin(), contact_id_list_.end());
        }
        // Suggestions cost O(contacts) each: prefer a contact of the tie's own members.
        if (suggestions_left_ > 0) {
          --suggestions_left_;
          std::vector<std::string> own;
          for (const auto& cid : contact_id_list_) {
            const std::string& owner = contact_seen_.at(cid).second;
            if (owner == a || owner == b) own.push_back(cid);
          }
          std::string hint = did_you_mean(*id, own);
          if (hint.empty()) hint = did_you_mean(*id, contact_id_list_);
          message += hint;
        }
        reader_.error(reader_.pos(who), message);
      }
      ok = false;
      continue;
    }
    const std::string& owner = it->second.second;
    // A contact whose entry, or whose member's entry, was invalid was reported there.
    if (!valid_contacts_.contains(*id) || !coalition_.member_index(owner)) {
      ok = false;
      continue;
    }
    if (owner != a && owner != b) {
      reader_.error(reader_.pos(who),
                    fmt::format("carried_by names '{}', a contact of '{}', which is not one of the tie's "
                                "members ('{}' and '{}')",
                                *id, owner, a, b));
      ok = false;
      continue;
    }
    if (!named.insert(*id).second) {
      reader_.error(reader_.pos(who), fmt::format("'{}' is listed twice in carried_by", *id));
      ok = false;
      continue;
    }
    tie.carried_by.push_back(*id);
  }
  return ok;
}

}  // namespace xsector::detail
