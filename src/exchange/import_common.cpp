#include "exchange/import_common.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <string_view>

#include "load/yaml_reader.hpp"
#include "xsector/load.hpp"
#include "xsector/survey_ties.hpp"

namespace xsector {

namespace {

/// Words in an attribute's name (folded: lower case, letters and digits) that mark it personal.
constexpr std::string_view kPersonalWords[] = {"email", "phone", "mobile", "telephone", "address"};

}  // namespace

}  // namespace xsector

namespace xsector::detail {

SourcePos Provenance::mark(Origin origin) {
  const SourcePos pos{origin.pos.line, static_cast<int>(origins_.size()) + 1};
  origins_.push_back(std::move(origin));
  return pos;
}

std::size_t Provenance::entry(SourcePos pos) const {
  return pos.column >= 1 && static_cast<std::size_t>(pos.column) <= origins_.size()
             ? static_cast<std::size_t>(pos.column)
             : 0;
}

const Origin& Provenance::at(SourcePos pos) const {
  const std::size_t k = entry(pos);
  return k == 0 ? fallback_ : origins_[k - 1];
}

void check_import(const Coalition& c, const Provenance& where) {
  std::vector<std::pair<std::size_t, Diagnostic>> found;  // (entry, problem)
  auto report = [&](SourcePos pos, const std::string& message) {
    const Origin& o = where.at(pos);
    Diagnostic d{o.file, o.pos, o.what.empty() ? message : fmt::format("{}: {}", o.what, message)};
    const bool repeated =
        std::any_of(found.begin(), found.end(), [&](const auto& f) { return f.second.str() == d.str(); });
    if (!repeated) found.emplace_back(where.entry(pos), std::move(d));
  };
  auto text = [&](SourcePos pos, const std::string& value, std::string_view what) {
    if (const std::string problem = text_problem(value, false); !problem.empty())
      report(pos, fmt::format("{}: {}", what, problem));
  };
  if (c.name.empty()) report({}, "the coalition's name is empty");
  text({}, c.name, "the coalition's name");
  for (const Sector& s : c.extra_sectors) text(s.pos, s.name, "sector name");
  for (const Member& m : c.members) {
    text(m.pos, m.name, "member name");
    for (const auto& tag : m.tags) text(m.pos, tag, "an item of tags");
    for (const auto& [key, value] : m.attributes) {
      text(m.pos, key, "attribute name");
      text(m.pos, value, "attribute value");
    }
    for (const Contact& p : m.contacts) {
      if (!is_slug(p.id)) {
        report(p.pos, fmt::format("contact id '{}' is not an id: use lower-case letters, digits, '.', '_' and '-', "
                                  "starting with a letter or digit",
                                  p.id));
      }
      text(p.pos, p.role, "role");
    }
  }
  for (const Tie& t : c.ties) {
    for (const auto& kind : t.kinds) text(t.pos, kind, "an item of kinds");
    for (const auto& id : t.carried_by) text(t.pos, id, "an item of carried_by");
    for (const auto& [key, value] : t.attributes) {
      text(t.pos, key, "attribute name");
      text(t.pos, value, "attribute value");
    }
  }
  for (const Diagnostic& d : validate(c)) {
    if (c.name.empty() && d.message == "the coalition needs a 'name'") continue;  // said above, as the loader says it
    report(d.pos, d.message);
  }
  if (!found.empty()) {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Diagnostic> all;
    all.reserve(found.size());
    for (auto& f : found) all.push_back(std::move(f.second));
    throw InputError(std::move(all));
  }
}

Imported finish_import(BuiltImport built) {
  check_import(built.coalition, built.where);
  Imported out;
  Coalition& c = built.coalition;
  auto settle = [&](SourcePos& pos) {
    const Origin& o = built.where.at(pos);
    out.origins.push_back({o.what, o.file, o.pos.line});
    pos = {o.pos.line, 1};
  };
  for (Member& m : c.members) {
    settle(m.pos);
    for (Contact& p : m.contacts) p.pos = m.pos;
  }
  for (Tie& t : c.ties) settle(t.pos);
  for (Body& b : c.governance) {
    settle(b.pos);
    for (Seat& s : b.seats) settle(s.pos);
  }
  for (Sector& s : c.extra_sectors) settle(s.pos);
  for (Waiver& w : c.waivers) settle(w.pos);
  if (c.survey) {
    c.survey->pos = {built.where.at(c.survey->pos).pos.line, 1};  // the section, not an element: not listed
    for (Response& r : c.survey->responses) settle(r.pos);
  }
  c.file = built.where.at({}).file;
  c.index_members();
  add_survey_ties(c);  // as the loader makes them; each at its first response's row
  out.comment = fmt::format("# Imported by xsector from {}.\n", built.source) + built.comment;
  out.coalition = std::move(c);
  out.skipped = std::move(built.skipped);
  out.notes = std::move(built.notes);
  out.partner_ties = built.partner_ties;
  out.partner_header = std::move(built.partner_header);
  return out;
}

bool builtin_taxonomy(const std::string& id) {
  const auto ids = builtin_taxonomy_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

ImportTaxonomy import_taxonomy(const std::string& given, const std::string& output) {
  ImportTaxonomy t{resolve_taxonomy(given), given};
  if (builtin_taxonomy(given) || output.empty()) return t;
  std::error_code ec;
  const auto file = std::filesystem::absolute(given, ec).lexically_normal();
  const auto folder = std::filesystem::absolute(std::filesystem::path(output), ec).parent_path().lexically_normal();
  const auto relative = file.lexically_relative(folder);
  t.ref = relative.empty() ? file.generic_string() : relative.generic_string();
  return t;
}

}  // namespace xsector::detail

namespace xsector {

std::string imported_yaml(const Imported& imported) { return imported.comment + coalition_yaml(imported.coalition); }

bool personal_attribute(std::string_view name) {
  std::string key;
  for (const char ch : name) {
    if (std::isalnum(static_cast<unsigned char>(ch)) != 0) key += static_cast<char>(std::tolower(ch));
  }
  return std::any_of(std::begin(kPersonalWords), std::end(kPersonalWords),
                     [&](std::string_view w) { return key.find(w) != std::string::npos; });
}

Coalition shareable_coalition(const Coalition& coalition, PeopleShown shown) {
  Coalition c = coalition;
  if (shown == PeopleShown::names) return c;
  auto drop_personal = [](std::vector<std::pair<std::string, std::string>>& attributes) {
    std::erase_if(attributes, [](const auto& kv) { return personal_attribute(kv.first); });
  };
  for (Member& m : c.members) {
    drop_personal(m.attributes);
    for (Contact& p : m.contacts) {
      p.name.clear();
      p.email.clear();
      p.phone.clear();
      if (shown == PeopleShown::none) p.role.clear();
    }
  }
  for (Tie& t : c.ties) drop_personal(t.attributes);
  return c;
}

}  // namespace xsector
