// Decision rights from a spreadsheet: a Governance sheet with one row per seat (Body, Rule,
// Quota, Member, Votes).
#include <fmt/format.h>

#include <charconv>
#include <string>
#include <vector>

#include "exchange/roster.hpp"

namespace xsector::detail {

namespace {

/// A rule by name (majority, two-thirds, unanimity, consensus; any case, `2/3`, `two thirds`,
/// `unanimous` too); nullopt otherwise.
std::optional<Rule::Kind> rule_kind(const std::string& text) {
  const std::string v = header_key(text);
  if (v == "majority" || v == "simple majority") return Rule::Kind::majority;
  if (v == "two thirds" || v == "2/3") return Rule::Kind::two_thirds;
  if (v == "unanimity" || v == "unanimous") return Rule::Kind::unanimity;
  if (v == "consensus") return Rule::Kind::consensus;
  return std::nullopt;
}

std::optional<std::int64_t> whole_number(const std::string& text) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || ptr != text.data() + text.size() || v < 1) return std::nullopt;
  return v;
}

/// The body's rule from a row's Rule and Quota; an error message otherwise.
std::string read_rule(const std::string& rule_text, const std::string& quota_text, Rule& rule) {
  if (!quota_text.empty()) {
    const auto quota = whole_number(quota_text);
    if (!quota) return fmt::format("quota '{}' is not a whole number of at least 1", quota_text);
    rule.kind = Rule::Kind::quota;
    rule.explicit_quota = *quota;
    return {};
  }
  if (rule_text.empty()) return {};
  const auto kind = rule_kind(rule_text);
  if (!kind) return fmt::format("rule '{}' is not majority, two-thirds, unanimity or consensus", rule_text);
  rule.kind = *kind;
  return {};
}

}  // namespace

void read_governance_sheet(const SheetTable& table, const NameIndex& names, Coalition& c, Provenance& where,
                           RowProblems& problems) {
  std::vector<Diagnostic> fatal;
  const Sheet sheet(table, SheetKind::survey, ImportOptions{}, fatal);
  for (auto& d : fatal) problems.add_fatal(std::move(d));
  if (!fatal.empty()) return;
  if (!sheet.has("body") || !sheet.has("member")) {
    problems.add_fatal({table.where,
                        {1, 1},
                        "the Governance sheet needs the columns Body and Member (and Rule, "
                        "Quota, Votes as needed)"});
    return;
  }
  std::map<std::string, std::size_t> body_of;  // body id -> index in c.governance
  std::vector<Unmatched> unmatched;
  for (const SheetRow& row : sheet.rows()) {
    const std::string body_text = sheet.get(row, "body");
    const std::string member_text = sheet.get(row, "member");
    const std::string id = slug_of(body_text);
    if (id.empty()) {
      problems.add(table.where, row.line, "no body named: give the decision body in Body");
      continue;
    }
    auto [at, fresh] = body_of.emplace(id, c.governance.size());
    if (fresh) {
      Body b;
      b.id = id;
      b.pos = where.mark({table.where, {row.line, 1}, fmt::format("body '{}'", id)});
      c.governance.push_back(std::move(b));
    }
    Body& body = c.governance[at->second];
    if (std::string problem = read_rule(sheet.get(row, "rule"), sheet.get(row, "quota"), body.rule); !problem.empty())
      problems.add(table.where, row.line, problem);
    if (member_text.empty()) continue;  // a row that only sets the rule
    const auto member = names.find(member_text);
    if (!member) {
      unmatched.push_back({member_text, row.line});
      continue;
    }
    const std::string votes_text = sheet.get(row, "votes");
    const auto votes = votes_text.empty() ? std::optional<std::int64_t>(1) : whole_number(votes_text);
    if (!votes) {
      problems.add(table.where, row.line, fmt::format("votes '{}' is not a whole number of at least 1", votes_text));
      continue;
    }
    const bool seated =
        std::any_of(body.seats.begin(), body.seats.end(), [&](const Seat& s) { return s.member == *member; });
    if (seated) {
      problems.add(table.where, row.line, fmt::format("'{}' already has a seat on '{}'", member_text, body_text));
      continue;
    }
    body.seats.push_back(
        {*member, *votes, where.mark({table.where, {row.line, 1}, fmt::format("seat of '{}'", member_text)})});
  }
  if (!unmatched.empty()) problems.add(table.where, unmatched.front().row, unmatched_message(unmatched, names));
}

}  // namespace xsector::detail
