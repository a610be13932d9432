// The gaps of one coalition against every built-in taxonomy: one load, one sector analysis
// per taxonomy by the crosswalk.
#include "xsector/crosswalk.hpp"
#include "xsector/load.hpp"
#include "xsector/usecases.hpp"

namespace xsector {

std::vector<TaxonomyCoverage> coverage_by_taxonomy(const Coalition& coalition, AnalysisOptions options) {
  options.parts = part_sectors;
  std::vector<TaxonomyCoverage> rows;
  for (const auto& id : builtin_taxonomy_ids()) {
    if (id == coalition.taxonomy.id) {
      rows.push_back(taxonomy_coverage(coalition, analyze(coalition, options).sectors));
      continue;
    }
    Coalition measured = measure_against(coalition, resolve_taxonomy(id));
    measured.taxonomy_ref = id;
    rows.push_back(taxonomy_coverage(measured, analyze(measured, options).sectors));
  }
  return rows;
}

}  // namespace xsector
