// The coalition loader's `survey` (docs/surveys.md): respondents and their responses.
#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "load/coalition_loader.hpp"
#include "load/validate.hpp"

namespace xsector::detail {

void CoalitionLoader::read_survey(const Node& node) {
  static const std::vector<std::string> keys = {"name", "fielded", "respondents", "tie_rule", "responses"};
  auto f = reader_.fields(node, keys, "'survey'");
  if (!f) return;
  Survey survey;
  survey.pos = reader_.pos(node);
  bool ok = true;
  if (const auto* n = f->get("name")) {
    if (auto v = reader_.text(*n, "the survey's name"))
      survey.name = *v;
    else
      ok = false;
  }
  if (const auto* d = f->get("fielded")) {
    if (auto v = reader_.date(*d, "fielded", "2025-05-01"))
      survey.fielded = *v;
    else
      ok = false;
  }
  if (const auto* r = f->get("tie_rule")) {
    static const std::vector<std::string> rules = {"any", "both"};  // in the order of TieRule
    if (auto i = reader_.choice(*r, "tie_rule", rules, "'any' (either side names the other) or 'both' (both sides do)"))
      survey.tie_rule = static_cast<TieRule>(*i);
    else
      ok = false;
  }
  // Member index -> line of its entry in respondents; nullopt when respondents could not be read.
  std::optional<std::unordered_map<std::size_t, int>> respondents;
  if (const auto* r = f->get("respondents")) {
    respondents = read_respondents(*r, survey);
    if (!respondents) ok = false;
  } else {
    reader_.missing(*f, "respondents", survey.pos,
                    "'survey' needs 'respondents': the members who answered (an empty list [] if none did)");
    ok = false;
  }
  if (const auto* r = f->get("responses")) {
    if (!read_responses(*r, survey, respondents ? &*respondents : nullptr)) ok = false;
  }
  if (ok) coalition_.survey = std::move(survey);
}

std::optional<std::unordered_map<std::size_t, int>> CoalitionLoader::read_respondents(const Node& node,
                                                                                      Survey& survey) {
  if (!node.IsSequence()) {
    if (!node.IsNull()) {
      reader_.error(reader_.pos(node), "'respondents' must be a list of member ids, like [a, b]");
      return std::nullopt;
    }
    return std::unordered_map<std::size_t, int>{};
  }
  std::unordered_map<std::size_t, int> seen;
  bool ok = true;
  for (const Node who : node) {
    auto id = reader_.slug(who, "respondent");
    if (!id) {
      ok = false;
      continue;
    }
    auto i = member_ref(who, *id, "respondents");
    if (!i) {
      ok = false;
      continue;
    }
    const auto [it, inserted] = seen.emplace(*i, reader_.pos(who).line);
    if (!inserted) {
      reader_.error(reader_.pos(who),
                    fmt::format("'{}' is listed twice in respondents (first at line {})", *id, it->second));
      ok = false;
      continue;
    }
    survey.respondents.push_back(*i);
  }
  if (!ok) return std::nullopt;
  return seen;
}

bool CoalitionLoader::read_items(const Node& node, std::string_view what, const std::array<std::string_view, 3>& names,
                                 std::array<std::optional<int>, 3>& out) {
  static const std::vector<std::string> trust_keys(trust_item_names.begin(), trust_item_names.end());
  static const std::vector<std::string> value_keys(value_item_names.begin(), value_item_names.end());
  const auto& keys = names == trust_item_names ? trust_keys : value_keys;
  if (!node.IsMap()) {
    reader_.error(reader_.pos(node), fmt::format("'{}' must be a map of ratings 1-4, like {{{}: 3}}", what, keys[0]));
    return false;
  }
  auto f = reader_.fields(node, keys, fmt::format("'{}'", what));
  if (!f) return false;
  bool ok = true;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const auto* item = f->get(keys[i]);
    if (item == nullptr) continue;
    auto v = reader_.integer(*item, fmt::format("{} {}", what, keys[i]));
    if (!v) {
      ok = false;
      continue;
    }
    if (*v < 1 || *v > 4) {
      reader_.error(reader_.pos(*item), fmt::format("{} {} must be a rating from 1 to 4, found {}", what, keys[i], *v));
      ok = false;
      continue;
    }
    out[i] = static_cast<int>(*v);
  }
  return ok;
}

bool CoalitionLoader::read_responses(const Node& node, Survey& survey,
                                     const std::unordered_map<std::size_t, int>* respondents) {
  if (node.IsNull()) return true;
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'responses' must be a list of responses");
    return false;
  }
  static const std::vector<std::string> keys = {"by",    "about", "level", "frequency",
                                                "kinds", "trust", "value", "contact"};
  std::unordered_map<std::uint64_t, int> answered;  // (by, about) -> line of the response
  answered.reserve(node.size());
  survey.responses.reserve(node.size());
  bool all_ok = true;
  for (const Node item : node) {
    auto f = reader_.fields(item, keys, "a survey response");
    if (!f) {
      all_ok = false;
      continue;
    }
    Response r;
    r.pos = reader_.pos(item);
    const auto by = response_member(*f, r.pos, "by", "the member who answered");
    const auto about = response_member(*f, r.pos, "about", "the member it rates");
    bool ok = by && about;
    if (by && respondents != nullptr && !respondents->contains(*by)) {
      reader_.error(
          reader_.pos(*f->get("by")),
          fmt::format("'{}' answered but is not listed in the survey's respondents", coalition_.members[*by].id));
      ok = false;
    }
    if (by && about && !rates_new_partner(*f, r.pos, *by, *about, answered)) ok = false;
    if (!read_response_ratings(*f, r)) ok = false;
    if (!read_response_contact(*f, r, by)) ok = false;
    if (!ok) {
      all_ok = false;
      continue;
    }
    r.by = *by;
    r.about = *about;
    survey.responses.push_back(std::move(r));
  }
  return all_ok;
}

std::optional<std::size_t> CoalitionLoader::response_member(const Fields& f, SourcePos pos, std::string_view key,
                                                            std::string_view role) {
  const auto* n = f.get(key);
  if (n == nullptr) {
    reader_.missing(f, key, pos, fmt::format("a survey response needs '{}': {}", key, role));
    return std::nullopt;
  }
  auto id = reader_.slug(*n, fmt::format("'{}'", key));
  if (!id) return std::nullopt;
  return member_ref(*n, *id, fmt::format("the response's '{}'", key));
}

bool CoalitionLoader::rates_new_partner(const Fields& f, SourcePos pos, std::size_t by, std::size_t about,
                                        std::unordered_map<std::uint64_t, int>& answered) {
  if (by == about) {
    reader_.error(reader_.pos(*f.get("about")),
                  fmt::format("'{}' rates itself; a response is about another member", coalition_.members[by].id));
    return false;
  }
  const std::uint64_t key = (static_cast<std::uint64_t>(by) << 32U) | static_cast<std::uint64_t>(about);
  const auto [it, inserted] = answered.emplace(key, pos.line);
  if (inserted) return true;
  reader_.error(pos, fmt::format("'{}' already rated '{}' at line {}; one response per partner",
                                 coalition_.members[by].id, coalition_.members[about].id, it->second));
  return false;
}

bool CoalitionLoader::read_response_ratings(const Fields& f, Response& r) {
  static const std::vector<std::string> frequencies = {"never", "yearly", "quarterly", "monthly", "weekly", "daily"};
  bool ok = true;
  if (const auto* l = f.get("level")) {
    if (auto v = read_level(*l))
      r.level = *v;
    else
      ok = false;
  }
  if (const auto* q = f.get("frequency")) {
    if (auto i = reader_.choice(*q, "frequency", frequencies, "never, yearly, quarterly, monthly, weekly or daily"))
      r.frequency = static_cast<Frequency>(*i);
    else
      ok = false;
  }
  if (const auto* k = f.get("kinds")) {
    if (auto v = reader_.text_list(*k, "kinds"))
      r.kinds = *v;
    else
      ok = false;
  }
  if (const auto* t = f.get("trust")) {
    if (!read_items(*t, "trust", trust_item_names, r.trust)) ok = false;
  }
  if (const auto* v = f.get("value")) {
    if (!read_items(*v, "value", value_item_names, r.value)) ok = false;
  }
  return ok;
}

bool CoalitionLoader::read_response_contact(const Fields& f, Response& r, std::optional<std::size_t> by) {
  const auto* c = f.get("contact");
  if (c == nullptr) return true;
  auto v = reader_.slug(*c, "contact");
  if (!v) return false;
  r.contact = *v;
  if (by && !contact_of_respondent(coalition_.members[*by], *v)) {
    reader_.error(reader_.pos(*c), respondent_contact_message(coalition_.members[*by], *v));
    return false;
  }
  return true;
}

}  // namespace xsector::detail
