// The coalition: a plain value holding every field a coalition file held, with the
// position of every item kept for messages.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "xsector/error.hpp"

namespace xsector {

/// How much a taxonomy expects a sector at the table: a missing core sector is a high
/// finding, a recommended one medium, an optional one low.
enum class Priority { core, recommended, optional };
/// `core`, `recommended` or `optional`. O(1).
std::string_view to_string(Priority p);

/// A sector of a taxonomy, or one declared in a coalition file's `sectors`.
struct Sector {
  std::string id;
  std::string name;
  Priority priority = Priority::optional;
  std::vector<std::string> examples;
  std::vector<std::string> aliases;
  std::string source;
  SourcePos pos;
  /// The `cross-sector` sector ids this sector corresponds to (the crosswalk between
  /// taxonomies; a `cross-sector` sector maps to itself). Empty: it maps nowhere.
  std::vector<std::string> maps_to;
};

/// A sector the coalition says does not apply (`coalition.waive`), with the reason given.
struct Waiver {
  std::string sector;  ///< canonical sector id
  std::string reason;
  SourcePos pos;
};

/// A set of sectors a coalition is measured against (docs/format.md).
struct Taxonomy {
  std::string id;  ///< built-in id (`cross-sector`), the file's own `taxonomy.id`, or its path
  std::string name;
  std::string source;
  std::string file;  ///< the file it was read from, as opened; empty for a built-in taxonomy
  std::vector<Sector> sectors;

  /// The sector whose id or one of whose aliases is `id_or_alias` (ids first, exact and case
  /// sensitive), or null. O(sectors + aliases).
  [[nodiscard]] const Sector* find(std::string_view id_or_alias) const;
  /// The number of its sectors of priority `core`. O(sectors).
  [[nodiscard]] std::size_t core_count() const;
};

/// Collaboration continuum levels; a tie's strength in weighted metrics is its level.
enum class TieLevel : int { networking = 1, coordinating = 2, cooperating = 3, collaborating = 4 };
/// `networking`, `coordinating`, `cooperating` or `collaborating`. O(1).
std::string_view to_string(TieLevel level);

/// A person of a member organization who carries relationships (`contacts`).
struct Contact {
  std::string id;     ///< a slug, unique in the file
  std::string name;   ///< personal data: shown only with `--people names`; may be empty
  std::string role;   ///< may be empty
  std::string email;  ///< personal data, like `name`; may be empty
  std::string phone;  ///< personal data, like `name`; may be empty
  std::string since;  ///< YYYY-MM-DD or empty
  SourcePos pos;
};

/// A member organization (a vertex of the network; its index in Coalition::members).
struct Member {
  std::string id;
  std::string name;               ///< defaults to the id
  std::string sector;             ///< canonical sector id (aliases resolved)
  std::string sector_as_written;  ///< what the file said (an alias or the id)
  bool community_led = false;
  bool lived_experience = false;
  std::optional<double> funding;
  std::vector<std::string> tags;
  /// Free key-value facts kept from a partner list (Contact, Joined, Frequency, ...), in
  /// file order; keys are unique. Carried through every format, used by no metric.
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<Contact> contacts;  ///< in file order
  SourcePos pos;
};

/// How a tie was written: `[a, b]`, `{between: [a, b]}` or `{from: a, to: b}`.
enum class TieForm { shorthand, between, from_to };

/// A relationship between two different members: undirected (`[a, b]`, `between`) or directed
/// from `a` to `b` (`from`/`to`), at one level of the collaboration continuum.
struct Tie {
  std::size_t a = 0;  ///< member index (`from` for a directed tie)
  std::size_t b = 0;  ///< member index (`to` for a directed tie)
  bool directed = false;
  TieLevel level = TieLevel::networking;
  std::vector<std::string> kinds;
  /// Contact ids of the people who carry it (`carried_by`), in file order; each a contact of
  /// member `a` or member `b`.
  std::vector<std::string> carried_by;
  /// Free key-value facts kept from a ties sheet (Frequency, Since, ...), in file order; keys
  /// are unique. Carried through every format, used by no metric.
  std::vector<std::pair<std::string, std::string>> attributes;
  TieForm form = TieForm::shorthand;
  SourcePos pos;
  /// Not written under `ties`: made from survey responses (add_survey_ties). Writers of
  /// coalition files leave such ties out; the survey they came from is written instead.
  bool from_survey = false;
};

/// A decision rule; `quota(total)` gives the votes a winning coalition needs.
struct Rule {
  enum class Kind { majority, two_thirds, unanimity, consensus, quota };
  Kind kind = Kind::majority;
  std::int64_t explicit_quota = 0;  ///< only for Kind::quota

  /// majority: floor(total/2)+1; two-thirds: ceil(2*total/3); unanimity and consensus:
  /// total; quota: the explicit number (whatever the total). With no votes (total 0):
  /// majority 1, the others 0, quota its number. O(1).
  [[nodiscard]] std::int64_t quota(std::int64_t total_votes) const;
  /// `majority`, `two-thirds`, `unanimity`, `consensus` or `quota N`. O(1).
  [[nodiscard]] std::string name() const;
};

/// A seat of a decision body held by one member.
struct Seat {
  std::size_t member = 0;  ///< member index
  std::int64_t votes = 0;  ///< a positive whole number
  SourcePos pos;
};

/// A decision body (`governance`): who holds seats with how many votes, the rule by which it
/// decides, veto holders and chair (member indices).
struct Body {
  std::string id;
  std::vector<std::string> decides;
  Rule rule;
  std::vector<Seat> seats;        ///< in file order
  std::vector<std::size_t> veto;  ///< member indices
  std::optional<std::size_t> chair;
  SourcePos pos;

  /// The sum of the seats' votes; 0 without seats. O(seats).
  [[nodiscard]] std::int64_t total_votes() const;
};

/// How often a survey respondent says it works with a partner.
enum class Frequency { never, yearly, quarterly, monthly, weekly, daily };
/// `never`, `yearly`, `quarterly`, `monthly`, `weekly` or `daily`. O(1).
std::string_view to_string(Frequency f);

/// The survey's trust items and value items, in the order Response keeps them.
inline constexpr std::array<std::string_view, 3> trust_item_names = {"reliability", "mission", "openness"};
inline constexpr std::array<std::string_view, 3> value_item_names = {"power", "involvement", "resources"};

/// One answer of a partner survey: member `by` rates member `about` (docs/surveys.md).
struct Response {
  std::size_t by = 0;             ///< member index of the respondent
  std::size_t about = 0;          ///< member index of the partner rated
  std::optional<TieLevel> level;  ///< as the respondent sees it; networking when not given
  std::optional<Frequency> frequency;
  std::vector<std::string> kinds;
  std::array<std::optional<int>, 3> trust{};  ///< reliability, mission, openness; each 1-4
  std::array<std::optional<int>, 3> value{};  ///< power, involvement, resources; each 1-4
  std::string contact;                        ///< the respondent's person who answered (a slug), or empty
  SourcePos pos;
};

/// Which reported pairs become ties: any pair either side names, or only confirmed pairs.
enum class TieRule { any, both };
/// `any` or `both`. O(1).
std::string_view to_string(TieRule rule);

/// A partner survey (the `survey` section of a coalition file).
struct Survey {
  std::string name;
  std::string fielded;                   ///< YYYY-MM-DD or empty
  std::vector<std::size_t> respondents;  ///< member indices, in file order
  TieRule tie_rule = TieRule::any;
  std::vector<Response> responses;  ///< in file order
  SourcePos pos;
};

/// A whole coalition file. load_coalition_file returns a valid one; a program that builds or
/// changes one calls validate (and, with a survey, add_survey_ties) before build_graph.
struct Coalition {
  std::string file;  ///< the path it was read from, as given
  std::string name;
  std::string place;
  std::string as_of;  ///< YYYY-MM-DD or empty
  std::optional<std::size_t> backbone;
  Taxonomy taxonomy;
  std::string taxonomy_ref;  ///< `coalition.taxonomy` as written (default `cross-sector`)
  /// The taxonomy file `coalition.taxonomy` named, as opened (relative to the coalition's
  /// folder); empty for a built-in taxonomy. Kept when measured against another taxonomy.
  std::string taxonomy_file;
  std::vector<Sector> extra_sectors;  ///< the file's own `sectors`
  std::vector<Member> members;        ///< in file order; a member's index is its vertex
  std::vector<Tie> ties;
  std::vector<Body> governance;
  /// Sectors waived by `coalition.waive`, in file order: never reported missing.
  std::vector<Waiver> waivers;
  /// When measured against another taxonomy than its own (`--taxonomy`): the file's own
  /// taxonomy id; empty otherwise.
  std::string crosswalk_from;
  /// Members whose sector maps to no sector of the taxonomy measured against (indices, in
  /// file order); each keeps its own sector, carried along as a file sector.
  std::vector<std::size_t> unplaced;
  std::optional<Survey> survey;  ///< the `survey` section, if the file has one
  /// Member id -> index in `members`, filled by the loader (index_members). A Coalition
  /// built by hand may leave it empty: member_index then searches `members`. Code that
  /// changes member ids after loading must call index_members() again or clear this.
  std::unordered_map<std::string, std::size_t> member_ids;

  /// The index of the member with this id, or nullopt. O(1) expected when `member_ids`
  /// has one entry per member (checked against `members`), else O(members).
  [[nodiscard]] std::optional<std::size_t> member_index(std::string_view id) const;
  /// Fills `member_ids` from `members`. O(members).
  void index_members();
  /// A sector of the taxonomy or of the file, by canonical id or alias; null if neither. The
  /// taxonomy wins over the file's own sectors; ids before aliases. O(sectors + aliases).
  [[nodiscard]] const Sector* find_sector(std::string_view id_or_alias) const;
  /// The waiver of sector `sector` (canonical id) in `waivers`, or null. O(waivers).
  [[nodiscard]] const Waiver* waiver(std::string_view sector) const;
};

}  // namespace xsector
