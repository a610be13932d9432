// GraphML import's reading of graph data through the coalition loader's section readers:
// each data element holding JSON (JSON is YAML) is a piece parsed on its own, and the
// loader's problems in it are told at the data element, naming the item they are in. The
// JSON is copied through a SAX reader, never into a document whose objects search linearly
// on each insert. Internal.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "exchange/exchange_yaml.hpp"
#include "exchange/import_common.hpp"
#include "exchange/sheets.hpp"
#include "exchange/xml_reader.hpp"
#include "load/coalition_loader.hpp"

namespace xsector::detail {

/// Lists and objects nested deeper than this in a JSON data value are refused.
constexpr int kMaxJsonDepth = 32;

/// A JSON value copied as compact JSON (strings written as json_text writes them, numbers
/// as a JSON document prints them), in order, keys given twice kept twice for the loader
/// to report. Time: O(size of the text).
struct JsonCopy {
  enum class Problem { none, not_json, too_deep };
  Problem problem = Problem::none;
  std::string text;        ///< compact JSON
  std::string top;         ///< the type of the value: "array", "object", "string", "number", "boolean", "null"
  std::size_t items = 0;   ///< items of a list (or entries of an object) at the top
  std::string first_item;  ///< the type of the first item of a list at the top
  /// For an object at the top holding single values only (`flat`): its names and values as
  /// text (a string as it is, a number or boolean as its JSON, null as empty); a name given
  /// twice keeps its first place and its last value.
  std::vector<std::pair<std::string, std::string>> pairs;
  bool flat = true;
};

class JsonCopier final : public nlohmann::json_sax<nlohmann::json> {
 public:
  JsonCopy out;
  bool null() override { return scalar("null", "null", ""); }
  bool boolean(bool v) override { return scalar("boolean", v ? "true" : "false", v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return number(nlohmann::json(v).dump()); }
  bool number_unsigned(number_unsigned_t v) override { return number(nlohmann::json(v).dump()); }
  bool number_float(number_float_t v, const string_t& /*written*/) override { return number(nlohmann::json(v).dump()); }
  bool string(string_t& v) override { return scalar("string", json_text(ordered_json(v)), v); }
  bool binary(binary_t& /*v*/) override { return fail(JsonCopy::Problem::not_json); }
  bool start_object(std::size_t /*elements*/) override { return open("object", '{'); }
  bool key(string_t& k) override {
    comma();
    out.text += json_text(ordered_json(k));
    out.text += ':';
    after_key_ = true;
    key_ = k;
    return true;
  }
  bool end_object() override { return close('}'); }
  bool start_array(std::size_t /*elements*/) override { return open("array", '['); }
  bool end_array() override { return close(']'); }
  bool parse_error(std::size_t /*at*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*e*/) override {
    return fail(JsonCopy::Problem::not_json);
  }

 private:
  bool fail(JsonCopy::Problem p) {
    if (out.problem == JsonCopy::Problem::none) out.problem = p;
    return false;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_.empty()) {
      if (!first_.back()) out.text += ',';
      first_.back() = false;
    }
  }
  void begins(const char* type) {
    if (depth_ == 0) {
      out.top = type;
    } else if (depth_ == 1) {
      if (out.items++ == 0) out.first_item = type;
    }
    comma();
  }
  bool number(const std::string& text) { return scalar("number", text, text); }
  bool scalar(const char* type, const std::string& json, const std::string& value) {
    if (depth_ == 1 && out.top == "object") {
      if (const auto [at, fresh] = index_.emplace(key_, out.pairs.size()); fresh)
        out.pairs.emplace_back(key_, value);
      else
        out.pairs[at->second].second = value;
    }
    begins(type);
    out.text += json;
    return true;
  }
  bool open(const char* type, char bracket) {
    if (depth_ >= 1) out.flat = false;
    begins(type);
    if (++depth_ > kMaxJsonDepth) return fail(JsonCopy::Problem::too_deep);
    out.text += bracket;
    first_.push_back(true);
    return true;
  }
  bool close(char bracket) {
    --depth_;
    first_.pop_back();
    out.text += bracket;
    return true;
  }
  int depth_ = 0;
  std::vector<bool> first_;  // for each open list or object: no item written yet
  bool after_key_ = false;
  std::string key_;
  std::unordered_map<std::string, std::size_t> index_;  // name -> its place in pairs
};

/// `text` copied by a JsonCopier.
inline JsonCopy copy_json(std::string_view text) {
  JsonCopier copier;
  nlohmann::json::sax_parse(text, &copier);
  return std::move(copier.out);
}

/// A data value and where it was given (its <data> element, or the element a default
/// applies to). Views into the elements read.
struct Datum {
  std::string_view value;
  SourcePos pos;
};

enum Domain : std::size_t { kGraph, kNode, kEdge, kDomains };

/// The <key> elements: each key id's name (attr.name, else the id) and, by domain, the
/// defaults (<default>) that apply to elements without that data.
struct Keys {
  std::unordered_map<std::string, std::string> name_of;
  std::array<std::unordered_map<std::string, std::string_view>, kDomains> defaults;
};

inline Keys read_keys(const std::vector<XmlElement>& el) {
  Keys keys;
  for (const auto k : el[0].children) {
    const XmlElement& e = el[k];
    if (e.name != "key") continue;
    std::string name = e.get("attr.name");
    if (name.empty()) name = e.get("id");
    const std::string domain = e.get("for");
    for (const auto c : e.children) {
      if (el[c].name != "default") continue;
      for (const std::size_t d : {kGraph, kNode, kEdge}) {
        if (domain == "all" || domain == std::array{"graph", "node", "edge"}[d]) keys.defaults[d][name] = el[c].text;
      }
    }
    keys.name_of[e.get("id")] = std::move(name);
  }
  return keys;
}

/// The data of one element by key name: its own <data> children (the last of a name wins),
/// else the key's default. O(its children) to build, O(1) a look-up.
class Data {
 public:
  Data(const std::vector<XmlElement>& el, const XmlElement& element, const Keys& keys, Domain domain)
      : defaults_(keys.defaults[domain]), at_(element.pos) {
    for (const auto c : element.children) {
      if (el[c].name != "data") continue;
      const std::string key = el[c].get("key");
      const auto it = keys.name_of.find(key);
      own_[it == keys.name_of.end() ? key : it->second] = {el[c].text, el[c].pos};
    }
  }
  [[nodiscard]] std::optional<Datum> find(const std::string& name) const {
    if (const auto it = own_.find(name); it != own_.end()) return it->second;
    if (const auto it = defaults_.find(name); it != defaults_.end()) return Datum{it->second, at_};
    return std::nullopt;
  }
  /// Given and not blank.
  [[nodiscard]] std::optional<Datum> given(const std::string& name) const {
    auto d = find(name);
    if (d && trim(std::string(d->value)).empty()) return std::nullopt;
    return d;
  }

 private:
  std::unordered_map<std::string, Datum> own_;
  const std::unordered_map<std::string, std::string_view>& defaults_;
  SourcePos at_;
};

/// Reads graph data through the loader's section readers, each data element a piece of its
/// own, and tells the loader's problems at the data element, naming the item they are in.
class Pieces {
 public:
  Pieces(CoalitionLoader& loader, RowProblems& problems) : loader_(loader), problems_(problems) {}

  /// A data value that must be a JSON list: its copy, or nullopt after reporting a problem.
  std::optional<JsonCopy> list_of(const Datum& d, const std::string& what) {
    if (trim(std::string(d.value)).empty()) {
      JsonCopy empty;
      empty.text = "[]";
      empty.top = "array";
      return empty;
    }
    JsonCopy copy = copy_json(d.value);
    if (copy.problem == JsonCopy::Problem::too_deep) {
      add(d.pos, fmt::format("{} nests lists or objects deeper than {}", what, kMaxJsonDepth));
    } else if (copy.problem == JsonCopy::Problem::not_json) {
      add(d.pos, fmt::format("{} is not JSON", what));
    } else if (copy.top != "array") {
      add(d.pos, fmt::format("{} must be a JSON list, not {}", what, copy.top));
    } else {
      return copy;
    }
    return std::nullopt;
  }
  /// A list (`named` in messages about its shape) read with `read` unless it is empty;
  /// false after a problem.
  bool read_list(const Datum& d, const std::string& what, const std::string& named,
                 const std::function<void(const Node&)>& read) {
    const auto list = list_of(d, named);
    return list && (list->items == 0 || this->read(list->text, d.pos, what, {}, read));
  }
  /// Data 'attributes' of a node or edge: a JSON object of names to single values (numbers
  /// and true/false kept as their JSON text), read by the loader's attributes reader.
  bool read_attributes(const Datum& a, const std::string& what, std::vector<std::pair<std::string, std::string>>& out) {
    const JsonCopy v = copy_json(a.value);
    if (v.problem != JsonCopy::Problem::none || v.top != "object" || !v.flat) {
      add(a.pos, fmt::format("{}: attributes must be a JSON object of names to single values", what));
      return false;
    }
    return v.pairs.empty() || this->read(json_text(attributes_document(v.pairs)), a.pos, what, {},
                                         [&](const Node& n) { loader_.read_attributes(n, out); });
  }
  void add(SourcePos pos, std::string message) {
    problems_.add_fatal({loader_.reader().file(), pos, std::move(message)});
  }

  /// Reads `text` with `read`; true when the loader found nothing wrong. `items` names the
  /// entries of a list ("item", "body"), or is empty for a piece told as a whole.
  bool read(const std::string& text, SourcePos at, const std::string& what, std::string_view items,
            const std::function<void(const Node&)>& read) {
    const std::size_t mark = loader_.diagnostics().size();
    const std::optional<Document> doc = loader_.parse_piece(text, at.line);
    if (doc) read(doc->root());
    return report(mark, at, what, items, doc ? std::optional<Node>(doc->root()) : std::nullopt);
  }
  /// A text value read as a piece of its own (a JSON string).
  bool read_text(const std::string& value, SourcePos at, const std::string& what,
                 const std::function<void(const Node&)>& read) {
    return this->read(json_text(ordered_json(value)), at, what, {}, read);
  }
  /// Where the loader's problems found from now on begin, for report().
  [[nodiscard]] std::size_t mark() const { return loader_.diagnostics().size(); }
  /// Tells the loader's problems found since `mark` at `at`; true when there are none.
  bool report(std::size_t mark, SourcePos at, const std::string& what, std::string_view items = {},
              std::optional<Node> root = std::nullopt) {
    auto& found = loader_.diagnostics();
    // In the order of their positions in the piece, as the loader tells a file's problems.
    std::stable_sort(found.begin() + static_cast<std::ptrdiff_t>(mark), found.end(), [](const auto& a, const auto& b) {
      return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    for (std::size_t k = mark; k < found.size(); ++k) {
      const Diagnostic& d = found[k];
      if (d.file != loader_.reader().file()) {
        problems_.add_fatal(d);
        continue;
      }
      std::size_t item = 0;  // the items before the problem, 0 when it is in none
      if (root && !items.empty() && root->IsSequence()) {
        std::size_t hi = root->size();
        while (item < hi) {  // the items are in the order of their positions
          const std::size_t mid = item + (hi - item) / 2;
          const SourcePos p = (*root)[mid].pos();
          if (std::pair(p.line, p.column) <= std::pair(d.pos.line, d.pos.column))
            item = mid + 1;
          else
            hi = mid;
        }
      }
      const std::string where = item == 0 ? what : fmt::format("{}, {} {}", what, items, item);
      Diagnostic out{loader_.reader().file(), at, fmt::format("{}: {}", where, d.message)};
      if (told_.insert(out.str()).second) problems_.add_fatal(std::move(out));
    }
    const bool ok = found.size() == mark;
    found.resize(mark);
    return ok;
  }

 private:
  CoalitionLoader& loader_;
  RowProblems& problems_;
  std::unordered_set<std::string> told_;  // messages told, each once
};

}  // namespace xsector::detail
