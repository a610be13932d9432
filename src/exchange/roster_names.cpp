// Names matched forgivingly: by id, else by the name folded (case, spaces, punctuation, `&`
// as `and`, a leading `the`), in ties sheets, partner lists and the Governance sheet alike.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <vector>

#include "exchange/roster.hpp"
#include "load/yaml_reader.hpp"

namespace xsector::detail {

std::string fold_name(const std::string& name) {
  std::vector<std::string> words(1);
  for (const unsigned char ch : name) {
    if (std::isspace(ch) != 0) {
      if (!words.back().empty()) words.emplace_back();
    } else if (ch == '&') {
      if (!words.back().empty()) words.emplace_back();
      words.back() = "and";
      words.emplace_back();
    } else if (std::isalnum(ch) != 0 || ch >= 0x80) {
      words.back() += static_cast<char>(std::tolower(ch));
    }
  }
  std::erase_if(words, [](const std::string& w) { return w.empty(); });
  if (words.size() > 1 && words.front() == "the") words.erase(words.begin());
  std::string out;
  for (const auto& w : words) out += w;
  return out;
}

int NameIndex::add(const std::string& id, const std::string& name, std::size_t index, int row) {
  const std::string folded = fold_name(name);
  if (const auto it = folded_.find(folded); it != folded_.end()) return it->second.second;
  ids_.emplace(id, index);
  if (folded.empty()) return 0;
  folded_.emplace(folded, std::pair(index, row));
  folded_names_.push_back(folded);
  name_of_fold_[folded] = name;
  return 0;
}

std::optional<std::size_t> NameIndex::find(const std::string& text) const {
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  if (const auto it = folded_.find(fold_name(text)); it != folded_.end()) return it->second.first;
  return std::nullopt;
}

std::string NameIndex::suggest(const std::string& text) const {
  const std::string folded = fold_name(text);
  std::string best = nearest(folded, folded_names_);
  if (best.empty() && folded.size() >= 4) {
    // A name cut short or run on ("Mercy Hosp", "Mercy Hospital Inc").
    for (const auto& f : folded_names_) {
      if (f.starts_with(folded) || folded.starts_with(f)) {
        best = f;
        break;
      }
    }
  }
  return best.empty() ? std::string() : name_of_fold_.at(best);
}

std::string unmatched_message(const std::vector<Unmatched>& names, const NameIndex& index) {
  std::string list;
  for (const Unmatched& u : names) {
    const std::string suggestion = index.suggest(u.text);
    if (!list.empty()) list += "; ";
    list += suggestion.empty() ? fmt::format("'{}' (row {})", u.text, u.row)
                               : fmt::format("'{}' (row {}, did you mean '{}'?)", u.text, u.row, suggestion);
  }
  return fmt::format("{} {} no member: {}", names.size(), names.size() == 1 ? "name matches" : "names match", list);
}

}  // namespace xsector::detail
