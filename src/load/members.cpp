// The coalition loader's `members`: ids, sectors, attributes and contacts, and the lookup of
// member ids named elsewhere in the file.
#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "load/coalition_loader.hpp"
#include "load/validate.hpp"

namespace xsector::detail {

namespace {

// A member's `id`, unique among the members read (`seen`: id -> where it was first defined).
bool read_member_id(YamlReader& reader, const Fields& f, Member& m, std::unordered_map<std::string, SourcePos>& seen) {
  const auto* id = f.get("id");
  if (id == nullptr) {
    reader.missing(f, "id", m.pos, "a member needs an 'id'");
    return false;
  }
  auto v = reader.slug(*id, "member id");
  if (!v) return false;
  m.id = *v;
  const auto [it, inserted] = seen.emplace(m.id, reader.pos(*id));
  if (!inserted) {
    reader.error(reader.pos(*id),
                 fmt::format("duplicate member id '{}' (first defined at line {})", m.id, it->second.line));
    return false;
  }
  return true;
}

// What a member says of itself: `community_led`, `lived_experience`, `funding` (not
// negative) and `tags`; false after reporting a problem.
bool read_member_profile(YamlReader& reader, const Fields& f, Member& m) {
  bool ok = true;
  if (const auto* c = f.get("community_led")) {
    if (auto v = reader.boolean(*c, "community_led"))
      m.community_led = *v;
    else
      ok = false;
  }
  if (const auto* l = f.get("lived_experience")) {
    if (auto v = reader.boolean(*l, "lived_experience"))
      m.lived_experience = *v;
    else
      ok = false;
  }
  if (const auto* fu = f.get("funding")) {
    if (auto v = reader.number(*fu, "funding")) {
      if (*v < 0) {
        reader.error(reader.pos(*fu), "funding cannot be negative");
        ok = false;
      }
      m.funding = *v;
    } else {
      ok = false;
    }
  }
  if (const auto* t = f.get("tags")) {
    if (auto v = reader.text_list(*t, "tags"))
      m.tags = *v;
    else
      ok = false;
  }
  return ok;
}

}  // namespace

void CoalitionLoader::read_members(const Node& node) {
  if (!node.IsSequence() || node.size() == 0) {
    reader_.error(reader_.pos(node), "'members' must be a list of at least one member");
    return;
  }
  static const std::vector<std::string> keys = {"id",      "name", "sector",     "community_led", "lived_experience",
                                                "funding", "tags", "attributes", "contacts"};
  std::unordered_map<std::string, SourcePos> seen;
  seen.reserve(node.size());
  coalition_.members.reserve(node.size());
  for (const Node item : node) {
    auto f = reader_.fields(item, keys, "a member");
    if (!f) continue;
    Member m;
    m.pos = reader_.pos(item);
    bool ok = read_member_id(reader_, *f, m, seen);
    if (const auto* n = f->get("name")) {
      if (auto v = reader_.text(*n, "member name"))
        m.name = *v;
      else
        ok = false;
    } else {
      m.name = m.id;
    }
    if (!read_member_sector(*f, m)) ok = false;
    if (!read_member_profile(reader_, *f, m)) ok = false;
    if (const auto* a = f->get("attributes")) {
      if (!read_attributes(*a, m.attributes)) ok = false;
    }
    if (const auto* ct = f->get("contacts")) {
      if (!read_contacts(*ct, m)) ok = false;
    }
    if (!m.id.empty()) attempted_ids_.insert(m.id);
    if (ok) coalition_.members.push_back(std::move(m));
  }
}

bool CoalitionLoader::read_member_sector(const Fields& f, Member& m) {
  const auto* s = f.get("sector");
  if (s == nullptr) {
    reader_.missing(f, "sector", m.pos, fmt::format("member '{}' needs a 'sector'", m.id));
    return false;
  }
  auto v = reader_.text(*s, "sector");
  if (!v) return false;
  m.sector_as_written = *v;
  if (!taxonomy_ok_) return false;  // the taxonomy's problem was reported; the sector cannot be checked
  if (const Sector* sector = coalition_.find_sector(*v)) {
    m.sector = sector->id;
    return true;
  }
  reader_.error(reader_.pos(*s), unknown_sector_message(coalition_, *v));
  return false;
}

bool CoalitionLoader::read_attributes(const Node& node, std::vector<std::pair<std::string, std::string>>& out) {
  if (!node.IsMap()) {
    reader_.error(reader_.pos(node), "'attributes' must be a map of names to values");
    return false;
  }
  bool ok = true;
  std::unordered_set<std::string> names;  // hashed: a member may hold 100,000 attributes
  names.reserve(out.size() + node.size());
  for (const auto& kv : out) names.insert(kv.first);
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto key = reader_.text(node.key(i), "attribute name");
    const auto value =
        node.value(i).IsNull() ? std::optional<std::string>("") : reader_.text(node.value(i), "attribute value");
    if (!key || !value) {
      ok = false;
      continue;
    }
    if (key->empty()) {
      reader_.error(reader_.pos(node.key(i)), "an attribute needs a name");
      ok = false;
      continue;
    }
    if (!names.insert(*key).second) {
      reader_.error(reader_.pos(node.key(i)), fmt::format("attribute '{}' is given twice", *key));
      ok = false;
      continue;
    }
    out.emplace_back(*key, *value);
  }
  return ok;
}

bool CoalitionLoader::read_contacts(const Node& node, Member& m) {
  if (node.IsNull()) return true;
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node),
                  "'contacts' must be a list of people, like "
                  "[{id: jdoe, name: Jane Doe, role: Director}]");
    return false;
  }
  static const std::vector<std::string> keys = {"id", "name", "role", "since", "email", "phone"};
  bool all_ok = true;
  for (const Node item : node) {
    auto f = reader_.fields(item, keys, "a contact");
    if (!f) {
      all_ok = false;
      continue;
    }
    Contact c;
    c.pos = reader_.pos(item);
    bool ok = true;
    if (const auto* id = f->get("id")) {
      if (auto v = reader_.slug(*id, "contact id")) {
        c.id = *v;
        contact_attempted_.insert(c.id);
        const auto [it, inserted] = contact_seen_.emplace(c.id, std::pair(reader_.pos(*id), m.id));
        if (!inserted) {
          reader_.error(reader_.pos(*id), fmt::format("duplicate contact id '{}' (first defined at line {}); "
                                                      "contact ids are unique in the file",
                                                      c.id, it->second.first.line));
          ok = false;
        }
      } else {
        ok = false;
      }
    } else {
      reader_.missing(*f, "id", c.pos, "a contact needs an 'id'");
      ok = false;
    }
    if (const auto* n = f->get("name")) {
      if (auto v = reader_.text(*n, "contact name"))
        c.name = *v;
      else
        ok = false;
    }
    if (const auto* r = f->get("role")) {
      if (auto v = reader_.text(*r, "role"))
        c.role = *v;
      else
        ok = false;
    }
    for (const auto& [key, field] : {std::pair{"email", &c.email}, std::pair{"phone", &c.phone}}) {
      if (const auto* n = f->get(key)) {
        if (auto v = reader_.text(*n, key))
          *field = *v;
        else
          ok = false;
      }
    }
    if (const auto* d = f->get("since")) {
      if (auto v = reader_.date(*d, "since", "2021-03-01"))
        c.since = *v;
      else
        ok = false;
    }
    if (ok) {
      valid_contacts_.insert(c.id);
      m.contacts.push_back(std::move(c));
    } else {
      all_ok = false;
    }
  }
  return all_ok;
}

std::optional<std::size_t> CoalitionLoader::member_ref(const Node& node, const std::string& id, std::string_view role) {
  if (coalition_.member_ids.size() != coalition_.members.size()) coalition_.index_members();
  if (auto i = coalition_.member_index(id)) return i;
  if (!attempted_ids_.contains(id)) {
    std::string message = fmt::format("{} names '{}', which is not a member", role, id);
    if (member_suggestions_ < max_member_suggestions) {
      ++member_suggestions_;
      if (member_id_list_.size() != coalition_.members.size()) {
        member_id_list_.clear();
        for (const auto& m : coalition_.members) member_id_list_.push_back(m.id);
      }
      message += did_you_mean(id, member_id_list_);
    }
    reader_.error(reader_.pos(node), message);
  }
  return std::nullopt;
}

}  // namespace xsector::detail
