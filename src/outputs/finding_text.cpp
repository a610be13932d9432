// The sentence table of findings (one analysis's: sectors, power, the network, surveys and
// people), and how a finding names what it holds by id. Comparisons, groups and next
// actions: finding_text_compare.cpp.
#include "xsector/finding_text.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "common/text.hpp"
#include "outputs/finding_text_parts.hpp"
#include "outputs/wording.hpp"

namespace xsector {

using detail::and_list;
using detail::counted;
using detail::listed;
using detail::percent;
using detail::possessive;
using detail::Say;
using detail::Sentence;

FindingNames::FindingNames(const Coalition& coalition, const SectorIndex& sectors) {
  for (const auto& m : coalition.members) members_.emplace(m.id, m.name);
  earlier_ = members_;
  for (const auto& s : sectors.sectors) sectors_.emplace(s.id, s.name);
}

FindingNames::FindingNames(const Coalition& before, const Coalition& after) : before_(&before), after_(&after) {
  for (const auto& m : after.members) members_.emplace(m.id, m.name);
  for (const auto& m : before.members) members_.emplace(m.id, m.name);
  for (const auto& m : before.members) earlier_.emplace(m.id, m.name);
  for (const auto& m : after.members) earlier_.emplace(m.id, m.name);
}

std::string FindingNames::member(const std::string& id) const {
  const auto it = members_.find(id);
  return it == members_.end() ? id : it->second;
}

std::string FindingNames::earlier_member(const std::string& id) const {
  const auto it = earlier_.find(id);
  return it == earlier_.end() ? id : it->second;
}

std::string FindingNames::sector(const std::string& id) const {
  if (after_ != nullptr) {
    if (const Sector* s = after_->find_sector(id)) return s->name;
    if (const Sector* s = before_->find_sector(id)) return s->name;
    return id;
  }
  const auto it = sectors_.find(id);
  return it == sectors_.end() ? id : it->second;
}

namespace {

/// ". Whom to invite, for example: a, b, c" from a missing sector's examples, or "".
std::string invite(const Say& s) {
  const auto& examples = s.list("examples");
  return examples.empty() ? "" : fmt::format(". Whom to invite, for example: {}", fmt::join(examples, ", "));
}

std::string taxonomy(const Say& s) { return fmt::format("the {} taxonomy", s.text("taxonomy")); }

std::string unplaced(const Say& s) {
  std::vector<std::string> names;
  const auto& written = s.list("sectors");
  for (std::size_t i = 0; i < s.subjects().size(); ++i) {
    names.push_back(fmt::format("{} ({})", s.member(i), i < written.size() ? written[i] : ""));
  }
  const bool one = names.size() == 1;
  const std::string& from = s.text("written_for");
  return fmt::format("{} no counterpart in the {} taxonomy{}, so {} counted in none of its sectors: {}",
                     one ? "One member's sector has" : fmt::format("{} members' sectors have", names.size()),
                     s.text("taxonomy"), from.empty() ? "" : fmt::format(" (the file is written for {})", from),
                     one ? "it is" : "they are", fmt::join(names, ", "));
}

std::string unlinked(const Say& s) {
  std::vector<std::string> examples;
  const auto& first = s.list("first");
  const auto& second = s.list("second");
  for (std::size_t i = 0; i < first.size() && i < second.size(); ++i) {
    examples.push_back(fmt::format("{} and {}", s.names().sector(first[i]), s.names().sector(second[i])));
  }
  const std::size_t n = s.count("pairs");
  if (n == 1) return fmt::format("One pair of sectors at the table has no tie between them: {}", examples.front());
  return fmt::format("{} pairs of sectors at the table have no tie between them, such as {}", n,
                     fmt::join(examples, "; "));
}

std::string seat_without_power(const Say& s) {
  const std::string& votes = s.text("votes");
  return fmt::format("{} has {} on {} and no voting power: no decision ever turns on its vote", s.member(0),
                     votes == "1" ? std::string("one seat") : fmt::format("{} seats", votes), s.id(1));
}

std::string veto_player(const Say& s) {
  const std::string& by = s.text("by");
  return fmt::format("{} can block every decision of {}{}", s.member(0), s.id(1),
                     by == "chair"  ? " (it chairs it)"
                     : by == "veto" ? " (a veto the file grants)"
                                    : "");
}

std::string separate_groups(const Say& s) {
  std::vector<std::string> parts;
  for (const auto& f : s.facts()) {
    if (f.name == "group") parts.push_back(listed(s.members(f.items), 4));
  }
  const std::size_t apart = s.subjects().size();
  return fmt::format("The coalition falls into {} separate groups: {} {} no tie to the main group ({})",
                     parts.size() + 1, apart, apart == 1 ? "member has" : "members have", fmt::join(parts, "; "));
}

std::string rarely_named(const Say& s) {
  const std::size_t n = s.subjects().size();
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n && i < s.count("listed"); ++i) names.push_back(s.member(i));
  const std::string more = n > names.size() ? fmt::format(" and {} more", n - names.size()) : "";
  return fmt::format(
      "{} {} named as a partner by at most one respondent: {}{}; the coalition may not see {} as a partner", n,
      n == 1 ? "member is" : "members are", fmt::join(names, ", "), more, n == 1 ? "it" : "them");
}

std::string one_sided(const Say& s) {
  std::vector<std::string> pairs;
  const auto& namers = s.list("namers");
  const auto& named = s.list("named");
  for (std::size_t i = 0; i < namers.size() && i < named.size(); ++i) {
    pairs.push_back(fmt::format("{} names {}", s.names().member(namers[i]), s.names().member(named[i])));
  }
  const std::size_t count = s.count("count");
  const std::string more = count > pairs.size() ? fmt::format(" and {} more", count - pairs.size()) : "";
  return fmt::format(
      "{} {} reported by one side only, though both sides answered ({}{}): a relationship one partner does not see",
      count, count == 1 ? "tie is" : "ties are", fmt::join(pairs, "; "), more);
}

std::string person_cuts_ties(const Say& s) {
  const std::size_t k = s.count("ties");
  std::string out = fmt::format("If {} leaves, {} {} only contact at {}", s.text("person"), counted(k, "tie", "ties"),
                                k == 1 ? "loses its" : "lose their", s.member(1));
  const bool splits = s.has("fragmentation");
  if (splits) {
    out += fmt::format(": {} of pairs of members could no longer reach each other (now {})",
                       percent(s.num("fragmentation")), percent(s.num("before")));
  }
  const auto alone = s.sectors(s.list("sectors_alone"));
  if (!alone.empty()) {
    out += fmt::format("{}{} would keep no tie to any other sector", splits ? ", and " : ": ", and_list(alone));
  }
  return out;
}

std::string single_carried(const Say& s) {
  std::vector<std::string> parts;
  const auto& people = s.list("people");
  const auto& carried = s.list("carried");
  for (std::size_t i = 0; i < people.size() && i < carried.size(); ++i) {
    parts.push_back(fmt::format("{} ({})", people[i], counted(std::stoul(carried[i]), "tie", "ties")));
  }
  const std::size_t single = s.count("single");
  return fmt::format("{} of {} {} {} carried on its side by one contact alone: {}", single, possessive(s.member(0)),
                     counted(s.count("ties"), "tie", "ties"), single == 1 ? "is" : "are", and_list(parts));
}

std::string warm_handoff(const Say& s) {
  std::vector<std::string> parts;
  const FindingNames& names = s.names();
  for (const auto& f : s.facts()) {
    if (f.name == "partner" && f.items.size() == 2) {
      parts.push_back(fmt::format("{} already works with {}", f.items[0], names.member(f.items[1])));
    } else if (f.name == "sector" && f.items.size() == 3) {
      parts.push_back(fmt::format("for {}, {} already works with {}", names.member(f.items[0]), f.items[1],
                                  names.sector(f.items[2])));
    } else if (f.name == "nobody") {
      parts.push_back(
          fmt::format("no one else at {} works with {} yet", s.member(1), and_list(s.members(f.items), " or ")));
    } else if (f.name == "more") {
      parts.push_back(fmt::format("and {} more", s.count("more")));
    }
  }
  return fmt::format("Warm handoff for {}: {}", s.text("person"), fmt::join(parts, "; "));
}

}  // namespace

namespace {

// Coverage gaps: missing, waived, unplaced, thin, cut-off and voiceless sectors.
std::vector<Sentence> sector_sentences() {
  return {
      // sectors
      {"missing-core-sector",
       [](const Say& s) {
         return fmt::format("No member from {}, a core sector of {}{}", s.sector(0),
                            s.num("own") != 0 ? "this coalition's own sectors" : taxonomy(s), invite(s));
       }},
      {"missing-sector",
       [](const Say& s) {
         return fmt::format("No member from {}, a recommended sector of {}{}", s.sector(0), taxonomy(s), invite(s));
       }},
      {"missing-optional-sector",
       [](const Say& s) {
         return fmt::format("No member from {} ({} lists it as optional){}", s.sector(0),
                            s.num("own") != 0 ? "this coalition" : taxonomy(s), invite(s));
       }},
      {"waived-sector", [](const Say& s) { return fmt::format("{} is waived: {}", s.sector(0), s.text("reason")); }},
      {"unplaced-members", unplaced},
      {"thin-sector",
       [](const Say& s) {
         return fmt::format("Only {} represents {}: if they leave, the sector is gone", s.member(1), s.sector(0));
       }},
      {"cut-off-sector",
       [](const Say& s) { return fmt::format("No member from {} has a tie to another sector", s.sector(0)); }},
      {"single-broker-sector",
       [](const Say& s) {
         return fmt::format("All of {} ties to other sectors run through {}", possessive(s.sector(0)), s.member(1));
       }},
      {"no-vote-sector",
       [](const Say& s) { return fmt::format("No member from {} holds a seat in any decision body", s.sector(0)); }},
      {"no-governance",
       [](const Say&) {
         return std::string("The file describes no decision body, so who has a vote cannot be assessed");
       }},
      {"unlinked-sectors", unlinked},
  };
}

// Decision power.
std::vector<Sentence> power_sentences() {
  return {
      // power
      {"body-cannot-decide",
       [](const Say& s) {
         return fmt::format("{} cannot decide: its quota of {} is more than the {} votes of its seats", s.id(0),
                            s.text("quota"), s.text("votes"));
       }},
      {"seat-without-power", seat_without_power},
      {"veto-player", veto_player},
      {"power-below-seats",
       [](const Say& s) {
         return fmt::format("Members from {} hold {} of {}'s seats but {} of its voting power", s.sector(0),
                            percent(s.num("seats")), s.id(1), percent(s.num("power")));
       }},
      {"concentrated-body",
       [](const Say& s) {
         return fmt::format("Decisions of {} effectively rest with {:.1f} of its {} seat holders", s.id(0),
                            s.num("effective"), s.count("seat_holders"));
       }},
      {"no-community-led-members",
       [](const Say&) {
         return std::string(
             "No member is marked community_led: is the coalition engaging organizations that serve "
             "communities experiencing inequities?");
       }},
      {"community-led-power",
       [](const Say& s) {
         if (s.num("seats") == 0.0) return std::string("No community-led member holds a seat in any decision body");
         return fmt::format("Community-led members hold {} of seats and {} of voting power across decision bodies",
                            percent(s.num("seats")), percent(s.num("power")));
       }},
      {"lived-experience-power",
       [](const Say& s) {
         return fmt::format("Members speaking from lived experience hold {} of seats and {} of voting power",
                            percent(s.num("seats")), percent(s.num("power")));
       }},
      {"backbone-brokerage",
       [](const Say& s) {
         return fmt::format(
             "The backbone, {}, carries {} of all brokerage (betweenness): most paths between members run through it",
             s.member(0), percent(s.num("share")));
       }},
      {"concentrated-roles",
       [](const Say& s) {
         return fmt::format("{} holds several roles at once: {}", s.member(0), fmt::join(s.list("roles"), ", "));
       }},
      {"resources-and-power",
       [](const Say& s) {
         return fmt::format("{} brings {} of the stated funding and holds {} of voting power", s.member(0),
                            percent(s.num("funding")), percent(s.num("power")));
       }},
  };
}

// The network, departures, surveys and people.
std::vector<Sentence> network_sentences() {
  return {
      // the network and departures
      {"separate-groups", separate_groups},
      {"isolated-member", [](const Say& s) { return fmt::format("{} has no tie to any other member", s.member(0)); }},
      {"departure-splits-network",
       [](const Say& s) {
         return fmt::format(
             "If {} leaves, {} of pairs of the remaining members can no longer reach each other (now {})", s.member(0),
             percent(s.num("fragmentation")), percent(s.num("before")));
       }},
      {"departure-unlinks-sector",
       [](const Say& s) {
         return fmt::format("If {} leaves, no member from {} keeps a tie to another sector", s.member(0), s.sector(1));
       }},
      {"departure-blocks-body",
       [](const Say& s) {
         return fmt::format("If {} leaves, {} can no longer reach its quota", s.member(0), s.id(1));
       }},
      // surveys
      {"low-response-rate",
       [](const Say& s) {
         return fmt::format(
             "Only {} of {} members answered the survey ({}); below {} the map of who works with whom misses too "
             "many ties to be trusted",
             s.count("respondents"), s.count("members"), percent(s.num("rate")), percent(s.num("minimum")));
       }},
      {"rarely-named", rarely_named},
      {"one-sided-ties", one_sided},
      {"low-trust-between-sectors",
       [](const Say& s) {
         return fmt::format(
             "Members from {} rate their trust in members from {} at {:.1f} of 4 on average ({} responses)",
             s.sector(0), s.sector(1), s.num("trust"), s.count("responses"));
       }},
      {"valued-without-seat",
       [](const Say& s) {
         return fmt::format(
             "Partners value {} for its resources ({:.1f} of 4) but it holds no seat in any decision body", s.member(0),
             s.num("resources"));
       }},
      // people
      {"person-departure-cuts-ties", person_cuts_ties},
      {"member-single-carrier",
       [](const Say& s) {
         const std::size_t ties = s.count("ties");
         return fmt::format("{} {} ties run through one person, {}",
                            ties == 2 ? std::string("Both of") : fmt::format("All {} of", ties),
                            possessive(s.member(0)), s.text("person"));
       }},
      {"single-carried-ties", single_carried},
      {"warm-handoff", warm_handoff},
  };
}

}  // namespace

namespace detail {

const std::vector<Sentence>& analysis_sentences() {
  static const std::vector<Sentence> table = [] {
    std::vector<Sentence> out = sector_sentences();
    for (auto&& part : {power_sentences(), network_sentences()}) out.insert(out.end(), part.begin(), part.end());
    return out;
  }();
  return table;
}

}  // namespace detail

std::string finding_text(const Finding& finding, const FindingNames& names) {
  const Say say(finding.subjects, finding.facts, names);
  for (const auto* table : {&detail::analysis_sentences(), &detail::comparison_sentences()}) {
    const auto it =
        std::find_if(table->begin(), table->end(), [&](const Sentence& s) { return s.code == finding.code; });
    if (it != table->end()) return it->say(say);
  }
  return finding.code;  // a code with no sentence (none: tests/finding_text_test.cpp checks)
}

std::vector<std::string_view> sentence_codes() {
  std::vector<std::string_view> out;
  for (const auto* table : {&detail::analysis_sentences(), &detail::comparison_sentences()}) {
    for (const auto& s : *table) out.push_back(s.code);
  }
  return out;
}

}  // namespace xsector
