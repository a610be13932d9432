// Taxonomies: the built-in ones and taxonomy files.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "load/taxonomy_reader.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/coalition.hpp"
#include "xsector/load.hpp"

namespace xsector {

std::vector<std::string> builtin_taxonomy_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, text] : detail::builtin_taxonomy_texts()) ids.emplace_back(id);
  return ids;
}

namespace detail {

/// The sector ids of the built-in cross-sector taxonomy, read straight from its text (not
/// through read_sector, which checks maps_to against this very list).
const std::vector<std::string>& cross_sector_ids() {
  static const std::vector<std::string> ids = [] {
    std::vector<std::string> out;
    for (const auto& [id, text] : builtin_taxonomy_texts()) {
      if (id != "cross-sector") continue;
      std::vector<Diagnostic> ignored;
      YamlReader reader("<built-in taxonomy cross-sector>", ignored);
      auto document = reader.parse(text);
      if (!document) break;
      const Node root = document->root();
      for (std::size_t e = 0; root.IsMap() && e < root.size(); ++e) {
        if (root.key(e).Scalar() != "sectors" || !root.value(e).IsSequence()) continue;
        for (const Node sector : root.value(e)) {
          for (std::size_t k = 0; sector.IsMap() && k < sector.size(); ++k) {
            if (sector.key(k).Scalar() == "id") out.emplace_back(sector.value(k).Scalar());
          }
        }
      }
    }
    return out;
  }();
  return ids;
}

namespace {

// `priority`: core, recommended or optional; false after reporting another value.
bool read_priority(YamlReader& reader, const Node& node, Sector& sector) {
  auto v = reader.text(node, "priority");
  if (!v) return false;
  if (*v == "core")
    sector.priority = Priority::core;
  else if (*v == "recommended")
    sector.priority = Priority::recommended;
  else if (*v == "optional")
    sector.priority = Priority::optional;
  else {
    reader.error(reader.pos(node), fmt::format("priority must be core, recommended or optional, "
                                               "found '{}'",
                                               *v));
    return false;
  }
  return true;
}

// `aliases`: other ids of the sector; false after reporting one that is not an id.
bool read_aliases(YamlReader& reader, const Node& node, Sector& sector) {
  auto v = reader.text_list(node, "aliases");
  if (!v) return false;
  bool ok = true;
  for (std::size_t i = 0; i < v->size(); ++i) {
    if (!is_slug((*v)[i])) {
      reader.error(reader.pos(node[i]), fmt::format("alias '{}' is not an id", (*v)[i]));
      ok = false;
    }
  }
  sector.aliases = *v;
  return ok;
}

// `maps_to`: sectors of the cross-sector taxonomy; false after reporting one that is not.
bool read_maps_to(YamlReader& reader, const Node& node, Sector& sector) {
  auto v = reader.text_list(node, "maps_to");
  if (!v) return false;
  bool ok = true;
  const auto& known = cross_sector_ids();
  for (std::size_t i = 0; i < v->size(); ++i) {
    const std::string& target = (*v)[i];
    if (std::find(known.begin(), known.end(), target) != known.end()) continue;
    std::string message = fmt::format("maps_to names '{}', which is not a sector of the cross-sector taxonomy", target);
    message += did_you_mean(target, known);
    reader.error(reader.pos(node[i]), message);
    ok = false;
  }
  sector.maps_to = *v;
  return ok;
}

}  // namespace

std::optional<Sector> read_sector(YamlReader& reader, const Node& node) {
  static const std::vector<std::string> keys = {"id", "name", "priority", "examples", "aliases", "source", "maps_to"};
  auto f = reader.fields(node, keys, "a sector");
  if (!f) return std::nullopt;
  Sector sector;
  sector.pos = reader.pos(node);
  bool ok = true;
  if (const auto* id = f->get("id")) {
    if (auto v = reader.slug(*id, "sector id"))
      sector.id = *v;
    else
      ok = false;
  } else {
    reader.missing(*f, "id", sector.pos, "a sector needs an 'id'");
    ok = false;
  }
  if (const auto* name = f->get("name")) {
    if (auto v = reader.text(*name, "sector name"))
      sector.name = *v;
    else
      ok = false;
  } else {
    sector.name = sector.id;
  }
  if (const auto* p = f->get("priority")) {
    if (!read_priority(reader, *p, sector)) ok = false;
  }
  if (const auto* e = f->get("examples")) {
    if (auto v = reader.text_list(*e, "examples"))
      sector.examples = *v;
    else
      ok = false;
  }
  if (const auto* a = f->get("aliases")) {
    if (!read_aliases(reader, *a, sector)) ok = false;
  }
  if (const auto* s = f->get("source")) {
    if (auto v = reader.text(*s, "source"))
      sector.source = *v;
    else
      ok = false;
  }
  if (const auto* m = f->get("maps_to")) {
    if (!read_maps_to(reader, *m, sector)) ok = false;
  }
  if (!ok) return std::nullopt;
  return sector;
}

/// Reports ids and aliases used twice across `sectors`.
void check_sector_names(YamlReader& reader, const std::vector<Sector>& sectors, const Taxonomy* base) {
  std::map<std::string, std::string> seen;  // id or alias -> owning sector id
  if (base != nullptr) {
    for (const auto& s : base->sectors) {
      seen.emplace(s.id, s.id);
      for (const auto& a : s.aliases) seen.emplace(a, s.id);
    }
  }
  for (const auto& s : sectors) {
    std::vector<std::string> names = s.aliases;
    names.insert(names.begin(), s.id);
    for (const auto& n : names) {
      const auto [it, inserted] = seen.emplace(n, s.id);
      if (inserted) continue;
      const bool in_base = base != nullptr && base->find(n) != nullptr;
      reader.error(s.pos, fmt::format("sector name '{}' is already used by sector '{}'{}", n, it->second,
                                      in_base ? fmt::format(" of the {} taxonomy", base->id) : ""));
    }
  }
}

}  // namespace detail

Taxonomy parse_taxonomy(std::string_view text, const std::string& file, const std::string& id) {
  std::vector<Diagnostic> diagnostics;
  detail::YamlReader reader(file, diagnostics);
  Taxonomy taxonomy;
  taxonomy.id = id;
  if (auto document = reader.parse(text)) {
    static const std::vector<std::string> top = {"taxonomy", "sectors"};
    if (auto f = reader.fields(document->root(), top, "a taxonomy file")) {
      if (const auto* t = f->get("taxonomy")) {
        static const std::vector<std::string> keys = {"id", "name", "source"};
        if (auto tf = reader.fields(*t, keys, "'taxonomy'")) {
          if (const auto* n = tf->get("name")) {
            if (auto v = reader.text(*n, "taxonomy name")) taxonomy.name = *v;
          }
          if (const auto* s = tf->get("source")) {
            if (auto v = reader.text(*s, "taxonomy source")) taxonomy.source = *v;
          }
          if (const auto* i = tf->get("id")) {
            if (auto v = reader.slug(*i, "taxonomy id")) taxonomy.id = *v;
          }
        }
      }
      if (const auto* s = f->get("sectors"); s != nullptr && s->IsSequence() && s->size() > 0) {
        for (const detail::Node item : *s) {
          if (auto sector = detail::read_sector(reader, item)) taxonomy.sectors.push_back(*sector);
        }
        detail::check_sector_names(reader, taxonomy.sectors, nullptr);
      } else {
        reader.missing(*f, "sectors", s != nullptr ? reader.pos(*s) : SourcePos{},
                       "a taxonomy file needs 'sectors': a list of at least one sector");
      }
    }
  }
  if (!diagnostics.empty()) throw InputError(std::move(diagnostics));
  if (taxonomy.name.empty()) taxonomy.name = id;
  return taxonomy;
}

Taxonomy resolve_taxonomy(const std::string& id_or_path, const std::filesystem::path& base_dir,
                          const TaxonomyAccess& access) {
  for (const auto& [id, text] : detail::builtin_taxonomy_texts()) {
    if (id == id_or_path) {
      return parse_taxonomy(text, fmt::format("<built-in taxonomy {}>", id), std::string(id));
    }
  }
  const bool looks_like_path =
      id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".yaml") || id_or_path.ends_with(".yml");
  if (!looks_like_path) {
    const auto ids = builtin_taxonomy_ids();
    std::string message =
        fmt::format("unknown taxonomy '{}'; the built-in taxonomies are {}", id_or_path, fmt::join(ids, ", "));
    message += detail::did_you_mean(id_or_path, ids);
    throw InputError({Diagnostic{"<taxonomy>", {}, message}});
  }
  if (!access.paths) {
    throw InputError({Diagnostic{"<taxonomy>",
                                 {},
                                 fmt::format("taxonomy '{}' is a path, and this file may name only a built-in "
                                             "taxonomy ({}); pass the path yourself with --taxonomy",
                                             id_or_path, fmt::join(builtin_taxonomy_ids(), ", "))}});
  }
  std::filesystem::path path = id_or_path;
  if (path.is_relative() && !base_dir.empty()) path = base_dir / path;
  Taxonomy taxonomy = parse_taxonomy(read_input_file(path, access.max_bytes), path.string(), id_or_path);
  taxonomy.file = path.string();
  return taxonomy;
}

}  // namespace xsector
