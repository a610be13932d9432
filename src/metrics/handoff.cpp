// Handoff readiness: how many of a member's carried ties have a second carrier on its side.
// Definition in include/xsector/people.hpp and docs/people.md.
#include <utility>

#include "metrics/people_parts.hpp"
#include "xsector/people.hpp"

namespace xsector {

HandoffReadiness handoff_readiness(const Coalition& c) {
  const std::size_t n = c.members.size();
  HandoffReadiness out;
  out.carried.assign(n, 0);
  out.ready.assign(n, 0);
  out.member.assign(n, std::nullopt);
  const auto where = detail::contact_index(c);
  for (const Tie& tie : c.ties) {
    const auto [on_a, on_b] = detail::carriers_per_side(tie, where);
    for (const auto& [m, count] : {std::pair(tie.a, on_a), std::pair(tie.b, on_b)}) {
      if (count == 0) continue;
      ++out.carried[m];
      ++out.carried_ends;
      if (count >= 2) {
        ++out.ready[m];
        ++out.ready_ends;
      }
    }
  }
  for (std::size_t m = 0; m < n; ++m) {
    if (out.carried[m] > 0) out.member[m] = static_cast<double>(out.ready[m]) / static_cast<double>(out.carried[m]);
  }
  if (out.carried_ends > 0) out.network = static_cast<double>(out.ready_ends) / static_cast<double>(out.carried_ends);
  return out;
}

}  // namespace xsector
