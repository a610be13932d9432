// Figures across many waves of one coalition: every network figure and the chosen member
// figures per wave, waves ordered by date (`xsector trend`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "xsector/analysis.hpp"
#include "xsector/coalition.hpp"

namespace xsector {

/// A wave as trend lists it: the file it was read from, the coalition's name and its date
/// (`as_of`, else the survey's `fielded`, else empty).
struct TrendWave {
  std::string file;
  std::string name;
  std::string date;
};

/// One series: a value per wave, null where the wave lacks it.
using Series = std::vector<std::optional<double>>;

/// A member across the waves: its id, its name in the latest wave that lists it, and one
/// series per chosen member figure (Trend::member_figures), null in waves without it.
struct TrendMember {
  std::string id;
  std::string name;
  std::vector<Series> figures;
};

struct Trend {
  std::vector<TrendWave> waves;             ///< in date order
  std::vector<std::string> network_names;   ///< every figure of figure_table(), in its order
  std::vector<Series> network;              ///< one series per network figure
  std::vector<std::string> member_figures;  ///< names of member_figure_table() entries
  std::vector<TrendMember> members;         ///< every member of any wave, first seen first
};

/// The date trend orders a wave by: `as_of`, else `survey.fielded`, else empty. O(1).
std::string wave_date(const Coalition& coalition);

/// The order to show waves in: by wave_date, dated before undated, the order given
/// otherwise (a stable sort; dates compare as YYYY-MM-DD text). O(w log w).
std::vector<std::size_t> trend_order(const std::vector<const Coalition*>& waves);

/// The default member figures of a trend: degree and betweenness; trust and value when any
/// wave has a survey; power_share when any has a decision body; handoff_readiness when any
/// lists contacts. O(w).
std::vector<std::string> default_trend_figures(const std::vector<const Coalition*>& waves);

/// The trend of `waves` (each analysed in `analyses`, same length and order) in trend_order,
/// with the member figures named in `member_figures` (names of member_figure_table(); a name
/// that is not one throws UsageError, naming the known ones). Members are matched by id.
/// O(w (F + n f) + N log N) for w waves, F network figures, n members, f member figures and
/// N members over all waves.
Trend trend(const std::vector<const Coalition*>& waves, const std::vector<const Analysis*>& analyses,
            const std::vector<std::string>& member_figures);

}  // namespace xsector
