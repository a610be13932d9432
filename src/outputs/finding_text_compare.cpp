// The sentence table of a comparison's findings (what changed between two waves, and among
// the people who carry the ties), the headlines of finding groups, and the next actions.
#include <fmt/format.h>

#include <algorithm>

#include "outputs/finding_text_parts.hpp"
#include "outputs/wording.hpp"
#include "xsector/finding_text.hpp"

namespace xsector {

using detail::and_list;
using detail::listed;
using detail::percent;
using detail::Say;
using detail::Sentence;

namespace {

/// "rose from 12% to 15%" and the like, for a figure's change.
std::string moved(const Say& s, bool shares) {
  const char* way = s.num("change") > 0 ? "rose" : "fell";
  if (shares) return fmt::format("{} from {} to {}", way, percent(s.num("before")), percent(s.num("after")));
  return fmt::format("{} from {:.2f} to {:.2f}", way, s.num("before"), s.num("after"));
}

std::string qap(const Say& s) {
  const std::string& p = s.text("p_value_text");
  return fmt::format("{} among the {} members in both waves correlate at r = {:.2f} (QAP p {}{}): {}",
                     s.num("valued") != 0 ? "Tie levels" : "Ties", s.count("members"), s.num("correlation"),
                     p.starts_with("<") ? "" : "= ", p,
                     s.num("p_value") < 0.05 ? "the network kept its shape more than chance would"
                                             : "no more alike than a random relabelling would be");
}

std::string respondents(const Say& s) {
  std::string out = fmt::format("Different members answered the two surveys: {} answered both", s.count("both"));
  const auto& first = s.list("only_first");
  if (!first.empty()) {
    std::vector<std::string> names;
    names.reserve(first.size());
    for (const auto& id : first) names.push_back(s.names().earlier_member(id));
    out += fmt::format("; only the first: {}", and_list(names));
  }
  const auto& second = s.list("only_second");
  if (!second.empty()) out += fmt::format("; only the second: {}", and_list(s.members(second)));
  out += s.num("restricted") != 0 ? "; ties are compared only between members who answered both"
                                  : "; a tie formed or dissolved by a member who answered once may be a change in "
                                    "who answered (--respondents both compares only members who answered both)";
  return out;
}

std::string contacts(const Say& s, const char* what) {
  const std::size_t n = s.subjects().size();
  return fmt::format("{} {} {}: {}", n, n == 1 ? "contact" : "contacts", what, and_list(s.list("people")));
}

std::string replaced(const Say& s) {
  const std::string member = s.member(0);
  if (s.has("old_name")) {
    return fmt::format("At {}, {} took over as {} from {}", member, s.text("new_name"), s.text("role"),
                       s.text("old_name"));
  }
  return fmt::format("At {}, a new {} took over from the previous one", member,
                     s.num("hidden") != 0 ? std::string("contact") : s.text("role"));
}

std::string ties_left(const Say& s) {
  std::vector<std::string> pairs;
  for (std::size_t i = 0; i + 1 < s.subjects().size(); i += 2) {
    pairs.push_back(fmt::format("{} with {}", s.member(i), s.member(i + 1)));
  }
  const std::size_t n = pairs.size();
  return fmt::format("{} carried {} ended with a member that left the coalition: {}", n,
                     n == 1 ? "relationship" : "relationships", and_list(pairs));
}

/// "A with B": the side whose carrier left, and its partner.
std::string pair_of(const Say& s) {
  return fmt::format("{} with {}", s.names().member(s.text("member")), s.names().member(s.text("other")));
}

}  // namespace

namespace detail {

const std::vector<Sentence>& comparison_sentences() {
  static const std::vector<Sentence> table = {
      {"membership-change",
       [](const Say& s) {
         const std::size_t joined = s.count("joined");
         return fmt::format("{} member{} joined and {} left; {} stayed", joined, joined == 1 ? "" : "s",
                            s.count("left"), s.count("kept"));
       }},
      {"sector-joined", [](const Say& s) { return s.sector(0) + " joined the table"; }},
      {"sector-lost", [](const Say& s) { return s.sector(0) + " is no longer at the table"; }},
      {"sector-cut-off", [](const Say& s) { return s.sector(0) + " is now tied to no other sector"; }},
      {"sector-reconnected", [](const Say& s) { return s.sector(0) + " is tied to other sectors again"; }},
      {"sector-thinned", [](const Say& s) { return s.sector(0) + " now rests on one member"; }},
      {"single-broker-now",
       [](const Say& s) { return s.sector(0) + "'s ties to other sectors now all go through one member"; }},
      {"vote-lost", [](const Say& s) { return s.sector(0) + " no longer has a vote"; }},
      {"density-change", [](const Say& s) { return "Density " + moved(s, false); }},
      {"backbone-brokerage-change",
       [](const Say& s) { return "The backbone's share of betweenness " + moved(s, true); }},
      {"community-power-change",
       [](const Say& s) { return "Community-led members' share of voting power " + moved(s, true); }},
      {"power-shift",
       [](const Say& s) { return fmt::format("{}'s share of voting power {}", s.member(0), moved(s, true)); }},
      {"qap", qap},
      {"respondents-changed", respondents},
      {"different-coalitions",
       [](const Say& s) {
         return fmt::format(
             "Compared as two coalitions, not as waves of one: {}; members and sectors only in one file are "
             "differences, not departures",
             s.text("note"));
       }},
      {"waves-reordered",
       [](const Say& s) {
         return fmt::format("{} ({}) is dated before {} ({}): compared from the earlier wave to the later",
                            s.text("earlier_file"), s.text("earlier_date"), s.text("later_file"), s.text("later_date"));
       }},
      // the people who carry the ties
      {"contacts-left", [](const Say& s) { return contacts(s, "left"); }},
      {"contacts-joined", [](const Say& s) { return contacts(s, "joined"); }},
      {"contact-replaced", replaced},
      {"ties-left-with-member", ties_left},
      {"handoff",
       [](const Say& s) {
         const auto& carriers = s.list("carriers");
         return fmt::format("The relationship of {} survived the departure of {}: {} now {} it", pair_of(s),
                            and_list(s.list("departed")), and_list(carriers),
                            carriers.size() == 1 ? "carries" : "carry");
       }},
      {"carrier-left-tie-lost",
       [](const Say& s) {
         return fmt::format("The relationship of {} dissolved after {} left", pair_of(s), and_list(s.list("departed")));
       }},
      {"carrier-left-tie-uncarried",
       [](const Say& s) {
         return fmt::format(
             "The relationship of {} is still there after {} left, but no one at {} is named as carrying it",
             pair_of(s), and_list(s.list("departed")), s.names().member(s.text("member")));
       }},
  };
  return table;
}

}  // namespace detail

namespace {

/// What a group of findings of one code says: which subject names it (its position in a
/// finding's subjects, and whether it is a member, a sector or a body) and the sentence, with
/// {n} the number of findings and {who} the first names.
struct GroupSentence {
  std::string_view code;
  enum Kind { member, sector, body } kind;
  std::size_t subject;
  std::string_view text;
};

const std::vector<GroupSentence>& group_sentences() {
  static const std::vector<GroupSentence> table = {
      {"missing-core-sector", GroupSentence::sector, 0, "{n} core sectors have no member: {who}"},
      {"missing-sector", GroupSentence::sector, 0, "{n} recommended sectors have no member: {who}"},
      {"missing-optional-sector", GroupSentence::sector, 0, "{n} optional sectors have no member: {who}"},
      {"waived-sector", GroupSentence::sector, 0, "{n} sectors are waived: {who}"},
      {"thin-sector", GroupSentence::sector, 0, "{n} sectors rest on a single member: {who}"},
      {"cut-off-sector", GroupSentence::sector, 0, "{n} sectors are at the table but tied to no other sector: {who}"},
      {"single-broker-sector", GroupSentence::sector, 0,
       "{n} sectors reach the other sectors through one member only: {who}"},
      {"no-vote-sector", GroupSentence::sector, 0, "{n} sectors hold no seat in any decision body: {who}"},
      {"body-cannot-decide", GroupSentence::body, 0, "{n} decision bodies cannot reach their quota: {who}"},
      {"seat-without-power", GroupSentence::member, 0, "{n} seats carry no voting power: {who}"},
      {"veto-player", GroupSentence::member, 0, "{n} seats can block decisions alone: {who}"},
      {"power-below-seats", GroupSentence::sector, 0,
       "In {n} cases a sector holds less voting power than seats: {who}"},
      {"concentrated-body", GroupSentence::body, 0, "Decisions of {n} bodies rest with fewer than two members: {who}"},
      {"isolated-member", GroupSentence::member, 0, "{n} members have no tie to any other member: {who}"},
      {"departure-splits-network", GroupSentence::member, 0, "{n} members would cut others off if they left: {who}"},
      {"departure-unlinks-sector", GroupSentence::member, 0,
       "{n} departures would leave a sector with no tie to the other sectors, if {who} left"},
      {"departure-blocks-body", GroupSentence::member, 0,
       "{n} departures would leave a decision body unable to decide, if {who} left"},
      {"concentrated-roles", GroupSentence::member, 0, "{n} members hold several roles at once: {who}"},
      {"person-departure-cuts-ties", GroupSentence::member, 1,
       "{n} people alone carry ties the coalition cannot lose (their departure splits the network or leaves a "
       "sector with no tie to the others), at {who}"},
      {"member-single-carrier", GroupSentence::member, 0, "{n} members reach every partner through one person: {who}"},
      {"single-carried-ties", GroupSentence::member, 0,
       "{n} members have ties that one contact alone carries on their side: {who}"},
      {"warm-handoff", GroupSentence::member, 1, "{n} suggested warm handoffs, for contacts at {who}"},
      {"low-trust-between-sectors", GroupSentence::sector, 0,
       "In {n} cases members of one sector rate their trust in another sector low, from {who}"},
      {"valued-without-seat", GroupSentence::member, 0,
       "{n} members valued for their resources hold no seat in any decision body: {who}"},
  };
  return table;
}

}  // namespace

std::string group_text(const FindingGroup& group, const FindingNames& names) {
  const auto& items = group.items;
  if (items.empty()) return {};
  if (items.size() == 1) return finding_text(items.front(), names);
  const auto& table = group_sentences();
  const auto sentence =
      std::find_if(table.begin(), table.end(), [&](const GroupSentence& g) { return g.code == group.code; });
  if (sentence == table.end()) {
    return fmt::format("{} (and {} more like it)", finding_text(items.front(), names), items.size() - 1);
  }
  std::vector<std::string> who;  // each finding's subject, named, each once in the findings' order
  for (const auto& f : items) {
    if (f.subjects.size() <= sentence->subject) continue;
    const std::string& id = f.subjects[sentence->subject];
    std::string name = sentence->kind == GroupSentence::member   ? names.member(id)
                       : sentence->kind == GroupSentence::sector ? names.sector(id)
                                                                 : id;
    if (std::find(who.begin(), who.end(), name) == who.end()) who.push_back(std::move(name));
  }
  return fmt::format(fmt::runtime(sentence->text), fmt::arg("n", items.size()), fmt::arg("who", listed(who, 4)));
}

namespace {

/// Each action's two sentences: what to do, and why.
struct ActionSentence {
  std::string_view code;
  std::string (*text)(const Say&);
  std::string (*why)(const Say&);
};

std::string invite_text(const Say& s) {
  const auto& examples = s.list("examples");
  std::string such;
  for (std::size_t i = 0; i < examples.size(); ++i) {
    such += (i == 0 ? "" : i + 1 == examples.size() ? " or " : ", ") + examples[i];
  }
  return such.empty() ? fmt::format("Invite a member from {}", s.sector(0))
                      : fmt::format("Invite a member from {}, such as {}", s.sector(0), such);
}

std::string invite_why(const Say& s) {
  const auto& core = s.list("core");
  if (core.size() == 1) return fmt::format("{} is a core sector and no member comes from it", s.sector(0));
  return fmt::format("{} core sectors have no member yet: {}", core.size(), listed(s.sectors(core), 4));
}

std::string add_tie_text(const Say& s) {
  const auto cut = s.members(s.list("cut"));
  if (cut.size() == 1) {
    return fmt::format("Give {} a second tie or contact, so it does not depend on {} alone", listed(cut, 4),
                       s.member(0));
  }
  return fmt::format("Give the {} members who reach the others only through {} a second tie or contact: {}", cut.size(),
                     s.member(0), listed(cut, 4));
}

std::string add_tie_why(const Say& s) {
  const auto cut = s.members(s.list("cut"));
  if (cut.size() == 1) return fmt::format("If {} leaves, {} is cut off from everyone else", s.member(0), cut.front());
  return fmt::format("If {} leaves, these {} members lose every path to the rest", s.member(0), cut.size());
}

std::string seat_text(const Say& s) {
  const std::string such = listed(s.members(s.list("members")), 3);
  if (s.text("for") == "community-led") {
    return fmt::format("Open a seat on {} to a community-led member, such as {}", s.id(0), such);
  }
  return fmt::format("Open a seat on {} to a member from {}, such as {}", s.id(0), s.sector(1), such);
}

std::string seat_why(const Say& s) {
  if (s.text("for") == "community-led") return "No community-led member holds a seat in any decision body";
  if (s.count("voiceless") == 1) {
    return fmt::format("{} is at the table but holds no seat in any decision body", s.sector(1));
  }
  return fmt::format("{} sectors are at the table but hold no seat in any decision body", s.count("voiceless"));
}

const std::vector<ActionSentence>& action_sentences() {
  static const std::vector<ActionSentence> table = {
      {"invite-sector", invite_text, invite_why},
      {"connect-members",
       [](const Say& s) {
         return fmt::format("Introduce {} to the rest of the coalition", listed(s.members(s.subjects()), 4));
       },
       [](const Say& s) {
         return fmt::format("{} no tie, direct or indirect, to the main group of members",
                            s.subjects().size() == 1 ? "This member has" : "These members have");
       }},
      {"add-tie", add_tie_text, add_tie_why},
      {"open-seat", seat_text, seat_why},
  };
  return table;
}

const ActionSentence* action_sentence(std::string_view code) {
  const auto& table = action_sentences();
  const auto it = std::find_if(table.begin(), table.end(), [&](const ActionSentence& a) { return a.code == code; });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace

std::string action_text(const Action& action, const FindingNames& names) {
  const ActionSentence* a = action_sentence(action.code);
  return a == nullptr ? action.code : a->text(Say(action.subjects, action.facts, names));
}

std::string action_why(const Action& action, const FindingNames& names) {
  const ActionSentence* a = action_sentence(action.code);
  return a == nullptr ? std::string() : a->why(Say(action.subjects, action.facts, names));
}

std::vector<std::string_view> action_sentence_codes() {
  std::vector<std::string_view> out;
  for (const auto& a : action_sentences()) out.push_back(a.code);
  return out;
}

}  // namespace xsector
