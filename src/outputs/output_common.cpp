// Formatting the writers share (see output_parts.hpp).
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "common/text.hpp"
#include "outputs/output_parts.hpp"
#include "outputs/survey_output.hpp"
#include "xsector/output.hpp"

namespace xsector {

namespace detail {

ordered_json number_or_null(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

ordered_json text_or_null(const std::string& s) { return s.empty() ? ordered_json(nullptr) : ordered_json(s); }

std::string fixed(const std::optional<double>& v, int digits) {
  return v ? detail::fixed_text(*v, digits) : std::string("-");
}

std::string figure_text(FigureKind kind, const std::optional<double>& v) {
  return fixed(v, kind == FigureKind::count ? 0 : 3);
}

Cell figure_cell(FigureKind kind, const std::optional<double>& v) {
  if (!v) return {};
  return kind == FigureKind::count ? integer_cell(std::llround(*v)) : Cell(*v);
}

std::string figure_display(FigureKind kind, const std::optional<double>& v, std::string_view missing) {
  if (!v) return std::string(missing);
  switch (kind) {
    case FigureKind::count: return fmt::format("{:.0f}", *v);
    case FigureKind::share: return fmt::format("{:.1f}%", 100 * *v);
    case FigureKind::score: break;
  }
  return fmt::format("{:.3f}", *v);
}

std::string change_display(FigureKind kind, const std::optional<double>& v, std::string_view missing) {
  if (!v) return std::string(missing);
  if (std::abs(*v) < (kind == FigureKind::count ? 0.5 : 0.0005)) {
    return "no change";
  }
  switch (kind) {
    case FigureKind::count: return fmt::format("{:+.0f}", *v);
    case FigureKind::share: return fmt::format("{:+.1f} points", 100 * *v);
    case FigureKind::score: break;
  }
  return fmt::format("{:+.3f}", *v);
}

ordered_json figure_json(FigureKind kind, const std::optional<double>& v) {
  if (!v) return nullptr;
  return kind == FigureKind::count ? ordered_json(static_cast<std::uint64_t>(*v)) : ordered_json(*v);
}

std::string render_text(const TextReport& report, bool markdown, int level) {
  const std::string mark(static_cast<std::size_t>(std::max(level, 1)), '#');
  std::string out = markdown ? fmt::format("{} {}\n", mark, report.title) : report.title + "\n";
  out += report.intro;
  for (const auto& s : report.sections) {
    out += markdown ? fmt::format("\n{}# {}\n\n", mark, s.title) : fmt::format("\n{}\n", s.title);
    out += s.body;
  }
  return out;
}

/// The JSON text of `doc`, with every -0 written as 0 (walked without recursion) and bytes
/// that are not UTF-8 written as U+FFFD (never an exception).
std::string json_text(ordered_json& doc) {
  std::vector<ordered_json*> stack = {&doc};
  while (!stack.empty()) {
    ordered_json* v = stack.back();
    stack.pop_back();
    if (v->is_number_float() && v->get<double>() == 0) {
      *v = 0.0;
    } else if (v->is_structured()) {
      for (auto& child : *v) stack.push_back(&child);
    }
  }
  return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

/// User text in a table (terminal) or Markdown line: see detail::terminal_safe and
/// detail::markdown_text.
std::string user_text(const std::string& s, bool markdown) {
  return markdown ? detail::markdown_text(s) : detail::terminal_safe(s);
}

std::string header_line(const Coalition& c, bool markdown) {
  std::string line = user_text(c.name, markdown);
  if (!c.place.empty()) line += fmt::format(", {}", user_text(c.place, markdown));
  if (!c.as_of.empty()) line += fmt::format(" (as of {})", user_text(c.as_of, markdown));
  return line;
}

ordered_json findings_json(const std::vector<Finding>& findings, const FindingNames& names) {
  ordered_json out = ordered_json::array();
  for (const auto& f : findings) {
    out.push_back({{"severity", to_string(f.severity)},
                   {"area", to_string(f.area)},
                   {"code", f.code},
                   {"message", finding_text(f, names)},
                   {"subjects", f.subjects}});
  }
  return out;
}

ordered_json coalition_json(const Coalition& c) {
  return {{"name", c.name},
          {"place", text_or_null(c.place)},
          {"as_of", text_or_null(c.as_of)},
          {"taxonomy", c.taxonomy.id},
          {"backbone", c.backbone ? ordered_json(c.members[*c.backbone].id) : ordered_json(nullptr)}};
}

std::vector<Finding> area_findings(const Analysis& a, std::initializer_list<FindingArea> areas) {
  std::vector<Finding> out;
  std::copy_if(a.findings.begin(), a.findings.end(), std::back_inserter(out),
               [&](const Finding& f) { return std::find(areas.begin(), areas.end(), f.area) != areas.end(); });
  return out;
}

std::string findings_text(const std::vector<Finding>& findings, const FindingNames& names, bool markdown) {
  std::string out;
  for (const auto& f : findings) {
    const std::string text = finding_text(f, names);
    out += markdown ? fmt::format("- **{}** {}\n", to_string(f.severity), user_text(text, true))
                    : fmt::format("  [{}] {}\n", to_string(f.severity), user_text(text, false));
  }
  if (findings.empty()) out += markdown ? "- none\n" : "  none\n";
  return out;
}

namespace {

bool in_areas(const FindingGroup& g, std::initializer_list<FindingArea> areas) {
  return !g.items.empty() && std::find(areas.begin(), areas.end(), g.items.front().area) != areas.end();
}

}  // namespace

std::string_view finding_title(std::string_view code) {
  static const std::vector<std::pair<std::string_view, std::string_view>> titles = {
      {"community-led-power", "community-led seats and power"},
      {"lived-experience-power", "lived-experience seats and power"},
      {"concentrated-roles", "roles held by one member"},
      {"resources-and-power", "funding and power"},
      {"warm-handoff", "warm handoffs"},
      {"waived-sector", "waived sectors"},
      {"no-governance", "no decision body"},
  };
  for (const auto& [c, title] : titles) {
    if (c == code) return title;
  }
  return "other notes";
}

std::string findings_text(const Coalition& c, const Analysis& a, std::initializer_list<FindingArea> areas,
                          bool markdown) {
  const FindingNames names(c, a.sectors.index);
  if (a.all_findings) return findings_text(area_findings(a, areas), names, markdown);
  std::string out;
  auto line = [&](std::string_view severity, const std::string& text) {
    out += markdown ? fmt::format("- **{}** {}\n", severity, user_text(text, true))
                    : fmt::format("  [{}] {}\n", severity, user_text(text, false));
  };
  std::vector<std::string> notes;  // info groups, on one line
  std::size_t total = 0;
  for (const auto& g : a.finding_groups) {
    if (!in_areas(g, areas)) continue;
    total += g.items.size();
    if (g.severity == Severity::info) {
      const std::string_view title = finding_title(g.code);
      notes.push_back(g.items.size() == 1 ? std::string(title) : fmt::format("{} ({})", title, g.items.size()));
      continue;
    }
    line(to_string(g.severity), group_text(g, names));
  }
  if (!notes.empty()) line("info", fmt::format("Notes: {}", fmt::join(notes, "; ")));
  if (total == 0) out += markdown ? "- none\n" : "  none\n";
  const bool folded = std::any_of(a.finding_groups.begin(), a.finding_groups.end(),
                                  [&](const FindingGroup& g) { return in_areas(g, areas) && g.items.size() > 1; });
  if (folded || !notes.empty()) {
    out += fmt::format("{}{} in all, one line per kind: --all-findings lists each\n", markdown ? "\n" : "  ",
                       counted(total, "finding", "findings"));
  }
  return out;
}

ordered_json finding_groups_json(const Coalition& c, const Analysis& a, std::initializer_list<FindingArea> areas) {
  const FindingNames names(c, a.sectors.index);
  ordered_json out = ordered_json::array();
  for (const auto& g : a.finding_groups) {
    if (!in_areas(g, areas)) continue;
    std::vector<std::string> subjects;
    for (const auto& f : g.items) {
      for (const auto& s : f.subjects) {
        if (std::find(subjects.begin(), subjects.end(), s) == subjects.end()) subjects.push_back(s);
      }
    }
    out.push_back({{"code", g.code},
                   {"severity", to_string(g.severity)},
                   {"count", g.items.size()},
                   {"message", group_text(g, names)},
                   {"subjects", std::move(subjects)}});
  }
  return out;
}

ordered_json approximate_json(const Analysis& a, const Coalition& c) {
  ordered_json out = ordered_json::object();
  for (const auto& e : a.approximate) {
    out[e.figure] = {{"method", to_string(e.method)},
                     {"samples", e.samples},
                     {"sources", e.sources},
                     {"epsilon", number_or_null(e.epsilon)},
                     {"delta", e.delta},
                     {"seed", e.seed},
                     {"note", e.note}};
  }
  ordered_json bodies = ordered_json::array();
  for (const auto& body : a.power.bodies) {
    if (!body.estimate) continue;
    const PowerEstimate& e = *body.estimate;
    bodies.push_back({{"body", c.governance[body.body].id},
                      {"method", e.method},
                      {"interval", e.interval},
                      {"confidence", e.confidence},
                      {"samples", e.samples},
                      {"seed", e.seed},
                      {"banzhaf_half_width", e.banzhaf_half_width},
                      {"shapley_shubik_half_width", e.shapley_shubik_half_width},
                      {"penrose_half_width", e.penrose_half_width}});
  }
  if (!bodies.empty()) out["power"] = bodies;
  ordered_json departures = ordered_json::array();
  for (const auto& d : a.resilience.power_estimates) {
    const PowerEstimate& e = d.widest;
    departures.push_back({{"body", c.governance[d.body].id},
                          {"method", e.method},
                          {"interval", e.interval},
                          {"confidence", e.confidence},
                          {"departures", d.departures},
                          {"samples", e.samples},
                          {"seed", e.seed},
                          {"banzhaf_half_width", e.banzhaf_half_width},
                          {"shapley_shubik_half_width", e.shapley_shubik_half_width},
                          {"penrose_half_width", e.penrose_half_width}});
  }
  if (!departures.empty()) out["departure_power"] = departures;
  return out;
}

/// The estimates lines of the table and Markdown outputs; empty when all figures are exact.
std::string approximate_text(const Analysis& a, const Coalition& c, bool markdown, bool power_lines) {
  std::vector<std::string> lines;
  if (std::string line = describe_estimates(a); !line.empty()) lines.push_back(std::move(line));
  for (const auto& body : a.power.bodies) {
    if (!body.estimate || !power_lines) continue;
    const PowerEstimate& e = *body.estimate;
    lines.push_back(
        fmt::format("Voting power in {} estimated by Monte Carlo ({} samples, seed {}): banzhaf ±{:.4f}, "
                    "shapley-shubik ±{:.4f}, penrose ±{:.4f} at {:g}% confidence.",
                    c.governance[body.body].id, e.samples, e.seed, e.banzhaf_half_width, e.shapley_shubik_half_width,
                    e.penrose_half_width, e.confidence * 100));
  }
  for (const auto& d : a.resilience.power_estimates) {
    const PowerEstimate& e = d.widest;
    lines.push_back(
        fmt::format("Voting power in {} after each of {} departures estimated by Monte Carlo ({} samples "
                    "each, seed {}): banzhaf ±{:.4f}, shapley-shubik ±{:.4f}, penrose ±{:.4f} at {:g}% "
                    "confidence.",
                    c.governance[d.body].id, d.departures, e.samples, e.seed, e.banzhaf_half_width,
                    e.shapley_shubik_half_width, e.penrose_half_width, e.confidence * 100));
  }
  for (const auto b : a.resilience.power_not_recomputed) {
    lines.push_back(
        fmt::format("Voting power in {} is not recomputed after a departure: it has {} seats, over the "
                    "limit of {} (each departure says only whether the rest can still decide).",
                    c.governance[b].id, c.governance[b].seats.size(), departure_seat_limit));
  }
  std::string out;
  for (const auto& line : lines) out += markdown ? fmt::format("\n> {}\n", line) : fmt::format("\nnote: {}\n", line);
  return out;
}

}  // namespace detail

}  // namespace xsector
