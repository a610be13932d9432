// Ties from a ties sheet and from a roster's partner-list column: names matched forgivingly,
// a pair named from both sides (or twice) made one tie at the lower level given.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "exchange/roster.hpp"
#include "load/yaml_reader.hpp"

namespace xsector::detail {

namespace {

/// A tie as read, before pairs named twice are joined.
struct PendingTie {
  Tie tie;
  bool level_given = false;
  bool from_list = false;
  Origin origin;
};

/// The ties read so far, joined by pair.
class TieSet {
 public:
  /// Adds a tie, or joins it to the undirected tie of its pair; returns an error message when
  /// the pair is already tied in a way it cannot be joined with.
  std::string add(PendingTie t) {
    const auto key = std::minmax(t.tie.a, t.tie.b);
    auto& earlier = by_pair_[key];
    for (const std::size_t k : earlier) {
      PendingTie& e = ties_[k];
      if (!e.tie.directed && !t.tie.directed) {
        join(e, t);
        return {};
      }
      if (!(e.tie.directed && t.tie.directed && e.tie.a != t.tie.a)) return "already connected";
    }
    earlier.push_back(ties_.size());
    ties_.push_back(std::move(t));
    return {};
  }
  std::vector<PendingTie>& ties() { return ties_; }

 private:
  static void join(PendingTie& e, const PendingTie& t) {
    if (t.level_given) {
      e.tie.level = e.level_given ? std::min(e.tie.level, t.tie.level) : t.tie.level;
      e.level_given = true;
    }
    for (const auto& k : t.tie.kinds) {
      if (std::find(e.tie.kinds.begin(), e.tie.kinds.end(), k) == e.tie.kinds.end()) e.tie.kinds.push_back(k);
    }
    for (const auto& p : t.tie.carried_by) {
      if (std::find(e.tie.carried_by.begin(), e.tie.carried_by.end(), p) == e.tie.carried_by.end())
        e.tie.carried_by.push_back(p);
    }
    e.from_list = e.from_list || t.from_list;
  }
  std::vector<PendingTie> ties_;
  std::map<std::pair<std::size_t, std::size_t>, std::vector<std::size_t>> by_pair_;
};

/// A level from its number or name; an error message (with a did-you-mean) otherwise.
std::optional<TieLevel> read_level(const std::string& text, std::string_view what, std::string& problem) {
  if (const auto level = level_of(text)) return static_cast<TieLevel>(*level);
  static const std::vector<std::string> names = {"networking", "coordinating", "cooperating", "collaborating"};
  const std::string hint = did_you_mean(lower(text), names);
  problem = hint.empty() ? fmt::format("{} '{}' is not a level 1-4", what, text)
                         : fmt::format("{} '{}' is not a level 1-4{}", what, text, hint);
  return std::nullopt;
}

/// The ties sheet's rows.
void read_sheet_ties(const Sheet& sheet, const MemberIndex& index, TieSet& set, RowProblems& problems) {
  std::vector<Unmatched> unmatched;
  for (const auto& row : sheet.rows()) {
    const std::string from_text = sheet.get(row, "from");
    const std::string to_text = sheet.get(row, "to");
    const auto from = index.names.find(from_text);
    const auto to = index.names.find(to_text);
    if (!from || !to) {
      const std::string& missing = !from ? from_text : to_text;
      if (const auto bad = index.refused.find(missing); bad != index.refused.end()) {
        problems.add(sheet.file(), row.line,
                     fmt::format("left out with element '{}', refused at {}:{}", missing, index.file, bad->second));
      } else {
        unmatched.push_back({missing, row.line});
      }
      continue;
    }
    if (*from == *to) {
      problems.add(sheet.file(), row.line, fmt::format("a connection from '{}' to itself", from_text));
      continue;
    }
    const std::string strength = sheet.get(row, "strength");
    const std::string type = sheet.get(row, "type");
    std::string problem;
    const auto level = read_level(strength.empty() ? (type.empty() ? "1" : type) : strength, "strength", problem);
    const std::string direction = lower(sheet.get(row, "direction"));
    if (level && !direction.empty() && direction != "directed" && direction != "undirected" && direction != "mutual")
      problem = fmt::format("direction '{}' is not directed, undirected or mutual", direction);
    PendingTie t;
    if (problem.empty()) {
      t.tie.a = *from;
      t.tie.b = *to;
      t.tie.directed = direction == "directed";
      t.tie.form = t.tie.directed ? TieForm::from_to : TieForm::between;
      t.tie.level = *level;
      t.level_given = !strength.empty() || !type.empty();
      t.tie.kinds = split(sheet.get(row, "tags"), '|');
      t.tie.carried_by = split(sheet.get(row, "carried by"), '|');
      for (const auto& [name, k] : sheet.extra()) {
        if (const std::string v = sheet.cell(row, k); !v.empty()) t.tie.attributes.emplace_back(name, v);
      }
      t.origin = {sheet.file(), {row.line, 1}, fmt::format("connection {} -> {}", from_text, to_text)};
      if (const std::string clash = set.add(std::move(t)); !clash.empty())
        problem = fmt::format("'{}' and '{}' are {}", from_text, to_text, clash);
    }
    if (!problem.empty()) problems.add(sheet.file(), row.line, problem);
  }
  if (!unmatched.empty()) problems.add(sheet.file(), unmatched.front().row, unmatched_message(unmatched, index.names));
}

/// The partners a partner-list cell names: separated by `,` `;` `|` or line breaks.
std::vector<std::string> partner_names(const std::string& cell) {
  std::string text = cell;
  std::replace_if(
      text.begin(), text.end(), [](char ch) { return ch == ';' || ch == '|' || ch == '\n' || ch == '\r'; }, ',');
  return split(text, ',');
}

/// The members sheet's partner list; returns the rows' unmatched names.
void read_partner_lists(const Sheet& members, const RosterColumns& roster, const MemberIndex& index, TieSet& set,
                        RowProblems& problems) {
  std::vector<Unmatched> unmatched;
  for (const auto& row : members.rows()) {
    const auto self = index.row_member.find(row.line);
    const std::string cell = roster.get(members, row, "partners");
    if (self == index.row_member.end() || cell.empty()) continue;
    const std::string level_text = roster.get(members, row, "level");
    std::string problem;
    const auto level =
        level_text.empty() ? std::optional(TieLevel::networking) : read_level(level_text, "level", problem);
    if (!level) {
      problems.add(members.file(), row.line, problem);
      continue;
    }
    for (const auto& name : partner_names(cell)) {
      const auto other = index.names.find(name);
      if (!other) {
        if (!index.refused.contains(name)) unmatched.push_back({name, row.line});
        continue;
      }
      if (*other == self->second) continue;  // a member listing itself
      PendingTie t;
      t.tie.a = self->second;
      t.tie.b = *other;
      t.tie.form = TieForm::between;
      t.tie.level = *level;
      t.level_given = !level_text.empty();
      t.from_list = true;
      t.origin = {members.file(), {row.line, 1}, fmt::format("partner '{}' of row {}", name, row.line)};
      (void)set.add(std::move(t));  // a pair the list names is undirected: it always joins
    }
  }
  if (!unmatched.empty())
    problems.add(members.file(), unmatched.front().row, unmatched_message(unmatched, index.names));
}

}  // namespace

std::size_t read_ties(const Sheet& ties, const Sheet& members, const RosterColumns& roster, const MemberIndex& index,
                      BuiltImport& built, RowProblems& problems) {
  TieSet set;
  read_sheet_ties(ties, index, set, problems);
  if (roster.column.contains("partners")) read_partner_lists(members, roster, index, set, problems);
  std::size_t from_list = 0;
  for (PendingTie& t : set.ties()) {
    t.tie.pos = built.where.mark(std::move(t.origin));
    if (t.from_list) ++from_list;
    built.coalition.ties.push_back(std::move(t.tie));
  }
  return from_list;
}

}  // namespace xsector::detail
