// The coalition-file loader, whose parts read the sections of a coalition file: load.cpp
// (the file and its 'coalition' header), coalition_taxonomy.cpp, members.cpp, ties.cpp,
// governance.cpp and survey_section.cpp. Internal.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "load/yaml_reader.hpp"
#include "xsector/coalition.hpp"
#include "xsector/error.hpp"
#include "xsector/load.hpp"

namespace xsector::detail {

// Suggestions among member ids cost O(members) each; after this many, messages go without.
constexpr int max_member_suggestions = 100;

/// Reads one coalition file: YAML -> Coalition, every problem collected with its position.
class CoalitionLoader {
 public:
  CoalitionLoader(std::string file, const LoadOptions& options) : reader_(file, diagnostics_), options_(options) {
    coalition_.file = std::move(file);
  }

  /// The coalition `text` holds; throws InputError with every problem, sorted by position.
  Coalition load(std::string_view text);

  // Reading a coalition piece by piece (import_graphml): each piece is a YAML or JSON text of
  // its own, parsed with the loader's limits and read by the section readers below into
  // coalition(); problems go to diagnostics() at positions in their piece.
  /// A piece whose nodes number their lines from `first_line`, so "first defined at line N"
  /// names the line of the piece that holds it.
  std::optional<Document> parse_piece(std::string_view text, int first_line) { return reader_.parse(text, first_line); }
  YamlReader& reader() { return reader_; }
  Coalition& coalition() { return coalition_; }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

  // coalition_taxonomy.cpp
  /// `coalition.waive`: sector id -> reason; every id a sector of the taxonomy or the file.
  void read_waive(const Node& node);
  /// `sectors`: the file's own sectors, added to the taxonomy's.
  void read_sectors(const Node& node);
  // members.cpp
  /// `attributes`: a map of free keys to text (numbers and dates are kept as written).
  bool read_attributes(const Node& node, std::vector<std::pair<std::string, std::string>>& out);
  /// Reads a member's `contacts`: people with a slug id unique in the file, an optional name,
  /// role and `since` date. Returns false when any contact was invalid.
  bool read_contacts(const Node& node, Member& m);
  /// The index of member `id`; reports an unknown id (not one whose member entry was invalid).
  std::optional<std::size_t> member_ref(const Node& node, const std::string& id, std::string_view role);
  // ties.cpp
  /// Checks a tie's `carried_by`: a list of contact ids, each a contact of one of the tie's
  /// two members, none twice. Returns false after reporting a problem.
  bool read_carriers(const Node& node, Tie& tie);
  /// Reports a tie whose two ends are one member; true then.
  bool tied_to_itself(const Tie& tie);
  /// Adds a tie between members: a pair is tied once, or once each way; false after
  /// reporting a second tie on a pair.
  bool add_tie(Tie tie);
  // governance.cpp, survey_section.cpp
  /// `governance`: decision bodies with a unique id, a rule, seats, vetoes and a chair.
  void read_governance(const Node& node);
  /// `survey`: its name, date, tie rule, respondents and responses.
  void read_survey(const Node& node);

 private:
  // load.cpp: the file's root and its 'coalition' header
  /// The top-level map: every section, in the order they depend on each other.
  void read_root(const Node& root);
  /// Reads `coalition` and loads the taxonomy; returns the backbone node, read once members are.
  std::optional<Node> read_header(const Node& node);

  // coalition_taxonomy.cpp: the taxonomy, the file's own sectors and waivers
  /// Measures the loaded coalition against the --taxonomy one, if it differs from its own.
  void apply_target();
  /// `by_user`: the taxonomy came from the options, not from the file.
  void load_taxonomy(const std::string& id_or_path, SourcePos pos, bool by_user);

  // members.cpp: members, their attributes and contacts; references to members
  /// `members`: a list of at least one member with a unique id and a known sector.
  void read_members(const Node& node);
  /// A member's `sector`: one of the taxonomy's, by id or alias; false after reporting a problem.
  bool read_member_sector(const Fields& f, Member& m);

  // ties.cpp: ties, their level and who carries them
  /// A tie's or a response's `level`: a name of the continuum or 1-4.
  std::optional<TieLevel> read_level(const Node& node);
  /// `ties`: [a, b], `between: [a, b]` or `from`/`to`; a pair is tied once, or once each way.
  void read_ties(const Node& node);
  /// The two ends of a tie as written: [a, b], `between: [a, b]` or `from`/`to` (a directed
  /// tie); `f` receives the keys of a tie written as a map. Nullopt after reporting a problem.
  std::optional<std::pair<Node, Node>> read_tie_ends(const Node& item, Tie& tie, std::optional<Fields>& f);
  /// A tie's `level`, `kinds` and `attributes`; false after reporting a problem.
  bool read_tie_details(const Fields& f, Tie& tie);

  // governance.cpp: decision bodies, their rules and seats
  /// A body's `rule`: a named rule or `{quota: N}`; false after reporting a problem.
  bool read_rule(const Node& node, Rule& rule);
  /// A body's `seats`: member id -> positive votes, at most 2^53 in all; false after reporting a problem.
  bool read_seats(const Node& node, Body& body);
  /// A body's `veto`: members seated in it, none twice; false after reporting a problem.
  bool read_veto(const Node& node, Body& body);

  // survey_section.cpp: the survey (docs/surveys.md)
  /// `respondents`: member index -> line of its entry; nullopt after reporting a problem.
  std::optional<std::unordered_map<std::size_t, int>> read_respondents(const Node& node, Survey& survey);
  /// A map of 1-4 ratings under `what` with the three item names; false on any problem.
  bool read_items(const Node& node, std::string_view what, const std::array<std::string_view, 3>& names,
                  std::array<std::optional<int>, 3>& out);
  /// `responses`: one per respondent and partner, by a listed respondent; false on any problem.
  bool read_responses(const Node& node, Survey& survey, const std::unordered_map<std::size_t, int>* respondents);
  /// A response's `by` or `about` (`key`): the index of the member it names; nullopt after
  /// reporting a problem (`role` says what the key is for when it is missing).
  std::optional<std::size_t> response_member(const Fields& f, SourcePos pos, std::string_view key,
                                             std::string_view role);
  /// Reports a response by `by` about itself, or a second one about `about` (`answered`: (by,
  /// about) -> line of the first); false then.
  bool rates_new_partner(const Fields& f, SourcePos pos, std::size_t by, std::size_t about,
                         std::unordered_map<std::uint64_t, int>& answered);
  /// A response's `level`, `frequency`, `kinds`, `trust` and `value`; false after reporting a problem.
  bool read_response_ratings(const Fields& f, Response& r);
  /// A response's `contact`: a contact of the member who answered; false after reporting a problem.
  bool read_response_contact(const Fields& f, Response& r, std::optional<std::size_t> by);

  std::vector<Diagnostic> diagnostics_;
  YamlReader reader_;
  const LoadOptions& options_;
  Coalition coalition_;
  bool taxonomy_ok_ = true;
  std::optional<Node> waive_;                      // `coalition.waive`, read once sectors are
  std::optional<std::string> target_;              // --taxonomy, measured against after loading
  std::unordered_set<std::string> attempted_ids_;  // ids of members read, valid or not
  std::vector<std::string> member_id_list_;        // candidates for did-you-mean
  int member_suggestions_ = 0;
  std::unordered_map<std::uint64_t, std::size_t> tie_pairs_;       // pair -> its first tie
  std::unordered_map<std::uint64_t, std::size_t> reversed_pairs_;  // pair -> its second tie
  std::unordered_set<std::string> seat_names_;                     // ids named in the current body's seats
  std::unordered_set<std::size_t> seated_;                         // members seated in the current body
  // Contact id -> where it was defined and its member's id; ids of contacts read, valid or not.
  std::unordered_map<std::string, std::pair<SourcePos, std::string>> contact_seen_;
  std::unordered_set<std::string> contact_attempted_;
  std::unordered_set<std::string> valid_contacts_;  // contacts read without a problem
  std::vector<std::string> contact_id_list_;        // candidates for did-you-mean, sorted
  int suggestions_left_ = max_member_suggestions;
};

}  // namespace xsector::detail
