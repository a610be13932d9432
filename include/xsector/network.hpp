// The one compact graph of a coalition that every metric reads. Vertex i is member i (file
// order). Built once by build_graph; immutable afterwards, so threads may share it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

#include "xsector/coalition.hpp"

namespace xsector {

/// One adjacent pair (members tied in either direction): the undirected, unweighted view
/// structural metrics use. The ties on the pair keep their levels and directions for weighted
/// and directed figures.
struct PairEdge {
  std::uint32_t low = 0;               ///< the member with the lower index
  std::uint32_t high = 0;              ///< the member with the higher index
  std::array<std::uint32_t, 2> tie{};  ///< indices into Coalition::ties (one, or two opposite arcs)
  /// How many entries of `tie` are used: 1, or 2 for a pair tied both ways with from/to. (A
  /// hand-built coalition with more ties on one pair keeps the first two here; level and
  /// strength still count them all.)
  std::uint32_t tie_count = 0;
  int level = 0;              ///< the highest level among the pair's ties
  int strength = 0;           ///< the sum of the levels of the pair's ties
  bool undirected = false;    ///< tied with `between` or the shorthand
  bool arc_low_high = false;  ///< a directed tie from `low` to `high`
  bool arc_high_low = false;  ///< a directed tie from `high` to `low`
  [[nodiscard]] std::span<const std::uint32_t> ties() const { return {tie.data(), tie_count}; }
};

namespace detail {
struct NetworkStorage;  // private: the storage the views below point into
}

/// The graph of a coalition in compressed sparse row form: for each member its neighbours
/// (sorted by index) with the pair each neighbour slot belongs to, and the directed arcs out of
/// and into it. It knows nothing of sectors or metrics. Accessors are O(1) and return views into the storage; they stay
/// valid while the Network lives (also after it is moved). A default-constructed Network is
/// empty (no members). Member arguments must be below size(): they are not checked.
class Network {
 public:
  Network();
  ~Network();
  Network(Network&&) noexcept;
  Network& operator=(Network&&) noexcept;
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  /// Members (vertices).
  [[nodiscard]] std::size_t size() const { return n_; }
  /// Adjacent pairs (edges of the undirected view).
  [[nodiscard]] std::size_t pair_count() const { return pair_count_; }
  /// Neighbours of v in the undirected view, ascending.
  [[nodiscard]] std::span<const std::uint32_t> neighbors(std::size_t v) const {
    return {column_ + rowstart_[v], column_ + rowstart_[v + 1]};
  }
  /// For each slot of neighbors(v), the index of its pair (see pair()).
  [[nodiscard]] std::span<const std::uint32_t> neighbor_pairs(std::size_t v) const {
    return {slot_pair_ + rowstart_[v], slot_pair_ + rowstart_[v + 1]};
  }
  /// The number of neighbours of v (0 for an isolate). v must be below size() (unchecked).
  [[nodiscard]] std::size_t degree(std::size_t v) const { return rowstart_[v + 1] - rowstart_[v]; }
  /// Pair e, 0 <= e < pair_count(); pairs are ordered by (low, high).
  [[nodiscard]] const PairEdge& pair(std::size_t e) const { return pairs_[e]; }
  [[nodiscard]] std::span<const PairEdge> pairs() const { return {pairs_, pair_count_}; }
  /// Directed view: members v has an arc to (an undirected tie is an arc both ways, a from/to
  /// tie one arc), ascending.
  [[nodiscard]] std::span<const std::uint32_t> out_arcs(std::size_t v) const {
    return {out_to_ + out_start_[v], out_to_ + out_start_[v + 1]};
  }
  /// Directed view: members with an arc to v, ascending.
  [[nodiscard]] std::span<const std::uint32_t> in_arcs(std::size_t v) const {
    return {in_from_ + in_start_[v], in_from_ + in_start_[v + 1]};
  }
  /// The compressed sparse row arrays of the undirected view: neighbors(v) is
  /// columns()[row_offsets()[v] .. row_offsets()[v + 1]). size() + 1 offsets (one, 0, for an
  /// empty Network) and 2 pair_count() columns. For numeric code that maps them (Eigen::Map).
  [[nodiscard]] std::span<const std::uint32_t> row_offsets() const { return {rowstart_, n_ + 1}; }
  [[nodiscard]] std::span<const std::uint32_t> columns() const { return {column_, 2 * pair_count_}; }

 private:
  friend Network build_graph(const Coalition& coalition);
  void bind();

  std::unique_ptr<detail::NetworkStorage> storage_;
  std::size_t n_ = 0;
  std::size_t pair_count_ = 0;
  const std::uint32_t* rowstart_ = nullptr;
  const std::uint32_t* column_ = nullptr;
  const std::uint32_t* slot_pair_ = nullptr;
  const PairEdge* pairs_ = nullptr;
  const std::uint32_t* out_start_ = nullptr;
  const std::uint32_t* out_to_ = nullptr;
  const std::uint32_t* in_start_ = nullptr;
  const std::uint32_t* in_from_ = nullptr;
};

/// Builds the Network: one vertex per member, one pair per two members tied in either
/// direction (stored as two arcs of a compressed sparse row graph, each row sorted by target),
/// plus the directed view.
///
/// No members gives an empty Network (size() 0); members without ties are vertices of degree
/// 0. Expects a valid coalition (validate): tie ends in range and never a tie from a member
/// to itself. Throws std::length_error beyond 2^32 - 1 members or arcs.
/// Time complexity: O(n + m log m) for n members and m ties; memory O(n + m).
Network build_graph(const Coalition& coalition);

}  // namespace xsector
