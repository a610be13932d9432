// GraphML import's reading of graph data through the coalition loader's section readers:
// each data element holding JSON (JSON is YAML) is a piece parsed on its own, and the
// loader's problems in it are told at the data element, naming the item they are in.
// Internal.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "exchange/exchange_yaml.hpp"
#include "exchange/import_common.hpp"
#include "load/coalition_loader.hpp"

namespace xsector::detail {

/// Reads graph data through the loader's section readers, each data element a piece of its
/// own, and tells the loader's problems at the data element, naming the item they are in.
class Pieces {
 public:
  Pieces(CoalitionLoader& loader, RowProblems& problems) : loader_(loader), problems_(problems) {}

  /// Reads `text` with `read`; true when the loader found nothing wrong. `items` names the
  /// entries of a list ("item", "body"), or is empty for a piece told as a whole.
  bool read(const std::string& text, SourcePos at, const std::string& what, std::string_view items,
            const std::function<void(const Node&)>& read) {
    const std::size_t mark = loader_.diagnostics().size();
    const std::optional<Document> doc = loader_.parse_piece(text, at.line);
    if (doc) read(doc->root());
    return report(mark, at, what, items, doc ? std::optional<Node>(doc->root()) : std::nullopt);
  }
  /// A text value read as a piece of its own (a JSON string).
  bool read_text(const std::string& value, SourcePos at, const std::string& what,
                 const std::function<void(const Node&)>& read) {
    return this->read(json_text(ordered_json(value)), at, what, {}, read);
  }
  /// Where the loader's problems found from now on begin, for report().
  [[nodiscard]] std::size_t mark() const { return loader_.diagnostics().size(); }
  /// Tells the loader's problems found since `mark` at `at`; true when there are none.
  bool report(std::size_t mark, SourcePos at, const std::string& what, std::string_view items = {},
              std::optional<Node> root = std::nullopt) {
    auto& found = loader_.diagnostics();
    // In the order of their positions in the piece, as the loader tells a file's problems.
    std::stable_sort(found.begin() + static_cast<std::ptrdiff_t>(mark), found.end(), [](const auto& a, const auto& b) {
      return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
    });
    for (std::size_t k = mark; k < found.size(); ++k) {
      const Diagnostic& d = found[k];
      if (d.file != loader_.reader().file()) {
        problems_.add_fatal(d);
        continue;
      }
      std::size_t item = 0;  // the items before the problem, 0 when it is in none
      if (root && !items.empty() && root->IsSequence()) {
        std::size_t hi = root->size();
        while (item < hi) {  // the items are in the order of their positions
          const std::size_t mid = item + (hi - item) / 2;
          const SourcePos p = (*root)[mid].pos();
          if (std::pair(p.line, p.column) <= std::pair(d.pos.line, d.pos.column))
            item = mid + 1;
          else
            hi = mid;
        }
      }
      const std::string where = item == 0 ? what : fmt::format("{}, {} {}", what, items, item);
      Diagnostic out{loader_.reader().file(), at, fmt::format("{}: {}", where, d.message)};
      if (told_.insert(out.str()).second) problems_.add_fatal(std::move(out));
    }
    const bool ok = found.size() == mark;
    found.resize(mark);
    return ok;
  }

 private:
  CoalitionLoader& loader_;
  RowProblems& problems_;
  std::unordered_set<std::string> told_;  // messages told, each once
};

}  // namespace xsector::detail
