// How outputs meant for sharing show a person (`--people`): the one rule every writer, finding,
// diagram and export follows (docs/people.md).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "xsector/coalition.hpp"

namespace xsector {

/// How outputs meant for sharing show a person (`--people`): by name (personal data), by
/// role (the default), or neither (a numbered contact of its organization).
enum class PeopleShown { names, roles, none };
std::string_view to_string(PeopleShown shown);
/// Parses `names`, `roles` or `none` (exactly, lower case); throws UsageError for anything
/// else. O(1).
PeopleShown parse_people_shown(std::string_view text);

/// What of a contact an output may show under `shown`: its name only with `names`, its role
/// with `names` and `roles`; email and phone go with the name. Empty where hidden or not
/// given. The views point into `contact`. O(1).
struct ShownContact {
  std::string_view name;
  std::string_view role;
  std::string_view email;
  std::string_view phone;
};
ShownContact shown_contact(const Contact& contact, PeopleShown shown);

/// Where a person's label stands, which decides its shape (the person below is contact 1 of
/// Williamson Health and Wellness Center, id `whwc-director`):
enum class PersonLabel {
  /// In a sentence, with its organization: "Jane Doe (Community health director, Williamson
  /// Health and Wellness Center)", "the Community health director of Williamson Health and
  /// Wellness Center", "contact 1 of Williamson Health and Wellness Center".
  sentence,
  /// In a table row beside its organization's column: "Jane Doe", "Community health director
  /// (whwc-director)", "whwc-director".
  cell,
  /// On a diagram, inside its organization's cluster: "Jane Doe", "Community health
  /// director", "contact 1".
  node,
};

/// How a finding, a table or a diagram names contact `contact` of member `member` under
/// `shown`, in the shape `where` asks for. A missing name falls back to the role, a missing
/// role to the contact's number (or id in a cell). `member` and `contact` must be valid
/// indices (unchecked). O(length of the text).
std::string person_label(const Coalition& coalition, std::size_t member, std::size_t contact, PeopleShown shown,
                         PersonLabel where = PersonLabel::sentence);

}  // namespace xsector
