// The coalition loader's taxonomy: loading the one the file names, measuring against
// --taxonomy, the file's own `sectors` and `coalition.waive`.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "load/coalition_loader.hpp"
#include "load/taxonomy_reader.hpp"
#include "load/validate.hpp"
#include "xsector/crosswalk.hpp"

namespace xsector::detail {

void CoalitionLoader::read_waive(const Node& node) {
  if (node.IsNull()) return;
  if (!node.IsMap()) {
    reader_.error(reader_.pos(node),
                  "'waive' must be a map of sector id: reason, like "
                  "{tribal: \"no tribal lands in the county\"}");
    return;
  }
  for (std::size_t e = 0; e < node.size(); ++e) {
    const Node key = node.key(e);
    const Node value = node.value(e);
    auto id = reader_.slug(key, "waived sector");
    auto reason = reader_.text(value, "the reason a sector is waived");
    if (!id || !reason) continue;
    if (reason->empty()) {
      reader_.error(reader_.pos(value), fmt::format("say why sector '{}' is waived", *id));
      continue;
    }
    const Sector* sector = coalition_.find_sector(*id);
    if (sector == nullptr) {
      reader_.error(reader_.pos(key), unknown_waived_sector_message(coalition_, *id));
      continue;
    }
    const bool twice = std::any_of(coalition_.waivers.begin(), coalition_.waivers.end(),
                                   [&](const Waiver& w) { return w.sector == sector->id; });
    if (twice) {
      reader_.error(reader_.pos(key), fmt::format("sector '{}' is waived twice", sector->id));
      continue;
    }
    coalition_.waivers.push_back({sector->id, *reason, reader_.pos(key)});
  }
}

void CoalitionLoader::apply_target() {
  TaxonomyAccess access;
  access.max_bytes = options_.max_bytes;
  Taxonomy target;
  // The caller's own choice: a path is read from the working directory, and one that cannot
  // be read is the caller's IoError, not a fault of the coalition file.
  try {
    target = resolve_taxonomy(*target_, {}, access);
  } catch (const InputError& e) {
    for (auto d : e.diagnostics()) {
      if (d.file == "<taxonomy>") d.file = coalition_.file;
      diagnostics_.push_back(d);
    }
    return;
  }
  if (target.id == coalition_.taxonomy.id) return;
  coalition_.index_members();
  coalition_ = measure_against(coalition_, target);
  coalition_.taxonomy_ref = *target_;
}

void CoalitionLoader::load_taxonomy(const std::string& id_or_path, SourcePos pos, bool by_user) {
  TaxonomyAccess access;
  access.paths = by_user || options_.taxonomy_paths;
  access.max_bytes = options_.max_bytes;
  try {
    coalition_.taxonomy = resolve_taxonomy(id_or_path, std::filesystem::path(coalition_.file).parent_path(), access);
    coalition_.taxonomy_file = coalition_.taxonomy.file;
  } catch (const InputError& e) {
    for (auto d : e.diagnostics()) {
      if (d.file == "<taxonomy>") {
        d.file = coalition_.file;
        d.pos = pos;
      }
      diagnostics_.push_back(d);
    }
    taxonomy_ok_ = false;
  } catch (const IoError& e) {
    reader_.error(pos, fmt::format("cannot read the taxonomy: {}", e.what()));
    taxonomy_ok_ = false;
  }
}

void CoalitionLoader::read_sectors(const Node& node) {
  if (!node.IsSequence()) {
    reader_.error(reader_.pos(node), "'sectors' must be a list of sectors");
    return;
  }
  for (const Node item : node) {
    if (auto s = detail::read_sector(reader_, item)) coalition_.extra_sectors.push_back(*s);
  }
  if (taxonomy_ok_) {
    detail::check_sector_names(reader_, coalition_.extra_sectors, &coalition_.taxonomy);
  }
}

}  // namespace xsector::detail
