// The sentences of findings, finding groups and next actions: one table in the writers, by
// code, filled from a finding's facts and the names of the members and sectors it is about.
// Every writer (table, Markdown, JSON, CSV, the HTML report, the workbook) takes its words
// from here; a translation changes this table and nothing else.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"

namespace xsector {

/// Where a sentence finds the names of the members and sectors a finding holds by id: names,
/// never ids, wherever a name exists (an id found nowhere is shown as is).
class FindingNames {
 public:
  /// One coalition: its members, and the sectors of `sectors` (an analysis's `sectors.index`,
  /// which holds the taxonomy's sectors). O(n + S).
  FindingNames(const Coalition& coalition, const SectorIndex& sectors);
  /// Two waves: members and sectors by the later wave's names first, then the earlier's.
  /// Both must outlive this. O(n).
  FindingNames(const Coalition& before, const Coalition& after);

  std::string member(const std::string& id) const;          ///< the later wave's name first
  std::string earlier_member(const std::string& id) const;  ///< the earlier wave's name first
  std::string sector(const std::string& id) const;

 private:
  std::unordered_map<std::string, std::string> members_;
  std::unordered_map<std::string, std::string> earlier_;
  std::unordered_map<std::string, std::string> sectors_;
  const Coalition* before_ = nullptr;  // two waves: sectors are found in the coalitions
  const Coalition* after_ = nullptr;
};

/// The sentence of `finding`, from the sentence table; a code with no sentence (none the
/// library emits) reads as its code. O(table + size of the sentence).
std::string finding_text(const Finding& finding, const FindingNames& names);

/// The headline of a group: its finding's sentence for a group of one, else how many there
/// are and the first four subjects named (`8 sectors rest on a single member: ...`).
std::string group_text(const FindingGroup& group, const FindingNames& names);

/// What to do (`Invite a member from ...`) and why (the finding behind it).
std::string action_text(const Action& action, const FindingNames& names);
std::string action_why(const Action& action, const FindingNames& names);

/// The finding codes and the action codes the sentence table has sentences for.
std::vector<std::string_view> sentence_codes();
std::vector<std::string_view> action_sentence_codes();

}  // namespace xsector
