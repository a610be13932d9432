// The report use case: waves ordered, analyzed once and compared; the report's diagrams and
// files. The command line, the Python module and the browser app all call it.
#include <fmt/format.h>

#include <utility>

#include "xsector/error.hpp"
#include "xsector/io.hpp"
#include "xsector/report.hpp"
#include "xsector/usecases.hpp"

namespace xsector {

std::optional<Finding> order_waves(std::vector<Coalition>& waves, const std::vector<std::string>& names) {
  if (waves.size() != 2 || names.size() != 2) return std::nullopt;
  if (!match_coalitions(waves[0], waves[1]).waves || !dated_before(waves[1], waves[0])) return std::nullopt;
  Finding note = waves_reordered(names[1], waves[1].as_of, names[0], waves[0].as_of);
  std::swap(waves[0], waves[1]);
  return note;
}

ReportWork prepare_report(std::vector<Coalition> waves, const std::vector<std::string>& names,
                          const AnalysisOptions& analysis, const CompareOptions& compare) {
  if (waves.empty() || waves.size() > 2) {
    throw UsageError("a report takes one coalition file, or two to compare (wave A, then wave B)");
  }
  ReportWork work;
  work.reordered = order_waves(waves, names);
  work.waves = std::move(waves);
  if (work.waves.size() == 2 && compare.respondents_both && (!work.waves[0].survey || !work.waves[1].survey)) {
    throw UsageError(fmt::format("--respondents both needs a partner survey in both waves; {} has none",
                                 !work.waves[0].survey ? work.waves[0].file : work.waves[1].file));
  }
  for (const auto& c : work.waves) work.analyses.push_back(analyze(c, analysis));
  if (work.waves.size() == 2) {
    work.comparison = xsector::compare(work.waves[0], work.analyses[0], work.waves[1], work.analyses[1], compare);
    if (work.reordered) work.comparison->findings.insert(work.comparison->findings.begin(), *work.reordered);
  }
  return work;
}

std::vector<NamedFile> report_files(const ReportWork& work, const ReportSvgs& svgs, bool markdown) {
  const Coalition& c = work.waves.back();
  const Analysis& a = work.analyses.back();
  const Comparison* cmp = work.comparison ? &*work.comparison : nullptr;
  if (!markdown) {
    if (cmp == nullptr) return {{"report.html", report_html(c, a, svgs.members, svgs.sectors)}};
    ReportComparison waves;
    waves.before = &work.waves[0];
    waves.comparison = cmp;
    waves.before_svg = svgs.before;
    waves.changes_svg = cmp->as_waves ? svgs.changes : std::string();
    return {{"report.html", report_html(c, a, svgs.members, svgs.sectors, waves)}};
  }
  std::vector<NamedFile> files{{"members.svg", svgs.members}, {"sectors.svg", svgs.sectors}};
  if (cmp != nullptr) {
    files.push_back({"wave-a.svg", svgs.before});
    if (cmp->as_waves && !svgs.changes.empty()) files.push_back({"changes.svg", svgs.changes});
  }
  files.push_back({"report.md", cmp ? report_markdown(c, a, work.waves[0], *cmp) : report_markdown(c, a)});
  return files;
}

void write_report_folder(const std::filesystem::path& folder, const std::vector<NamedFile>& files) {
  std::vector<FileContent> contents;
  contents.reserve(files.size());
  for (const auto& f : files) contents.push_back({f.name, f.content});
  write_folder_atomic(folder, contents);
}

const std::vector<std::string>& report_file_names() {
  static const std::vector<std::string> names{"report.html", "report.md",  "members.svg",
                                              "sectors.svg", "wave-a.svg", "changes.svg"};
  return names;
}

}  // namespace xsector
