#include "exchange/import_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"

namespace xsector::detail {

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
    for (const auto& [key, value] : t.attributes) {
      text(t.pos, key, "attribute name");
      text(t.pos, value, "attribute value");
    }
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
