// The coalition-file loader: YAML -> Coalition, every problem collected with its position.
#include "xsector/load.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "load/taxonomy_reader.hpp"
#include "load/validate.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/crosswalk.hpp"
#include "xsector/survey.hpp"

namespace xsector {

namespace {

using detail::Fields;
using detail::Node;
using detail::YamlReader;

// Suggestions among member ids cost O(members) each; after this many, messages go without.
constexpr int max_member_suggestions = 100;

std::atomic<std::uint64_t> default_max_bytes{std::uint64_t{256} << 20U};

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (std::uint64_t{1} << 20U)) {
    return fmt::format("{:.1f} MiB ({} bytes)", static_cast<double>(bytes) / (1 << 20), bytes);
  }
  return fmt::format("{} bytes", bytes);
}

std::string too_large_message(std::uint64_t size, std::uint64_t limit) {
  return fmt::format(
      "the file is {}, over the input size limit of {}; raise the limit with "
      "--max-input-size MB",
      size_text(size), size_text(limit));
}

bool valid_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int year = std::stoi(s.substr(0, 4));
  const int month = std::stoi(s.substr(5, 2));
  const int day = std::stoi(s.substr(8, 2));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > days[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

class CoalitionLoader {
 public:
  CoalitionLoader(std::string file, const LoadOptions& options) : reader_(file, diagnostics_), options_(options) {
    coalition_.file = std::move(file);
  }

  Coalition load(std::string_view text) {
    if (text.size() > options_.max_bytes) {
      reader_.error({}, too_large_message(text.size(), options_.max_bytes));
    } else if (auto document = reader_.parse(text)) {
      read_root(document->root());
    }
    if (diagnostics_.empty() && target_) apply_target();
    if (!diagnostics_.empty()) {
      std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const auto& a, const auto& b) {
        if (a.file != b.file) return false;
        return std::pair(a.pos.line, a.pos.column) < std::pair(b.pos.line, b.pos.column);
      });
      throw InputError(std::move(diagnostics_));
    }
    coalition_.index_members();
    add_survey_ties(coalition_);
    return std::move(coalition_);
  }

 private:
  void read_root(const Node& root) {
    if (root.IsNull()) {
      reader_.error(reader_.pos(root),
                    "the file is empty; a coalition file needs at least "
                    "'coalition' and 'members'");
      return;
    }
    static const std::vector<std::string> keys = {"coalition", "sectors", "members", "ties", "governance", "survey"};
    auto f = reader_.fields(root, keys, "the coalition file");
    if (!f) return;
    std::optional<Node> backbone;
    if (const auto* c = f->get("coalition")) {
      backbone = read_header(*c);
    } else {
      reader_.missing(*f, "coalition", {1, 1}, "the file needs a 'coalition' section with at least a 'name'");
      load_taxonomy(options_.taxonomy.value_or("cross-sector"), {}, options_.taxonomy.has_value());
    }
    if (const auto* s = f->get("sectors")) read_sectors(*s);
    if (waive_ && taxonomy_ok_) read_waive(*waive_);
    // Without a taxonomy, members are read for every other problem, not for their sector.
    if (const auto* m = f->get("members")) {
      read_members(*m);
    } else {
      reader_.missing(*f, "members", {1, 1}, "the file needs 'members': a list of at least one member");
    }
    if (backbone) {
      if (auto id = reader_.slug(*backbone, "backbone")) {
        coalition_.backbone = member_ref(*backbone, *id, "backbone");
      }
    }
    if (const auto* t = f->get("ties")) read_ties(*t);
    if (const auto* g = f->get("governance")) read_governance(*g);
    if (const auto* s = f->get("survey")) read_survey(*s);
  }

  /// Reads `coalition` and loads the taxonomy; returns the backbone node, read once members are.
  std::optional<Node> read_header(const Node& node) {
    static const std::vector<std::string> keys = {"name", "place", "as_of", "backbone", "taxonomy", "waive"};
    auto f = reader_.fields(node, keys, "'coalition'");
    std::string taxonomy = "cross-sector";
    SourcePos taxonomy_pos = reader_.pos(node);
    std::optional<Node> backbone;
    bool from_file = false;
    if (f) {
      if (const auto* n = f->get("name")) {
        if (auto v = reader_.text(*n, "the coalition's name")) {
          if (v->empty()) reader_.error(reader_.pos(*n), "the coalition's name is empty");
          coalition_.name = *v;
        }
      } else {
        reader_.missing(*f, "name", reader_.pos(node), "'coalition' needs a 'name'");
      }
      if (const auto* p = f->get("place")) {
        if (auto v = reader_.text(*p, "place")) coalition_.place = *v;
      }
      if (const auto* d = f->get("as_of")) {
        if (auto v = reader_.text(*d, "as_of")) {
          if (valid_date(*v)) {
            coalition_.as_of = *v;
          } else {
            reader_.error(reader_.pos(*d), fmt::format("as_of must be a date like 2024-06-30, found '{}'", *v));
          }
        }
      }
      if (const auto* b = f->get("backbone")) backbone = *b;
      if (const auto* w = f->get("waive")) waive_ = *w;
      if (const auto* t = f->get("taxonomy")) {
        if (auto v = reader_.text(*t, "taxonomy")) taxonomy = *v;
        taxonomy_pos = reader_.pos(*t);
        from_file = true;
      }
    }
    // --taxonomy: the file is read against its own taxonomy, then measured against the
    // other one through the crosswalk (apply_target).
    target_ = options_.taxonomy;
    if (target_ && from_file && !options_.taxonomy_paths) {
      // A file from elsewhere may not name a taxonomy file: the user's taxonomy stands in for it.
      const auto ids = builtin_taxonomy_ids();
      if (std::find(ids.begin(), ids.end(), taxonomy) == ids.end()) {
        taxonomy = *target_;
        taxonomy_pos = {};
        from_file = false;
      }
    }
    coalition_.taxonomy_ref = taxonomy;
    load_taxonomy(taxonomy, taxonomy_pos, !from_file);
    return backbone;
  }

  /// `coalition.waive`: sector id -> reason; every id a sector of the taxonomy or the file.
  void read_waive(const Node& node) {
    if (node.IsNull()) return;
    if (!node.IsMap()) {
      reader_.error(reader_.pos(node),
                    "'waive' must be a map of sector id: reason, like "
                    "{tribal: \"no tribal lands in the county\"}");
      return;
    }
    for (std::size_t e = 0; e < node.size(); ++e) {
      const Node key = node.key(e);
      const Node value = node.value(e);
      auto id = reader_.slug(key, "waived sector");
      auto reason = reader_.text(value, "the reason a sector is waived");
      if (!id || !reason) continue;
      if (reason->empty()) {
        reader_.error(reader_.pos(value), fmt::format("say why sector '{}' is waived", *id));
        continue;
      }
      const Sector* sector = coalition_.find_sector(*id);
      if (sector == nullptr) {
        std::string message = unknown_sector_message(*id);
        message.replace(0, 14, "cannot waive unknown sector");
        reader_.error(reader_.pos(key), message);
        continue;
      }
      const bool twice = std::any_of(coalition_.waivers.begin(), coalition_.waivers.end(),
                                     [&](const Waiver& w) { return w.sector == sector->id; });
      if (twice) {
        reader_.error(reader_.pos(key), fmt::format("sector '{}' is waived twice", sector->id));
        continue;
      }
      coalition_.waivers.push_back({sector->id, *reason, reader_.pos(key)});
    }
  }

  /// Measures the loaded coalition against the --taxonomy one, if it differs from its own.
  void apply_target() {
    TaxonomyAccess access;
    access.max_bytes = options_.max_bytes;
    Taxonomy target;
    try {
      target = resolve_taxonomy(*target_, std::filesystem::path(coalition_.file).parent_path(), access);
    } catch (const InputError& e) {
      for (auto d : e.diagnostics()) {
        if (d.file == "<taxonomy>") d.file = coalition_.file;
        diagnostics_.push_back(d);
      }
      return;
    } catch (const IoError& e) {
      reader_.error({}, fmt::format("cannot read the taxonomy: {}", e.what()));
      return;
    }
    if (target.id == coalition_.taxonomy.id) return;
    coalition_.index_members();
    coalition_ = measure_against(coalition_, target);
    coalition_.taxonomy_ref = *target_;
  }

  /// `by_user`: the taxonomy came from the options, not from the file.
  void load_taxonomy(const std::string& id_or_path, SourcePos pos, bool by_user) {
    TaxonomyAccess access;
    access.paths = by_user || options_.taxonomy_paths;
    access.max_bytes = options_.max_bytes;
    try {
      coalition_.taxonomy = resolve_taxonomy(id_or_path, std::filesystem::path(coalition_.file).parent_path(), access);
    } catch (const InputError& e) {
      for (auto d : e.diagnostics()) {
        if (d.file == "<taxonomy>") {
          d.file = coalition_.file;
          d.pos = pos;
        }
        diagnostics_.push_back(d);
      }
      taxonomy_ok_ = false;
    } catch (const IoError& e) {
      reader_.error(pos, fmt::format("cannot read the taxonomy: {}", e.what()));
      taxonomy_ok_ = false;
    }
  }

  void read_sectors(const Node& node) {
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node), "'sectors' must be a list of sectors");
      return;
    }
    for (const Node item : node) {
      if (auto s = detail::read_sector(reader_, item)) coalition_.extra_sectors.push_back(*s);
    }
    if (taxonomy_ok_) {
      detail::check_sector_names(reader_, coalition_.extra_sectors, &coalition_.taxonomy);
    }
  }

  void read_members(const Node& node) {
    if (!node.IsSequence() || node.size() == 0) {
      reader_.error(reader_.pos(node), "'members' must be a list of at least one member");
      return;
    }
    static const std::vector<std::string> keys = {"id",      "name", "sector",     "community_led", "lived_experience",
                                                  "funding", "tags", "attributes", "contacts"};
    std::unordered_map<std::string, SourcePos> seen;
    seen.reserve(node.size());
    coalition_.members.reserve(node.size());
    for (const Node item : node) {
      auto f = reader_.fields(item, keys, "a member");
      if (!f) continue;
      Member m;
      m.pos = reader_.pos(item);
      bool ok = true;
      if (const auto* id = f->get("id")) {
        if (auto v = reader_.slug(*id, "member id")) {
          m.id = *v;
          const auto [it, inserted] = seen.emplace(m.id, reader_.pos(*id));
          if (!inserted) {
            reader_.error(reader_.pos(*id),
                          fmt::format("duplicate member id '{}' (first defined at line {})", m.id, it->second.line));
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        reader_.missing(*f, "id", m.pos, "a member needs an 'id'");
        ok = false;
      }
      if (const auto* n = f->get("name")) {
        if (auto v = reader_.text(*n, "member name"))
          m.name = *v;
        else
          ok = false;
      } else {
        m.name = m.id;
      }
      if (const auto* s = f->get("sector")) {
        if (auto v = reader_.text(*s, "sector")) {
          m.sector_as_written = *v;
          if (!taxonomy_ok_) {
            ok = false;  // the taxonomy's problem was reported; the sector cannot be checked
          } else if (const Sector* sector = coalition_.find_sector(*v)) {
            m.sector = sector->id;
          } else {
            reader_.error(reader_.pos(*s), unknown_sector_message(*v));
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        reader_.missing(*f, "sector", m.pos, fmt::format("member '{}' needs a 'sector'", m.id));
        ok = false;
      }
      if (const auto* c = f->get("community_led")) {
        if (auto v = reader_.boolean(*c, "community_led"))
          m.community_led = *v;
        else
          ok = false;
      }
      if (const auto* l = f->get("lived_experience")) {
        if (auto v = reader_.boolean(*l, "lived_experience"))
          m.lived_experience = *v;
        else
          ok = false;
      }
      if (const auto* fu = f->get("funding")) {
        if (auto v = reader_.number(*fu, "funding")) {
          if (*v < 0) {
            reader_.error(reader_.pos(*fu), "funding cannot be negative");
            ok = false;
          }
          m.funding = *v;
        } else {
          ok = false;
        }
      }
      if (const auto* t = f->get("tags")) {
        if (auto v = reader_.text_list(*t, "tags"))
          m.tags = *v;
        else
          ok = false;
      }
      if (const auto* a = f->get("attributes")) {
        if (!read_attributes(*a, m.attributes)) ok = false;
      }
      if (const auto* ct = f->get("contacts")) {
        if (!read_contacts(*ct, m)) ok = false;
      }
      if (!m.id.empty()) attempted_ids_.insert(m.id);
      if (ok) coalition_.members.push_back(std::move(m));
    }
  }

  /// `attributes`: a map of free keys to text (numbers and dates are kept as written).
  bool read_attributes(const Node& node, std::vector<std::pair<std::string, std::string>>& out) {
    if (!node.IsMap()) {
      reader_.error(reader_.pos(node), "'attributes' must be a map of names to values");
      return false;
    }
    bool ok = true;
    for (std::size_t i = 0; i < node.size(); ++i) {
      const auto key = reader_.text(node.key(i), "attribute name");
      const auto value =
          node.value(i).IsNull() ? std::optional<std::string>("") : reader_.text(node.value(i), "attribute value");
      if (!key || !value) {
        ok = false;
        continue;
      }
      if (key->empty()) {
        reader_.error(reader_.pos(node.key(i)), "an attribute needs a name");
        ok = false;
        continue;
      }
      const bool twice = std::any_of(out.begin(), out.end(), [&](const auto& kv) { return kv.first == *key; });
      if (twice) {
        reader_.error(reader_.pos(node.key(i)), fmt::format("attribute '{}' is given twice", *key));
        ok = false;
        continue;
      }
      out.emplace_back(*key, *value);
    }
    return ok;
  }

  /// Reads a member's `contacts`: people with a slug id unique in the file, an optional name,
  /// role and `since` date. Returns false when any contact was invalid.
  bool read_contacts(const Node& node, Member& m) {
    if (node.IsNull()) return true;
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node),
                    "'contacts' must be a list of people, like "
                    "[{id: jdoe, name: Jane Doe, role: Director}]");
      return false;
    }
    static const std::vector<std::string> keys = {"id", "name", "role", "since"};
    bool all_ok = true;
    for (const Node item : node) {
      auto f = reader_.fields(item, keys, "a contact");
      if (!f) {
        all_ok = false;
        continue;
      }
      Contact c;
      c.pos = reader_.pos(item);
      bool ok = true;
      if (const auto* id = f->get("id")) {
        if (auto v = reader_.slug(*id, "contact id")) {
          c.id = *v;
          contact_attempted_.insert(c.id);
          const auto [it, inserted] = contact_seen_.emplace(c.id, std::pair(reader_.pos(*id), m.id));
          if (!inserted) {
            reader_.error(reader_.pos(*id), fmt::format("duplicate contact id '{}' (first defined at line {}); "
                                                        "contact ids are unique in the file",
                                                        c.id, it->second.first.line));
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        reader_.missing(*f, "id", c.pos, "a contact needs an 'id'");
        ok = false;
      }
      if (const auto* n = f->get("name")) {
        if (auto v = reader_.text(*n, "contact name"))
          c.name = *v;
        else
          ok = false;
      }
      if (const auto* r = f->get("role")) {
        if (auto v = reader_.text(*r, "role"))
          c.role = *v;
        else
          ok = false;
      }
      if (const auto* d = f->get("since")) {
        if (auto v = reader_.text(*d, "since")) {
          if (valid_date(*v)) {
            c.since = *v;
          } else {
            reader_.error(reader_.pos(*d), fmt::format("since must be a date like 2021-03-01, found '{}'", *v));
            ok = false;
          }
        } else {
          ok = false;
        }
      }
      if (ok) {
        valid_contacts_.insert(c.id);
        m.contacts.push_back(std::move(c));
      } else {
        all_ok = false;
      }
    }
    return all_ok;
  }

  /// Checks a tie's `carried_by`: a list of contact ids, each a contact of one of the tie's
  /// two members, none twice. Returns false after reporting a problem.
  bool read_carriers(const Node& node, Tie& tie) {
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node), "'carried_by' must be a list of contact ids, like [jdoe, mlee]");
      return false;
    }
    const std::string& a = coalition_.members[tie.a].id;
    const std::string& b = coalition_.members[tie.b].id;
    bool ok = true;
    std::unordered_set<std::string> named;  // ids already in this list
    for (const Node who : node) {
      auto id = reader_.slug(who, "contact id");
      if (!id) {
        ok = false;
        continue;
      }
      const auto it = contact_seen_.find(*id);
      if (it == contact_seen_.end()) {
        if (!contact_attempted_.contains(*id)) {
          std::string message = fmt::format("carried_by names '{}', which is not a contact of any member", *id);
          if (contact_id_list_.size() != contact_seen_.size()) {
            contact_id_list_.clear();
            for (const auto& [cid, where] : contact_seen_) contact_id_list_.push_back(cid);
            std::sort(contact_id_list_.begin(), contact_id_list_.end());
          }
          // Suggestions cost O(contacts) each: prefer a contact of the tie's own members.
          if (suggestions_left_ > 0) {
            --suggestions_left_;
            std::vector<std::string> own;
            for (const auto& cid : contact_id_list_) {
              const std::string& owner = contact_seen_.at(cid).second;
              if (owner == a || owner == b) own.push_back(cid);
            }
            std::string s = detail::nearest(*id, own);
            if (s.empty()) s = detail::nearest(*id, contact_id_list_);
            if (!s.empty()) message += fmt::format("; did you mean '{}'?", s);
          }
          reader_.error(reader_.pos(who), message);
        }
        ok = false;
        continue;
      }
      const std::string& owner = it->second.second;
      // A contact whose entry, or whose member's entry, was invalid was reported there.
      if (!valid_contacts_.contains(*id) || !coalition_.member_index(owner)) {
        ok = false;
        continue;
      }
      if (owner != a && owner != b) {
        reader_.error(reader_.pos(who),
                      fmt::format("carried_by names '{}', a contact of '{}', which is not one of the tie's "
                                  "members ('{}' and '{}')",
                                  *id, owner, a, b));
        ok = false;
        continue;
      }
      if (!named.insert(*id).second) {
        reader_.error(reader_.pos(who), fmt::format("'{}' is listed twice in carried_by", *id));
        ok = false;
        continue;
      }
      tie.carried_by.push_back(*id);
    }
    return ok;
  }

  std::string unknown_sector_message(const std::string& sector) const {
    return detail::unknown_sector_message(coalition_, sector);
  }

  /// The index of member `id`; reports an unknown id (not one whose member entry was invalid).
  std::optional<std::size_t> member_ref(const Node& node, const std::string& id, std::string_view role) {
    if (coalition_.member_ids.size() != coalition_.members.size()) coalition_.index_members();
    if (auto i = coalition_.member_index(id)) return i;
    if (!attempted_ids_.contains(id)) {
      std::string message = fmt::format("{} names '{}', which is not a member", role, id);
      if (member_suggestions_ < max_member_suggestions) {
        ++member_suggestions_;
        if (member_id_list_.size() != coalition_.members.size()) {
          member_id_list_.clear();
          for (const auto& m : coalition_.members) member_id_list_.push_back(m.id);
        }
        if (auto s = detail::nearest(id, member_id_list_); !s.empty()) {
          message += fmt::format("; did you mean '{}'?", s);
        }
      }
      reader_.error(reader_.pos(node), message);
    }
    return std::nullopt;
  }

  std::optional<TieLevel> read_level(const Node& node) {
    auto v = reader_.text(node, "level");
    if (!v) return std::nullopt;
    static const std::vector<std::string> names = {"networking", "coordinating", "cooperating", "collaborating"};
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (*v == names[i] || *v == std::to_string(i + 1)) return static_cast<TieLevel>(i + 1);
    }
    std::string message = fmt::format(
        "level must be networking, coordinating, cooperating, "
        "collaborating or 1-4, found '{}'",
        *v);
    if (auto s = detail::nearest(*v, names); !s.empty()) message += fmt::format("; did you mean '{}'?", s);
    reader_.error(reader_.pos(node), message);
    return std::nullopt;
  }

  void read_ties(const Node& node) {
    if (node.IsNull()) return;
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node), "'ties' must be a list of ties");
      return;
    }
    // Unordered pair -> the first tie on it; a second one is allowed only as its reverse.
    std::unordered_map<std::uint64_t, std::size_t> pairs;
    pairs.reserve(node.size());
    coalition_.ties.reserve(node.size());
    for (const Node item : node) {
      Tie tie;
      tie.pos = reader_.pos(item);
      const Node* first = nullptr;
      const Node* second = nullptr;
      std::optional<Fields> f;
      Node a_node;
      Node b_node;
      if (item.IsSequence()) {
        if (item.size() != 2) {
          reader_.error(tie.pos, fmt::format("a tie written as a list names exactly two members, "
                                             "found {}",
                                             item.size()));
          continue;
        }
        tie.form = TieForm::shorthand;
        a_node = item[0];
        b_node = item[1];
      } else {
        static const std::vector<std::string> keys = {"between", "from", "to", "level", "kinds", "carried_by"};
        f = reader_.fields(item, keys, "a tie");
        if (!f) continue;
        const auto* between = f->get("between");
        const auto* from = f->get("from");
        const auto* to = f->get("to");
        if (between != nullptr && (from != nullptr || to != nullptr)) {
          reader_.error(tie.pos,
                        "a tie has either 'between' (undirected) or 'from' and 'to' "
                        "(directed), not both");
          continue;
        }
        if (between != nullptr) {
          if (!between->IsSequence() || between->size() != 2) {
            reader_.error(reader_.pos(*between),
                          "'between' names exactly two members, like "
                          "[a, b]");
            continue;
          }
          tie.form = TieForm::between;
          a_node = (*between)[0];
          b_node = (*between)[1];
        } else if (from != nullptr && to != nullptr) {
          tie.form = TieForm::from_to;
          tie.directed = true;
          a_node = *from;
          b_node = *to;
        } else {
          const bool typo = f->suggested("between") || f->suggested("from") || f->suggested("to");
          if (!typo) {
            reader_.error(tie.pos, from != nullptr || to != nullptr
                                       ? "a directed tie needs both 'from' and 'to'"
                                       : "a tie needs 'between: [a, b]' or 'from' and 'to'");
          }
          continue;
        }
      }
      first = &a_node;
      second = &b_node;
      bool ok = true;
      auto a_id = reader_.slug(*first, "member id");
      auto b_id = reader_.slug(*second, "member id");
      std::optional<std::size_t> a;
      std::optional<std::size_t> b;
      if (a_id) a = member_ref(*first, *a_id, "the tie");
      if (b_id) b = member_ref(*second, *b_id, "the tie");
      if (f) {
        if (const auto* l = f->get("level")) {
          if (auto v = read_level(*l))
            tie.level = *v;
          else
            ok = false;
        }
        if (const auto* k = f->get("kinds")) {
          if (auto v = reader_.text_list(*k, "kinds"))
            tie.kinds = *v;
          else
            ok = false;
        }
      }
      if (!a || !b || !ok) continue;
      if (*a == *b) {
        reader_.error(tie.pos, fmt::format("a tie from '{}' to itself", *a_id));
        continue;
      }
      tie.a = *a;
      tie.b = *b;
      if (f) {
        if (const auto* cb = f->get("carried_by")) {
          if (!read_carriers(*cb, tie)) continue;
        }
      }
      const auto [lo, hi] = std::minmax(*a, *b);
      const std::uint64_t key = (static_cast<std::uint64_t>(lo) << 32U) | static_cast<std::uint64_t>(hi);
      const auto [it, inserted] = pairs.emplace(key, coalition_.ties.size());
      if (!inserted) {
        // A pair holds at most two ties, the second the first's reverse: `reversed` marks it.
        const Tie& o = coalition_.ties[it->second];
        const bool reverse = tie.directed && o.directed && o.a == tie.b && o.b == tie.a;
        const auto second_tie = reversed_pairs_.find(key);
        const bool full = second_tie != reversed_pairs_.end();
        if (!reverse || full) {
          const Tie& cited = full && reverse ? coalition_.ties[second_tie->second] : o;
          reader_.error(tie.pos, fmt::format("'{}' and '{}' are already tied at line {}; a pair "
                                             "is tied once (or once each way with from/to)",
                                             *a_id, *b_id, cited.pos.line));
          continue;
        }
        reversed_pairs_.emplace(key, coalition_.ties.size());
      }
      coalition_.ties.push_back(std::move(tie));
    }
  }

  void read_governance(const Node& node) {
    if (node.IsNull()) return;
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node), "'governance' must be a list of decision bodies");
      return;
    }
    static const std::vector<std::string> keys = {"body", "decides", "rule", "seats", "veto", "chair"};
    std::unordered_map<std::string, int> seen;
    for (const Node item : node) {
      auto f = reader_.fields(item, keys, "a governance body");
      if (!f) continue;
      Body body;
      body.pos = reader_.pos(item);
      bool ok = true;
      if (const auto* b = f->get("body")) {
        if (auto v = reader_.slug(*b, "body id")) {
          body.id = *v;
          const auto [it, inserted] = seen.emplace(body.id, reader_.pos(*b).line);
          if (!inserted) {
            reader_.error(reader_.pos(*b), fmt::format("duplicate body '{}' (first at line {})", body.id, it->second));
            ok = false;
          }
        } else {
          ok = false;
        }
      } else {
        reader_.missing(*f, "body", body.pos, "a governance body needs a 'body' id");
        ok = false;
      }
      if (const auto* d = f->get("decides")) {
        if (auto v = reader_.text_list(*d, "decides"))
          body.decides = *v;
        else
          ok = false;
      }
      if (const auto* r = f->get("rule")) {
        if (!read_rule(*r, body.rule)) ok = false;
      }
      seat_names_.clear();
      seated_.clear();
      if (const auto* s = f->get("seats")) {
        if (!read_seats(*s, body)) ok = false;
      } else {
        reader_.missing(*f, "seats", body.pos, fmt::format("body '{}' needs 'seats': member id: votes", body.id));
        ok = false;
      }
      if (const auto* v = f->get("veto")) {
        if (!v->IsSequence()) {
          reader_.error(reader_.pos(*v), "'veto' must be a list of member ids");
          ok = false;
        } else {
          std::unordered_set<std::size_t> vetoes;
          for (const Node who : *v) {
            auto id = reader_.slug(who, "veto member");
            if (!id) {
              ok = false;
              continue;
            }
            auto i = member_ref(who, *id, "veto");
            if (!i) {
              ok = false;
              continue;
            }
            // A seat named but invalid was reported already; a seat not named at all is this error.
            if (!seated_.contains(*i)) {
              if (!seat_names_.contains(*id)) {
                reader_.error(reader_.pos(who), fmt::format("veto member '{}' holds no seat in '{}'", *id, body.id));
              }
              ok = false;
              continue;
            }
            if (!vetoes.insert(*i).second) {
              reader_.error(reader_.pos(who), fmt::format("'{}' is listed twice in veto", *id));
              ok = false;
              continue;
            }
            body.veto.push_back(*i);
          }
        }
      }
      if (const auto* c = f->get("chair")) {
        if (auto id = reader_.slug(*c, "chair")) {
          body.chair = member_ref(*c, *id, "chair");
          if (!body.chair) ok = false;
        } else {
          ok = false;
        }
      }
      if (ok && !body.seats.empty()) {
        const std::int64_t total = body.total_votes();
        const std::int64_t quota = body.rule.quota(total);
        if (quota > total) {
          reader_.error(body.pos, fmt::format("body '{}' needs {} votes to decide but its seats "
                                              "hold only {}",
                                              body.id, quota, total));
          ok = false;
        }
      }
      if (ok) coalition_.governance.push_back(std::move(body));
    }
  }

  bool read_rule(const Node& node, Rule& rule) {
    if (node.IsMap()) {
      static const std::vector<std::string> keys = {"quota"};
      auto f = reader_.fields(node, keys, "'rule'");
      if (!f) return false;
      const auto* q = f->get("quota");
      if (q == nullptr) {
        reader_.missing(*f, "quota", reader_.pos(node), "a rule written as a map needs 'quota: N'");
        return false;
      }
      auto v = reader_.integer(*q, "quota");
      if (!v) return false;
      if (*v < 1) {
        reader_.error(reader_.pos(*q), "quota must be at least 1");
        return false;
      }
      rule.kind = Rule::Kind::quota;
      rule.explicit_quota = *v;
      return true;
    }
    auto v = reader_.text(node, "rule");
    if (!v) return false;
    static const std::vector<std::string> names = {"majority", "two-thirds", "unanimity", "consensus"};
    const auto it = std::find(names.begin(), names.end(), *v);
    if (it == names.end()) {
      std::string message = fmt::format(
          "rule must be majority, two-thirds, unanimity, consensus "
          "or {{quota: N}}, found '{}'",
          *v);
      if (auto s = detail::nearest(*v, names); !s.empty()) message += fmt::format("; did you mean '{}'?", s);
      reader_.error(reader_.pos(node), message);
      return false;
    }
    rule.kind = static_cast<Rule::Kind>(it - names.begin());
    return true;
  }

  bool read_seats(const Node& node, Body& body) {
    if (!node.IsMap() || node.size() == 0) {
      reader_.error(reader_.pos(node),
                    "'seats' must be a map of member id: votes, like "
                    "{a: 2, b: 1}");
      return false;
    }
    bool ok = true;
    std::int64_t total = 0;
    for (std::size_t e = 0; e < node.size(); ++e) {
      const std::pair<Node, Node> entry{node.key(e), node.value(e)};
      auto id = reader_.slug(entry.first, "seat holder");
      if (id) seat_names_.insert(*id);
      auto votes = reader_.integer(entry.second, "votes");
      if (!id || !votes) {
        ok = false;
        continue;
      }
      if (*votes < 1) {
        reader_.error(reader_.pos(entry.second),
                      fmt::format("votes must be a positive whole number, found {}", *votes));
        ok = false;
        continue;
      }
      auto member = member_ref(entry.first, *id, "a seat");
      if (!member) {
        ok = false;
        continue;
      }
      if (seated_.contains(*member)) {
        reader_.error(reader_.pos(entry.first), fmt::format("duplicate key '{}' in 'seats'", *id));
        ok = false;
        continue;
      }
      // Power sums coalition weights exactly in int64 and double: a body's votes total at most 2^53.
      constexpr std::int64_t max_votes = std::int64_t{1} << 53;
      if (*votes > max_votes - total) {
        reader_.error(reader_.pos(entry.second),
                      fmt::format("votes are too large: the seats of body '{}' would total more than 2^53 "
                                  "(9007199254740992) votes",
                                  body.id));
        ok = false;
        continue;
      }
      total += *votes;
      seated_.insert(*member);
      body.seats.push_back({*member, *votes, reader_.pos(entry.first)});
    }
    return ok;
  }

  // ---- survey (docs/surveys.md) ----

  void read_survey(const Node& node) {
    static const std::vector<std::string> keys = {"name", "fielded", "respondents", "tie_rule", "responses"};
    auto f = reader_.fields(node, keys, "'survey'");
    if (!f) return;
    Survey survey;
    survey.pos = reader_.pos(node);
    bool ok = true;
    if (const auto* n = f->get("name")) {
      if (auto v = reader_.text(*n, "the survey's name"))
        survey.name = *v;
      else
        ok = false;
    }
    if (const auto* d = f->get("fielded")) {
      if (auto v = reader_.text(*d, "fielded")) {
        if (valid_date(*v)) {
          survey.fielded = *v;
        } else {
          reader_.error(reader_.pos(*d), fmt::format("fielded must be a date like 2025-05-01, found '{}'", *v));
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    if (const auto* r = f->get("tie_rule")) {
      if (auto v = reader_.text(*r, "tie_rule")) {
        if (*v == "any") {
          survey.tie_rule = TieRule::any;
        } else if (*v == "both") {
          survey.tie_rule = TieRule::both;
        } else {
          static const std::vector<std::string> rules = {"any", "both"};
          std::string message = fmt::format(
              "tie_rule must be 'any' (either side names the other) or 'both' "
              "(both sides do), found '{}'",
              *v);
          if (auto s = detail::nearest(*v, rules); !s.empty()) message += fmt::format("; did you mean '{}'?", s);
          reader_.error(reader_.pos(*r), message);
          ok = false;
        }
      } else {
        ok = false;
      }
    }
    // Member index -> line of its entry in respondents; nullopt when respondents could not be read.
    std::optional<std::unordered_map<std::size_t, int>> respondents;
    if (const auto* r = f->get("respondents")) {
      respondents = read_respondents(*r, survey);
      if (!respondents) ok = false;
    } else {
      reader_.missing(*f, "respondents", survey.pos,
                      "'survey' needs 'respondents': the members who answered (an empty list [] if none did)");
      ok = false;
    }
    if (const auto* r = f->get("responses")) {
      if (!read_responses(*r, survey, respondents ? &*respondents : nullptr)) ok = false;
    }
    if (ok) coalition_.survey = std::move(survey);
  }

  std::optional<std::unordered_map<std::size_t, int>> read_respondents(const Node& node, Survey& survey) {
    if (!node.IsSequence()) {
      if (!node.IsNull()) {
        reader_.error(reader_.pos(node), "'respondents' must be a list of member ids, like [a, b]");
        return std::nullopt;
      }
      return std::unordered_map<std::size_t, int>{};
    }
    std::unordered_map<std::size_t, int> seen;
    bool ok = true;
    for (const Node who : node) {
      auto id = reader_.slug(who, "respondent");
      if (!id) {
        ok = false;
        continue;
      }
      auto i = member_ref(who, *id, "respondents");
      if (!i) {
        ok = false;
        continue;
      }
      const auto [it, inserted] = seen.emplace(*i, reader_.pos(who).line);
      if (!inserted) {
        reader_.error(reader_.pos(who),
                      fmt::format("'{}' is listed twice in respondents (first at line {})", *id, it->second));
        ok = false;
        continue;
      }
      survey.respondents.push_back(*i);
    }
    if (!ok) return std::nullopt;
    return seen;
  }

  /// A map of 1-4 ratings under `what` with the three item names; false on any problem.
  bool read_items(const Node& node, std::string_view what, const std::array<std::string_view, 3>& names,
                  std::array<std::optional<int>, 3>& out) {
    static const std::vector<std::string> trust_keys(trust_item_names.begin(), trust_item_names.end());
    static const std::vector<std::string> value_keys(value_item_names.begin(), value_item_names.end());
    const auto& keys = names == trust_item_names ? trust_keys : value_keys;
    if (!node.IsMap()) {
      reader_.error(reader_.pos(node), fmt::format("'{}' must be a map of ratings 1-4, like {{{}: 3}}", what, keys[0]));
      return false;
    }
    auto f = reader_.fields(node, keys, fmt::format("'{}'", what));
    if (!f) return false;
    bool ok = true;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const auto* item = f->get(keys[i]);
      if (item == nullptr) continue;
      auto v = reader_.integer(*item, fmt::format("{} {}", what, keys[i]));
      if (!v) {
        ok = false;
        continue;
      }
      if (*v < 1 || *v > 4) {
        reader_.error(reader_.pos(*item),
                      fmt::format("{} {} must be a rating from 1 to 4, found {}", what, keys[i], *v));
        ok = false;
        continue;
      }
      out[i] = static_cast<int>(*v);
    }
    return ok;
  }

  bool read_responses(const Node& node, Survey& survey, const std::unordered_map<std::size_t, int>* respondents) {
    if (node.IsNull()) return true;
    if (!node.IsSequence()) {
      reader_.error(reader_.pos(node), "'responses' must be a list of responses");
      return false;
    }
    static const std::vector<std::string> keys = {"by",    "about", "level", "frequency",
                                                  "kinds", "trust", "value", "contact"};
    static const std::vector<std::string> frequencies = {"never", "yearly", "quarterly", "monthly", "weekly", "daily"};
    std::unordered_map<std::uint64_t, int> answered;  // (by, about) -> line of the response
    answered.reserve(node.size());
    survey.responses.reserve(node.size());
    bool all_ok = true;
    for (const Node item : node) {
      auto f = reader_.fields(item, keys, "a survey response");
      if (!f) {
        all_ok = false;
        continue;
      }
      Response r;
      r.pos = reader_.pos(item);
      bool ok = true;
      auto member = [&](std::string_view key, std::string_view role) -> std::optional<std::size_t> {
        const auto* n = f->get(key);
        if (n == nullptr) {
          reader_.missing(*f, key, r.pos, fmt::format("a survey response needs '{}': {}", key, role));
          return std::nullopt;
        }
        auto id = reader_.slug(*n, fmt::format("'{}'", key));
        if (!id) return std::nullopt;
        return member_ref(*n, *id, fmt::format("the response's '{}'", key));
      };
      const auto by = member("by", "the member who answered");
      const auto about = member("about", "the member it rates");
      if (!by || !about) ok = false;
      if (by && respondents != nullptr && !respondents->contains(*by)) {
        reader_.error(
            reader_.pos(*f->get("by")),
            fmt::format("'{}' answered but is not listed in the survey's respondents", coalition_.members[*by].id));
        ok = false;
      }
      if (by && about && *by == *about) {
        reader_.error(reader_.pos(*f->get("about")),
                      fmt::format("'{}' rates itself; a response is about another member", coalition_.members[*by].id));
        ok = false;
      } else if (by && about) {
        const std::uint64_t key = (static_cast<std::uint64_t>(*by) << 32U) | static_cast<std::uint64_t>(*about);
        const auto [it, inserted] = answered.emplace(key, r.pos.line);
        if (!inserted) {
          reader_.error(r.pos, fmt::format("'{}' already rated '{}' at line {}; one response per partner",
                                           coalition_.members[*by].id, coalition_.members[*about].id, it->second));
          ok = false;
        }
      }
      if (const auto* l = f->get("level")) {
        if (auto v = read_level(*l))
          r.level = *v;
        else
          ok = false;
      }
      if (const auto* q = f->get("frequency")) {
        if (auto v = reader_.text(*q, "frequency")) {
          const auto it = std::find(frequencies.begin(), frequencies.end(), *v);
          if (it != frequencies.end()) {
            r.frequency = static_cast<Frequency>(it - frequencies.begin());
          } else {
            std::string message = fmt::format(
                "frequency must be never, yearly, quarterly, monthly, weekly or daily, "
                "found '{}'",
                *v);
            if (auto s = detail::nearest(*v, frequencies); !s.empty())
              message += fmt::format("; did you mean '{}'?", s);
            reader_.error(reader_.pos(*q), message);
            ok = false;
          }
        } else {
          ok = false;
        }
      }
      if (const auto* k = f->get("kinds")) {
        if (auto v = reader_.text_list(*k, "kinds"))
          r.kinds = *v;
        else
          ok = false;
      }
      if (const auto* t = f->get("trust")) {
        if (!read_items(*t, "trust", trust_item_names, r.trust)) ok = false;
      }
      if (const auto* v = f->get("value")) {
        if (!read_items(*v, "value", value_item_names, r.value)) ok = false;
      }
      if (const auto* c = f->get("contact")) {
        if (auto v = reader_.slug(*c, "contact"))
          r.contact = *v;
        else
          ok = false;
      }
      if (!ok) {
        all_ok = false;
        continue;
      }
      r.by = *by;
      r.about = *about;
      survey.responses.push_back(std::move(r));
    }
    return all_ok;
  }

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

}  // namespace

Coalition parse_coalition(std::string_view text, const std::string& file, const LoadOptions& options) {
  return CoalitionLoader(file, options).load(text);
}

Coalition load_coalition_file(const std::filesystem::path& path, const LoadOptions& options) {
  return parse_coalition(read_input_file(path, options.max_bytes), path.string(), options);
}

std::uint64_t default_max_input_bytes() { return default_max_bytes.load(); }

void set_default_max_input_bytes(std::uint64_t bytes) { default_max_bytes.store(bytes); }

std::string read_input_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  const std::string name = path.string();
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw IoError(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) throw IoError(fmt::format("{}: cannot read: {}", name, std::strerror(errno)));
  if (S_ISDIR(info.st_mode)) throw IoError(fmt::format("{}: cannot read: is a directory", name));
  if (!S_ISREG(info.st_mode)) {
    throw IoError(fmt::format("{}: cannot read: not a regular file (a device, pipe or socket)", name));
  }
  const auto size = static_cast<std::uint64_t>(info.st_size);
  if (size > max_bytes) throw InputError({Diagnostic{name, {}, too_large_message(size, max_bytes)}});
  // Read one byte past the limit at most, to notice a file that grew since fstat.
  std::string text(static_cast<std::size_t>(size), '\0');
  std::size_t done = 0;
  while (true) {
    if (done == text.size()) {
      if (done > max_bytes) break;
      text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(max_bytes + 1, done + 65536)));
    }
    const ssize_t got = ::read(fd, text.data() + done, text.size() - done);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw IoError(fmt::format("{}: read failed: {}", name, std::strerror(errno)));
    }
    if (got == 0) break;
    done += static_cast<std::size_t>(got);
  }
  text.resize(done);
  if (done > max_bytes) throw InputError({Diagnostic{name, {}, too_large_message(done, max_bytes)}});
  return text;
}

}  // namespace xsector
