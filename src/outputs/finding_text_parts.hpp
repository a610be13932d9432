// What the sentence table's two files share (internal to src/outputs/): a finding's or an
// action's subjects and facts as a sentence reads them, with the names of what they hold by id.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "xsector/finding_text.hpp"

namespace xsector::detail {

/// The subjects and facts of one finding or action, read by name; a fact that is absent reads
/// as 0, "" or an empty list.
class Say {
 public:
  Say(const std::vector<std::string>& subjects, const std::vector<Fact>& facts, const FindingNames& names)
      : subjects_(subjects), facts_(facts), names_(names) {}

  const std::vector<std::string>& subjects() const { return subjects_; }
  const std::vector<Fact>& facts() const { return facts_; }
  const FindingNames& names() const { return names_; }

  /// Subject `i`'s id, and its name as a member or a sector.
  const std::string& id(std::size_t i) const { return i < subjects_.size() ? subjects_[i] : empty_text(); }
  std::string member(std::size_t i) const { return names_.member(id(i)); }
  std::string sector(std::size_t i) const { return names_.sector(id(i)); }

  const Fact* fact(std::string_view name) const {
    for (const auto& f : facts_) {
      if (f.name == name) return &f;
    }
    return nullptr;
  }
  bool has(std::string_view name) const { return fact(name) != nullptr; }
  double num(std::string_view name) const {
    const Fact* f = fact(name);
    return f == nullptr ? 0.0 : f->number;
  }
  std::size_t count(std::string_view name) const { return static_cast<std::size_t>(std::llround(num(name))); }
  const std::string& text(std::string_view name) const {
    const Fact* f = fact(name);
    return f == nullptr || f->items.empty() ? empty_text() : f->items.front();
  }
  const std::vector<std::string>& list(std::string_view name) const {
    static const std::vector<std::string> none;
    const Fact* f = fact(name);
    return f == nullptr ? none : f->items;
  }
  /// The names of the members (or sectors) whose ids a list fact holds.
  std::vector<std::string> members(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const auto& id : ids) out.push_back(names_.member(id));
    return out;
  }
  std::vector<std::string> sectors(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const auto& id : ids) out.push_back(names_.sector(id));
    return out;
  }

 private:
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }
  const std::vector<std::string>& subjects_;
  const std::vector<Fact>& facts_;
  const FindingNames& names_;
};

/// One entry of the sentence table: a code and how its sentence is filled.
struct Sentence {
  std::string_view code;
  std::string (*say)(const Say&);
};

/// The sentences of the findings of one analysis (finding_text.cpp) and of a comparison
/// (finding_text_compare.cpp).
const std::vector<Sentence>& analysis_sentences();
const std::vector<Sentence>& comparison_sentences();

}  // namespace xsector::detail
