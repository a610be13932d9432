// validate(const Coalition&): the loader's checks on what a coalition holds, for a
// Coalition built or changed by a program. Messages are the loader's, at the elements' own
// source positions (line 0 where a hand-built element has none).
#include "load/validate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"

namespace xsector {

std::string detail::unknown_sector_message(const Coalition& c, const std::string& sector) {
  std::vector<std::string> names;
  for (const auto& s : c.taxonomy.sectors) {
    names.push_back(s.id);
    names.insert(names.end(), s.aliases.begin(), s.aliases.end());
  }
  for (const auto& s : c.extra_sectors) names.push_back(s.id);
  std::string message =
      fmt::format("unknown sector '{}': not in the {} taxonomy nor declared under 'sectors'", sector, c.taxonomy.id);
  message += detail::did_you_mean(sector, names);
  return message;
}

std::string detail::unknown_waived_sector_message(const Coalition& c, const std::string& sector) {
  std::string message = detail::unknown_sector_message(c, sector);
  message.replace(0, std::string_view("unknown sector").size(), "cannot waive unknown sector");
  return message;
}

bool detail::contact_of_respondent(const Member& by, const std::string& contact) {
  return by.contacts.empty() ||
         std::any_of(by.contacts.begin(), by.contacts.end(), [&](const Contact& p) { return p.id == contact; });
}

std::string detail::respondent_contact_message(const Member& by, const std::string& contact) {
  std::vector<std::string> ids;
  for (const Contact& p : by.contacts) ids.push_back(p.id);
  return fmt::format("contact '{}' is not a contact of '{}' (its contacts: {}){}", contact, by.id, fmt::join(ids, ", "),
                     did_you_mean(contact, ids));
}

namespace {

/// The checks of validate, one section a method, sharing how a problem is added.
struct Checker {
  const Coalition& c;
  std::vector<Diagnostic> out;
  std::size_t n = c.members.size();
  /// Contact id -> (its member, where it is written).
  std::unordered_map<std::string, std::pair<std::size_t, SourcePos>> contacts;

  void add(SourcePos pos, std::string message) { out.push_back({c.file, pos, std::move(message)}); }
  [[nodiscard]] std::string member(std::size_t v) const { return v < n ? c.members[v].id : fmt::format("#{}", v); }
  bool index_ok(std::size_t v, SourcePos pos, std::string_view where) {
    if (v < n) return true;
    add(pos, fmt::format("{} names member index {}, but the coalition has {} members", where, v, n));
    return false;
  }
  // Attributes: names given and unique (the loader's rules for a hand-built coalition).
  void attributes_ok(const std::vector<std::pair<std::string, std::string>>& attributes, SourcePos pos,
                     std::string_view whose) {
    std::set<std::string> names;
    for (const auto& [key, value] : attributes) {
      if (key.empty()) add(pos, fmt::format("an attribute of {} needs a name", whose));
      if (!key.empty() && !names.insert(key).second)
        add(pos, fmt::format("attribute '{}' of {} is given twice", key, whose));
    }
  }

  void members() {
    // Members: ids unique and present, sectors known, contact ids unique in the file.
    std::unordered_map<std::string, SourcePos> ids;
    for (std::size_t v = 0; v < n; ++v) {
      const Member& m = c.members[v];
      if (m.id.empty()) {
        add(m.pos, "a member needs an 'id'");
      } else if (const auto [it, fresh] = ids.emplace(m.id, m.pos); !fresh) {
        add(m.pos, fmt::format("duplicate member id '{}' (first defined at line {})", m.id, it->second.line));
      }
      if (m.sector.empty()) {
        add(m.pos, fmt::format("member '{}' needs a 'sector'", m.id));
      } else if (c.find_sector(m.sector) == nullptr) {
        add(m.pos, detail::unknown_sector_message(c, m.sector));
      }
      attributes_ok(m.attributes, m.pos, fmt::format("member '{}'", m.id));
      for (const Contact& p : m.contacts) {
        if (const auto [it, fresh] = contacts.emplace(p.id, std::pair(v, p.pos)); !fresh) {
          add(p.pos, fmt::format("duplicate contact id '{}' (first defined at line {})", p.id, it->second.second.line));
        }
      }
    }
    if (c.backbone) index_ok(*c.backbone, {}, "coalition.backbone");
    for (const Waiver& w : c.waivers) {
      if (c.find_sector(w.sector) == nullptr) {
        add(w.pos, detail::unknown_waived_sector_message(c, w.sector));
      } else if (w.reason.empty()) {
        add(w.pos, fmt::format("say why sector '{}' is waived", w.sector));
      }
    }
  }

  void ties() {
    // Ties: both ends members, no self-tie, a level on the continuum, carriers on its sides.
    for (const Tie& t : c.ties) {
      if (!index_ok(t.a, t.pos, "a tie") || !index_ok(t.b, t.pos, "a tie")) continue;
      if (t.a == t.b) add(t.pos, fmt::format("a tie from '{}' to itself", member(t.a)));
      attributes_ok(t.attributes, t.pos, fmt::format("the tie of '{}' and '{}'", member(t.a), member(t.b)));
      const int level = static_cast<int>(t.level);
      if (level < 1 || level > 4) add(t.pos, fmt::format("a tie's level must be 1-4, found {}", level));
      std::set<std::string> seen;
      for (const auto& id : t.carried_by) {
        if (!seen.insert(id).second) add(t.pos, fmt::format("'{}' is listed twice in carried_by", id));
        const auto it = contacts.find(id);
        if (it == contacts.end()) {
          add(t.pos, fmt::format("carried_by names '{}', which is not a contact of any member", id));
        } else if (it->second.first != t.a && it->second.first != t.b) {
          add(t.pos, fmt::format("carried_by names '{}', a contact of '{}', which is not one of the tie's members "
                                 "('{}' and '{}')",
                                 id, member(it->second.first), member(t.a), member(t.b)));
        }
      }
    }
  }

  void governance() {
    // Governance: seats of members with positive votes, a quota the seats can reach.
    for (const Body& b : c.governance) {
      std::set<std::size_t> seated;
      bool ok = true;
      for (const Seat& s : b.seats) {
        if (!index_ok(s.member, s.pos, fmt::format("a seat of body '{}'", b.id))) ok = false;
        if (s.votes <= 0) {
          add(s.pos, fmt::format("votes must be a positive whole number, found {}", s.votes));
          ok = false;
        }
        seated.insert(s.member);
      }
      for (const auto v : b.veto) {
        if (index_ok(v, b.pos, fmt::format("the veto of body '{}'", b.id)) && !seated.contains(v)) {
          add(b.pos, fmt::format("veto member '{}' holds no seat in '{}'", member(v), b.id));
        }
      }
      if (b.chair) index_ok(*b.chair, b.pos, fmt::format("the chair of body '{}'", b.id));
      if (b.rule.kind == Rule::Kind::quota && b.rule.explicit_quota < 1) {
        add(b.pos, "quota must be at least 1");
        ok = false;
      }
      if (b.seats.empty()) {
        add(b.pos, fmt::format("body '{}' needs 'seats': member id: votes", b.id));
      } else if (ok) {
        const std::int64_t total = b.total_votes();
        const std::int64_t quota = b.rule.quota(total);
        if (quota > total) {
          add(b.pos, fmt::format("body '{}' needs {} votes to decide but its seats hold only {}", b.id, quota, total));
        }
      }
    }
  }

  void survey() {
    // The survey: respondents and responses about members, no one rating itself, items 1-4.
    if (c.survey) {
      std::set<std::size_t> respondents;
      for (const auto v : c.survey->respondents) {
        if (index_ok(v, c.survey->pos, "the survey's respondents")) respondents.insert(v);
      }
      for (const Response& r : c.survey->responses) {
        if (!index_ok(r.by, r.pos, "a response") || !index_ok(r.about, r.pos, "a response")) continue;
        if (!respondents.contains(r.by)) {
          add(r.pos, fmt::format("'{}' answered but is not listed in the survey's respondents", member(r.by)));
        }
        if (r.by == r.about)
          add(r.pos, fmt::format("'{}' rates itself; a response is about another member", member(r.by)));
        if (!r.contact.empty() && !detail::contact_of_respondent(c.members[r.by], r.contact))
          add(r.pos, detail::respondent_contact_message(c.members[r.by], r.contact));
        for (const auto& items : {r.trust, r.value}) {
          for (const auto& x : items) {
            if (x && (*x < 1 || *x > 4)) add(r.pos, fmt::format("a rating must be 1-4, found {}", *x));
          }
        }
      }
    }
  }
};

}  // namespace

std::vector<Diagnostic> validate(const Coalition& c) {
  Checker check{c, {}, c.members.size(), {}};
  if (c.name.empty()) check.add({}, "the coalition needs a 'name'");
  check.members();
  check.ties();
  check.governance();
  check.survey();
  return std::move(check.out);
}

}  // namespace xsector
