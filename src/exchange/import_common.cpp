#include "exchange/import_common.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"

namespace xsector::detail {

namespace {

/// YAML text and the first line of each fragment with its origin (ascending lines).
struct MappedYaml {
  std::string text;
  std::vector<std::pair<int, Origin>> starts;
  [[nodiscard]] const Origin& at(int line, const Origin& fallback) const {
    const Origin* found = &fallback;
    for (const auto& [first, origin] : starts) {
      if (first > line) break;
      found = &origin;
    }
    return *found;
  }
};

/// One YAML fragment (a one-item list or a one-key map) indented by `indent` spaces.
std::string fragment(const ordered_json* item, const std::string* key, const ordered_json* value, int indent) {
  YAML::Emitter e;
  e.SetIndent(2);
  if (item != nullptr) {
    e << YAML::BeginSeq;
    emit(e, *item, true);
    e << YAML::EndSeq;
  } else {
    e << YAML::BeginMap << YAML::Key << *key << YAML::Value;
    emit(e, *value, true);
    e << YAML::EndMap;
  }
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  std::string out;
  std::istringstream in{std::string(e.c_str())};
  for (std::string line; std::getline(in, line);) out += pad + line + "\n";
  return out;
}

MappedYaml mapped_yaml(const ordered_json& doc, const std::string& comment, const Origins& origins) {
  MappedYaml y;
  y.text = comment;
  int line = 1 + static_cast<int>(std::count(comment.begin(), comment.end(), '\n'));
  auto add = [&](const std::string& text, const Origin& origin) {
    y.starts.emplace_back(line, origin);
    y.text += text;
    line += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  };
  auto origin_of_key = [&](const std::string& key) -> const Origin& {
    const auto it = origins.keys.find(key);
    return it == origins.keys.end() ? origins.fallback : it->second;
  };
  for (const auto& [key, value] : doc.items()) {
    const auto items = origins.items.find(key);
    if (key == "coalition" && value.is_object()) {
      add("coalition:\n", origins.fallback);
      for (const auto& [field, v] : value.items())
        add(fragment(nullptr, &field, &v, 2), origin_of_key("coalition." + field));
    } else if (items != origins.items.end() && value.is_array() && !value.empty() &&
               items->second.size() == value.size()) {
      add(key + ":\n", origin_of_key(key));
      for (std::size_t i = 0; i < value.size(); ++i) add(fragment(&value[i], nullptr, nullptr, 2), items->second[i]);
    } else {
      add(fragment(nullptr, &key, &value, 0), origin_of_key(key));
    }
  }
  return y;
}

}  // namespace

ordered_json tie_entry(const std::string& a, const std::string& b, bool directed, int level) {
  ordered_json t;
  if (directed) {
    t["from"] = a;
    t["to"] = b;
  } else {
    t["between"] = {a, b};
  }
  t["level"] = to_string(static_cast<TieLevel>(level));
  return t;
}

SourcePos Provenance::mark(Origin origin) {
  const SourcePos pos{origin.pos.line, static_cast<int>(origins_.size()) + 1};
  origins_.push_back(std::move(origin));
  return pos;
}

std::size_t Provenance::entry(SourcePos pos) const {
  return pos.column >= 1 && static_cast<std::size_t>(pos.column) <= origins_.size()
             ? static_cast<std::size_t>(pos.column)
             : 0;
}

const Origin& Provenance::at(SourcePos pos) const {
  const std::size_t k = entry(pos);
  return k == 0 ? fallback_ : origins_[k - 1];
}

void check_import(const Coalition& c, const Provenance& where) {
  std::vector<std::pair<std::size_t, Diagnostic>> found;  // (entry, problem)
  auto report = [&](SourcePos pos, const std::string& message) {
    const Origin& o = where.at(pos);
    Diagnostic d{o.file, o.pos, o.what.empty() ? message : fmt::format("{}: {}", o.what, message)};
    const bool repeated =
        std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.second.str() == d.str(); });
    if (!repeated) found.emplace_back(where.entry(pos), std::move(d));
  };
  auto text = [&](SourcePos pos, const std::string& value, std::string_view what) {
    if (const std::string problem = text_problem(value, false); !problem.empty())
      report(pos, fmt::format("{}: {}", what, problem));
  };
  if (c.name.empty()) report({}, "the coalition's name is empty");
  text({}, c.name, "the coalition's name");
  for (const Sector& s : c.extra_sectors) text(s.pos, s.name, "sector name");
  for (const Member& m : c.members) {
    text(m.pos, m.name, "member name");
    for (const auto& tag : m.tags) text(m.pos, tag, "an item of tags");
    for (const auto& [key, value] : m.attributes) {
      text(m.pos, key, "attribute name");
      text(m.pos, value, "attribute value");
    }
    for (const Contact& p : m.contacts) {
      if (!is_slug(p.id)) {
        report(p.pos, fmt::format("contact id '{}' is not an id: use lower-case letters, digits, '.', '_' and '-', "
                                  "starting with a letter or digit",
                                  p.id));
      }
      text(p.pos, p.role, "role");
    }
  }
  for (const Tie& t : c.ties) {
    for (const auto& kind : t.kinds) text(t.pos, kind, "an item of kinds");
    for (const auto& id : t.carried_by) text(t.pos, id, "an item of carried_by");
  }
  for (const Diagnostic& d : validate(c)) {
    if (c.name.empty() && d.message == "the coalition needs a 'name'") continue;  // said above, as the loader says it
    report(d.pos, d.message);
  }
  if (!found.empty()) {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Diagnostic> all;
    all.reserve(found.size());
    for (auto& f : found) all.push_back(std::move(f.second));
    throw InputError(std::move(all));
  }
}

Imported finish(const ordered_json& doc, const Origins& origins, std::vector<Diagnostic> skipped,
                std::vector<std::string> notes, const std::string& source, const ImportOptions& options) {
  const MappedYaml y = mapped_yaml(doc, fmt::format("# Imported by xsector from {}.\n", source), origins);
  const std::string as = options.output.empty() ? std::string("<imported>") : options.output;
  try {
    parse_coalition(y.text, as);
  } catch (const InputError& e) {
    std::vector<Diagnostic> mapped;
    for (const auto& d : e.diagnostics()) {
      if (d.file != as) {
        mapped.push_back(d);
        continue;
      }
      const Origin& o = y.at(d.pos.line, origins.fallback);
      Diagnostic out{o.file, o.pos, o.what.empty() ? d.message : fmt::format("{}: {}", o.what, d.message)};
      const bool repeated =
          std::any_of(mapped.begin(), mapped.end(), [&](const Diagnostic& m) { return m.str() == out.str(); });
      if (!repeated) mapped.push_back(std::move(out));
    }
    throw InputError(std::move(mapped));
  }
  Imported out;
  out.yaml = y.text;
  out.skipped = std::move(skipped);
  out.notes = std::move(notes);
  return out;
}

bool builtin_taxonomy(const std::string& id) {
  const auto ids = builtin_taxonomy_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

ImportTaxonomy import_taxonomy(const std::string& given, const std::string& output) {
  ImportTaxonomy t{resolve_taxonomy(given), given};
  if (builtin_taxonomy(given) || output.empty()) return t;
  std::error_code ec;
  const auto file = std::filesystem::absolute(given, ec).lexically_normal();
  const auto folder = std::filesystem::absolute(std::filesystem::path(output), ec).parent_path().lexically_normal();
  const auto relative = file.lexically_relative(folder);
  t.ref = relative.empty() ? file.generic_string() : relative.generic_string();
  return t;
}

}  // namespace xsector::detail
