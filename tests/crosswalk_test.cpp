// The crosswalk between taxonomies (maps_to, --taxonomy on any file), waivers and the
// invitations in missing-sector findings. Expected placements are worked by hand from the
// maps_to lists of networks/taxonomies/*.yaml.
#include "xsector/crosswalk.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "xsector/analysis.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/findings.hpp"
#include "xsector/load.hpp"
#include "xsector/sectors.hpp"

using namespace xsector;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = XSECTOR_SOURCE_DIR;

std::vector<Diagnostic> problems(const std::string& text, const LoadOptions& options = {}) {
  try {
    parse_coalition(text, "c.yaml", options);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

Coalition measured(const std::string& text, const std::string& taxonomy) {
  LoadOptions o;
  o.taxonomy = taxonomy;
  return parse_coalition(text, "c.yaml", o);
}

std::string sector_of(const Coalition& c, const std::string& member) {
  return c.members.at(*c.member_index(member)).sector;
}

std::vector<std::string> ids_of(const Coalition& c, const std::vector<std::size_t>& members) {
  std::vector<std::string> out;
  for (const auto m : members) out.push_back(c.members[m].id);
  return out;
}

std::vector<std::string> sector_ids(const SectorReport& r, const std::vector<std::size_t>& sectors) {
  std::vector<std::string> out;
  for (const auto s : sectors) out.push_back(r.index.sectors[s].id);
  return out;
}

SectorReport gaps_of(const Coalition& c) { return analyze(c, AnalysisOptions{}).sectors; }

// A DFC coalition with one member of each kind that matters to the crosswalk, a file sector,
// and a file sector that shares its id with a cross-sector sector.
const std::string dfc_file = R"(coalition: {name: D, taxonomy: dfc}
sectors:
  - {id: farms, name: Farm bureau, priority: recommended}
  - {id: housing, name: Housing}
members:
  - {id: teens, sector: youth}
  - {id: pta, sector: parents}
  - {id: clinic, sector: healthcare}
  - {id: health-dept, sector: government}
  - {id: treatment, sector: other-substance-use}
  - {id: rotary, sector: civic-volunteer}
  - {id: grange, sector: farms}
  - {id: shelter, sector: housing}
)";

}  // namespace

TEST(Crosswalk, EveryBuiltInSectorMapsToCrossSectorIds) {
  const Taxonomy cross = resolve_taxonomy("cross-sector");
  std::vector<std::string> cross_ids;
  for (const auto& s : cross.sectors) cross_ids.push_back(s.id);
  for (const auto& t : builtin_taxonomies()) {
    for (const auto& s : t.sectors) {
      ASSERT_FALSE(s.maps_to.empty()) << t.id << " " << s.id;
      for (const auto& x : s.maps_to) {
        EXPECT_NE(std::find(cross_ids.begin(), cross_ids.end(), x), cross_ids.end()) << t.id << " " << s.id << " " << x;
      }
      if (t.id == "cross-sector") {
        EXPECT_EQ(s.maps_to, std::vector<std::string>{s.id});
      }
      EXPECT_FALSE(s.examples.empty()) << t.id << " " << s.id;  // whom to invite
    }
  }
}

TEST(Crosswalk, UnknownMapsToIsAnErrorAtItsPosition) {
  try {
    parse_taxonomy("sectors:\n  - {id: farms, maps_to: [economic, housng]}\n", "tax.yaml", "mine");
    FAIL() << "an unknown maps_to id was accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1U);
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(d.file, "tax.yaml");
    EXPECT_EQ(d.pos.line, 2);
    EXPECT_EQ(d.pos.column, 37);
    EXPECT_EQ(d.message,
              "maps_to names 'housng', which is not a sector of the cross-sector taxonomy; did you mean "
              "'housing'?");
  }
  // A file's own sectors may say where they belong too; the same check applies.
  const auto d = problems(
      "coalition: {name: X}\nsectors:\n  - {id: farms, maps_to: [farming]}\nmembers: [{id: a, sector: farms}]\n");
  ASSERT_FALSE(d.empty());  // then the member's sector, which the bad sector left undefined
  EXPECT_EQ(d[0].pos.line, 3);
  EXPECT_NE(d[0].message.find("maps_to names 'farming'"), std::string::npos);
}

TEST(Crosswalk, PlaceSectorFollowsMapsToOrderThenId) {
  const Taxonomy cross = resolve_taxonomy("cross-sector");
  const Taxonomy dfc = resolve_taxonomy("dfc");
  const Taxonomy rhihub = resolve_taxonomy("rhihub");
  // dfc government maps to [government, public-health, tribal]: the first found wins.
  EXPECT_EQ(place_sector(*dfc.find("government"), cross)->id, "government");
  EXPECT_EQ(place_sector(*dfc.find("government"), rhihub)->id, "public-health");
  // cross-sector residents: DFC youth and parents both map there; youth comes first.
  EXPECT_EQ(place_sector(*cross.find("residents"), dfc)->id, "youth");
  EXPECT_EQ(place_sector(*cross.find("residents"), rhihub)->id, "community-based");
  EXPECT_EQ(place_sector(*cross.find("health-care"), rhihub), nullptr);
  // A sector without maps_to places by id or alias.
  Sector own;
  own.id = "justice";
  EXPECT_EQ(place_sector(own, dfc)->id, "law-enforcement");
}

TEST(Crosswalk, DfcFileMeasuredAgainstCrossSector) {
  const Coalition c = measured(dfc_file, "cross-sector");
  EXPECT_EQ(c.taxonomy.id, "cross-sector");
  EXPECT_EQ(c.crosswalk_from, "dfc");
  EXPECT_EQ(sector_of(c, "teens"), "residents");
  EXPECT_EQ(sector_of(c, "pta"), "residents");
  EXPECT_EQ(sector_of(c, "clinic"), "health-care");
  EXPECT_EQ(sector_of(c, "health-dept"), "government");
  EXPECT_EQ(sector_of(c, "treatment"), "behavioral-health");
  EXPECT_EQ(sector_of(c, "rotary"), "community-based");
  EXPECT_EQ(sector_of(c, "grange"), "farms");     // the file's own sector, carried along
  EXPECT_EQ(sector_of(c, "shelter"), "housing");  // the file's housing joins cross-sector housing
  EXPECT_TRUE(c.unplaced.empty());
  ASSERT_EQ(c.extra_sectors.size(), 1U);
  EXPECT_EQ(c.extra_sectors[0].id, "farms");
  EXPECT_EQ(c.extra_sectors[0].priority, Priority::recommended);
  // Covered: residents, health-care, government, behavioral-health, community-based, housing.
  // Missing core, in taxonomy order: public-health, social-services, education, economic.
  const SectorReport r = gaps_of(c);
  std::vector<std::string> core;
  for (const auto s : r.gaps.missing) {
    if (r.index.sectors[s].priority == Priority::core) core.push_back(r.index.sectors[s].id);
  }
  EXPECT_EQ(core, (std::vector<std::string>{"public-health", "social-services", "education", "economic"}));
}

TEST(Crosswalk, DfcFileMeasuredAgainstRhihubListsUnplaced) {
  const Coalition c = measured(dfc_file, "rhihub");
  // youth and parents -> residents -> community-based; government -> public-health;
  // civic-volunteer -> community-based; healthcare (health-care) and other-substance-use
  // (behavioral-health) have no RHIhub counterpart.
  EXPECT_EQ(sector_of(c, "teens"), "community-based");
  EXPECT_EQ(sector_of(c, "health-dept"), "public-health");
  EXPECT_EQ(sector_of(c, "rotary"), "community-based");
  EXPECT_EQ(ids_of(c, c.unplaced), (std::vector<std::string>{"clinic", "treatment"}));
  EXPECT_EQ(sector_of(c, "clinic"), "healthcare");
  const SectorReport r = gaps_of(c);
  EXPECT_EQ(sector_ids(r, r.gaps.missing),
            (std::vector<std::string>{"education", "economic", "social-services", "transportation", "justice",
                                      "faith-based", "tribal"}));
  const auto findings = gap_findings(c, r);
  const auto f =
      std::find_if(findings.begin(), findings.end(), [](const Finding& x) { return x.code == "unplaced-members"; });
  ASSERT_NE(f, findings.end());
  EXPECT_EQ(f->subjects, (std::vector<std::string>{"clinic", "treatment"}));
  EXPECT_EQ(f->severity, Severity::low);
}

TEST(Crosswalk, SameTaxonomyChangesNothing) {
  const Coalition own = parse_coalition(dfc_file, "c.yaml");
  const Coalition same = measured(dfc_file, "dfc");
  EXPECT_TRUE(same.crosswalk_from.empty());
  for (std::size_t i = 0; i < own.members.size(); ++i) EXPECT_EQ(own.members[i].sector, same.members[i].sector);
}

TEST(Crosswalk, EveryShippedFileWithEveryBuiltInTaxonomy) {
  std::size_t combinations = 0;
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(source_dir / "networks")) {
    if (entry.path().extension() != ".yaml") continue;
    ++files;
    for (const auto& id : builtin_taxonomy_ids()) {
      LoadOptions o;
      o.taxonomy = id;
      Coalition c;
      ASSERT_NO_THROW(c = load_coalition_file(entry.path(), o)) << entry.path() << " " << id;
      EXPECT_EQ(c.taxonomy.id, id);
      // Every member is in a sector of the index: the target's or a carried one.
      const SectorReport r = gaps_of(c);
      for (std::size_t m = 0; m < c.members.size(); ++m) {
        EXPECT_EQ(r.index.sectors.at(r.index.sector_of[m]).id, c.members[m].sector);
      }
      for (const auto u : c.unplaced) EXPECT_EQ(c.taxonomy.find(c.members[u].sector), nullptr);
      ++combinations;
    }
  }
  EXPECT_GE(files, 7U);  // the seven networks of the issue's 28 combinations, and any added since
  EXPECT_EQ(combinations, files * builtin_taxonomy_ids().size());
  EXPECT_EQ(builtin_taxonomy_ids().size(), 4U);
}

TEST(Waivers, AWaivedSectorIsNeverMissing) {
  const std::string text = R"(coalition:
  name: A
  taxonomy: rhihub
  waive: {tribal: "no tribal lands or agencies in the county", transportation: no roads}
members: [{id: a, sector: education}]
)";
  const Coalition c = parse_coalition(text, "c.yaml");
  ASSERT_EQ(c.waivers.size(), 2U);
  EXPECT_EQ(c.waivers[0].sector, "tribal");
  EXPECT_EQ(c.waivers[0].reason, "no tribal lands or agencies in the county");
  EXPECT_EQ(c.waivers[0].pos.line, 4);
  ASSERT_NE(c.waiver("transportation"), nullptr);
  EXPECT_EQ(c.waiver("transportation")->reason, "no roads");
  EXPECT_EQ(c.waiver("housing"), nullptr);
  const SectorReport r = gaps_of(c);
  EXPECT_EQ(sector_ids(r, r.gaps.waived), (std::vector<std::string>{"tribal", "transportation"}));
  EXPECT_EQ(sector_ids(r, r.gaps.missing),
            (std::vector<std::string>{"economic", "social-services", "housing", "justice", "faith-based",
                                      "public-health", "community-based"}));
  const auto findings = gap_findings(c, r);
  const auto f =
      std::find_if(findings.begin(), findings.end(), [](const Finding& x) { return x.code == "waived-sector"; });
  ASSERT_NE(f, findings.end());
  const FindingNames names(c, r.index);
  EXPECT_EQ(finding_text(*f, names), "Tribal agencies is waived: no tribal lands or agencies in the county");
  EXPECT_EQ(f->severity, Severity::info);
  for (const auto& x : findings) {
    EXPECT_TRUE(x.code == "waived-sector" || std::count(x.subjects.begin(), x.subjects.end(), "tribal") == 0)
        << finding_text(x, names);
  }

  // Through the crosswalk: cross-sector tribal maps only to tribal, so it stays waived; DFC
  // government maps to government, public-health and tribal, so it is not waived.
  const Coalition cross = measured(text, "cross-sector");
  ASSERT_EQ(cross.waivers.size(), 2U);
  EXPECT_EQ(cross.waivers[0].sector, "transportation");
  EXPECT_EQ(cross.waivers[1].sector, "tribal");
  EXPECT_EQ(cross.waivers[1].reason, "no tribal lands or agencies in the county");
  const Coalition dfc = measured(text, "dfc");
  EXPECT_TRUE(dfc.waivers.empty());
}

TEST(Waivers, BadWaiversAreErrorsAtTheirPosition) {
  const auto d = problems(R"(coalition:
  name: A
  waive: {tribl: gone, housing: "", tribal: x, tribal: y}
members: [{id: a, sector: education}]
)");
  std::vector<std::string> got;
  for (const auto& x : d)
    got.push_back(std::to_string(x.pos.line) + ":" + std::to_string(x.pos.column) + " " + x.message);
  ASSERT_GE(got.size(), 2U);
  EXPECT_EQ(got[0],
            "3:11 cannot waive unknown sector 'tribl': not in the cross-sector taxonomy nor declared under "
            "'sectors'; did you mean 'tribal'?");
  EXPECT_EQ(got[1], "3:33 say why sector 'housing' is waived");
  const auto list = problems("coalition: {name: A, waive: [tribal]}\nmembers: [{id: a, sector: education}]\n");
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0].pos.line, 1);
  EXPECT_NE(list[0].message.find("'waive' must be a map"), std::string::npos);
  // A file's own sector may be waived; an alias counts for its sector.
  const Coalition own = parse_coalition(
      "coalition: {name: A, waive: {farms: none here, schools: home-schooled}}\nsectors: [{id: farms}]\n"
      "members: [{id: a, sector: housing}]\n",
      "c.yaml");
  ASSERT_EQ(own.waivers.size(), 2U);
  EXPECT_EQ(own.waivers[1].sector, "education");
  const auto twice =
      problems("coalition: {name: A, waive: {education: a, schools: b}}\nmembers: [{id: a, sector: housing}]\n");
  ASSERT_EQ(twice.size(), 1U);
  EXPECT_EQ(twice[0].message, "sector 'education' is waived twice");
}

TEST(Findings, MissingSectorSuggestsWhomToInvite) {
  const Coalition c =
      parse_coalition("coalition: {name: A, taxonomy: rhihub}\nmembers: [{id: a, sector: education}]\n", "c.yaml");
  const SectorReport r = gaps_of(c);
  const auto findings = gap_findings(c, r);
  const auto f = std::find_if(findings.begin(), findings.end(), [](const Finding& x) {
    return !x.subjects.empty() && x.subjects[0] == "transportation";
  });
  ASSERT_NE(f, findings.end());
  EXPECT_EQ(finding_text(*f, FindingNames(c, r.index)),
            "No member from Transportation, a core sector of the rhihub taxonomy. Whom to invite, for "
            "example: rural transit provider, volunteer driver program");
  const Coalition cross = parse_coalition("coalition: {name: A}\nmembers: [{id: a, sector: education}]\n", "c.yaml");
  const SectorReport rc = gaps_of(cross);
  const auto more = gap_findings(cross, rc);
  const auto h = std::find_if(more.begin(), more.end(),
                              [](const Finding& x) { return !x.subjects.empty() && x.subjects[0] == "health-care"; });
  ASSERT_NE(h, more.end());  // four examples: the first three are named
  EXPECT_EQ(finding_text(*h, FindingNames(cross, rc.index)),
            "No member from Health care, a core sector of the cross-sector taxonomy. Whom to invite, for "
            "example: hospital, federally qualified health center, clinic");
}

TEST(Crosswalk, ShippedFilesEqualTheCompiledInCrosswalk) {
  for (const auto& id : builtin_taxonomy_ids()) {
    const fs::path path = source_dir / "networks/taxonomies" / (id + ".yaml");
    std::ifstream in(path);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Taxonomy from_file = parse_taxonomy(text, path.string(), id);
    const Taxonomy built_in = resolve_taxonomy(id);
    ASSERT_EQ(from_file.sectors.size(), built_in.sectors.size()) << id;
    for (std::size_t i = 0; i < built_in.sectors.size(); ++i) {
      EXPECT_EQ(from_file.sectors[i].maps_to, built_in.sectors[i].maps_to) << id;
      EXPECT_EQ(from_file.sectors[i].examples, built_in.sectors[i].examples) << id;
    }
  }
}

TEST(Waivers, TaxonomyCoverageCountsTheTaxonomysOwnSectors) {
  const std::string text = R"(coalition:
  name: A
  taxonomy: rhihub
  waive: {tribal: none here}
members: [{id: a, sector: education}, {id: b, sector: education}]
)";
  const Coalition c = parse_coalition(text, "c.yaml");
  const TaxonomyCoverage row = taxonomy_coverage(c, gaps_of(c));
  EXPECT_EQ(row.taxonomy, "rhihub");
  EXPECT_EQ(row.sectors, c.taxonomy.sectors.size());
  EXPECT_EQ(row.covered, 1U) << "two members, one sector";
  EXPECT_EQ(row.waived, std::vector<std::string>{"tribal"});
  // Every other sector of the taxonomy is missing, by its priority.
  std::vector<std::string> core;
  std::vector<std::string> other;
  for (const Sector& s : c.taxonomy.sectors) {
    if (s.id == "education" || s.id == "tribal") continue;
    (s.priority == Priority::core ? core : other).push_back(s.id);
  }
  EXPECT_EQ(row.missing_core, core);
  EXPECT_EQ(row.missing_other, other);
  EXPECT_TRUE(row.unplaced.empty());
  EXPECT_TRUE(row.crosswalk_from.empty());
}
