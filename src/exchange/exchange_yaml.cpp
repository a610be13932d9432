#include "exchange/exchange_yaml.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>

#include "common/text.hpp"
#include "load/yaml_reader.hpp"
#include "xsector/exchange.hpp"
#include "xsector/survey.hpp"

namespace xsector {

namespace detail {

namespace {

// ---- The coalition file as a document -------------------------------------------------

ordered_json sector_document(const Sector& s) {
  ordered_json d = {{"id", s.id}, {"name", s.name}, {"priority", to_string(s.priority)}};
  if (!s.examples.empty()) d["examples"] = s.examples;
  if (!s.aliases.empty()) d["aliases"] = s.aliases;
  if (!s.source.empty()) d["source"] = s.source;
  if (!s.maps_to.empty()) d["maps_to"] = s.maps_to;
  return d;
}

ordered_json governance_document(const Coalition& c) {
  ordered_json bodies = ordered_json::array();
  for (const Body& b : c.governance) {
    ordered_json d = {{"body", b.id}};
    if (!b.decides.empty()) d["decides"] = b.decides;
    if (b.rule.kind == Rule::Kind::quota)
      d["rule"] = {{"quota", b.rule.explicit_quota}};
    else
      d["rule"] = b.rule.name();
    ordered_json seats = ordered_json::object();
    for (const Seat& s : b.seats) seats[c.members[s.member].id] = s.votes;
    d["seats"] = seats;
    if (!b.veto.empty()) {
      ordered_json veto = ordered_json::array();
      for (const auto v : b.veto) veto.push_back(c.members[v].id);
      d["veto"] = veto;
    }
    if (b.chair) d["chair"] = c.members[*b.chair].id;
    bodies.push_back(std::move(d));
  }
  return bodies;
}

ordered_json tie_document(const Coalition& c, const Tie& t) {
  ordered_json d;
  if (t.directed) {
    d["from"] = c.members[t.a].id;
    d["to"] = c.members[t.b].id;
  } else {
    d["between"] = {c.members[t.a].id, c.members[t.b].id};
  }
  d["level"] = to_string(t.level);
  if (!t.kinds.empty()) d["kinds"] = t.kinds;
  if (!t.carried_by.empty()) d["carried_by"] = t.carried_by;
  if (!t.attributes.empty()) d["attributes"] = attributes_document(t.attributes);
  return d;
}

/// The `survey` section as a coalition file writes it.
ordered_json survey_document(const Coalition& c) {
  const Survey& s = *c.survey;
  ordered_json d = ordered_json::object();
  if (!s.name.empty()) d["name"] = s.name;
  if (!s.fielded.empty()) d["fielded"] = s.fielded;
  ordered_json respondents = ordered_json::array();
  for (const auto r : s.respondents) respondents.push_back(c.members[r].id);
  d["respondents"] = respondents;
  d["tie_rule"] = to_string(s.tie_rule);
  ordered_json responses = ordered_json::array();
  for (const Response& r : s.responses) {
    ordered_json x = {{"by", c.members[r.by].id}, {"about", c.members[r.about].id}};
    if (r.level) x["level"] = to_string(*r.level);
    if (r.frequency) x["frequency"] = to_string(*r.frequency);
    if (!r.kinds.empty()) x["kinds"] = r.kinds;
    for (const auto& [key, items, names] :
         {std::tuple{"trust", &r.trust, &trust_item_names}, std::tuple{"value", &r.value, &value_item_names}}) {
      ordered_json m = ordered_json::object();
      for (std::size_t i = 0; i < 3; ++i) {
        if ((*items)[i]) m[std::string((*names)[i])] = *(*items)[i];
      }
      if (!m.empty()) x[key] = m;
    }
    if (!r.contact.empty()) x["contact"] = r.contact;
    responses.push_back(std::move(x));
  }
  if (!responses.empty()) d["responses"] = responses;
  return d;
}

}  // namespace

/// A member's contacts as coalition-file entries (empty fields left out).
ordered_json attributes_document(const std::vector<std::pair<std::string, std::string>>& attributes) {
  // Appended to the object's entries directly: its operator[] searches them all on every
  // insert, which is quadratic in the attributes. A name given twice keeps its first place
  // and its last value, as operator[] would.
  ordered_json out = ordered_json::object();
  auto& entries = static_cast<std::vector<ordered_json::object_t::value_type>&>(out.get_ref<ordered_json::object_t&>());
  std::unordered_map<std::string_view, std::size_t> index;
  for (const auto& [key, value] : attributes) {
    if (const auto [at, fresh] = index.emplace(key, entries.size()); fresh)
      entries.emplace_back(key, value);
    else
      entries[at->second].second = value;
  }
  return out;
}

ordered_json contacts_document(const Member& m) {
  ordered_json list = ordered_json::array();
  for (const Contact& p : m.contacts) {
    ordered_json d = {{"id", p.id}};
    if (!p.name.empty()) d["name"] = p.name;
    if (!p.role.empty()) d["role"] = p.role;
    if (!p.email.empty()) d["email"] = p.email;
    if (!p.phone.empty()) d["phone"] = p.phone;
    if (!p.since.empty()) d["since"] = p.since;
    list.push_back(std::move(d));
  }
  return list;
}

ordered_json coalition_document(const Coalition& c) {
  ordered_json header = {{"name", c.name}};
  if (!c.place.empty()) header["place"] = c.place;
  if (!c.as_of.empty()) header["as_of"] = c.as_of;
  if (c.backbone) header["backbone"] = c.members[*c.backbone].id;
  header["taxonomy"] = c.taxonomy_ref.empty() ? c.taxonomy.id : c.taxonomy_ref;
  if (!c.waivers.empty()) {
    ordered_json waive = ordered_json::object();
    for (const Waiver& w : c.waivers) waive[w.sector] = w.reason;
    header["waive"] = waive;
  }
  ordered_json doc = {{"coalition", header}};
  if (!c.extra_sectors.empty()) {
    doc["sectors"] = ordered_json::array();
    for (const auto& s : c.extra_sectors) doc["sectors"].push_back(sector_document(s));
  }
  doc["members"] = ordered_json::array();
  for (const Member& m : c.members) {
    ordered_json d = {{"id", m.id}, {"name", m.name}, {"sector", m.sector}};
    if (m.community_led) d["community_led"] = true;
    if (m.lived_experience) d["lived_experience"] = true;
    if (m.funding) d["funding"] = detail::without_negative_zero(*m.funding);
    if (!m.tags.empty()) d["tags"] = m.tags;
    if (!m.attributes.empty()) {
      d["attributes"] = attributes_document(m.attributes);
    }
    if (!m.contacts.empty()) d["contacts"] = contacts_document(m);
    doc["members"].push_back(std::move(d));
  }
  // Ties made from survey responses are not written: loading the survey makes them again.
  if (std::any_of(c.ties.begin(), c.ties.end(), [](const Tie& t) { return !t.from_survey; })) {
    doc["ties"] = ordered_json::array();
    for (const Tie& t : c.ties) {
      if (!t.from_survey) doc["ties"].push_back(tie_document(c, t));
    }
  }
  if (!c.governance.empty()) doc["governance"] = governance_document(c);
  if (c.survey) doc["survey"] = survey_document(c);
  return doc;
}

namespace {

bool plain_safe(const std::string& s) {
  static const std::set<std::string> special = {"null", "Null", "NULL",  "~",   "true", "false", "yes",
                                                "no",   "True", "False", "Yes", "No",   "on",    "off"};
  return detail::is_slug(s) && !special.contains(s);
}

/// Writes a value as YAML: keys and strings plain when safe, else double-quoted; lists of
/// scalars in flow style when `flow_lists`.
void emit(YAML::Emitter& out, const ordered_json& value, bool flow_lists) {
  switch (value.type()) {
    case ordered_json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        if (plain_safe(key))
          out << key;
        else
          out << YAML::DoubleQuoted << key;
        out << YAML::Value;
        emit(out, item, flow_lists);
      }
      out << YAML::EndMap;
      break;
    case ordered_json::value_t::array: {
      const bool scalars = std::all_of(value.begin(), value.end(), [](const auto& v) { return !v.is_structured(); });
      if (flow_lists && scalars) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : value) emit(out, item, flow_lists);
      out << YAML::EndSeq;
      break;
    }
    case ordered_json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      if (plain_safe(s))
        out << s;
      else
        out << YAML::DoubleQuoted << s;
      break;
    }
    case ordered_json::value_t::boolean: out << (value.get<bool>() ? "true" : "false"); break;
    case ordered_json::value_t::number_integer:
    case ordered_json::value_t::number_unsigned: out << value.dump(); break;
    case ordered_json::value_t::number_float: out << detail::number_text(value.get<double>()); break;
    default: out << YAML::Null;
  }
}

}  // namespace

/// Compact JSON; bytes that are not UTF-8 become U+FFFD instead of an exception.
std::string json_text(const ordered_json& value) {
  return value.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

namespace {

std::string yaml_text(const ordered_json& doc, const std::string& comment) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  for (const auto& [key, item] : doc.items()) {
    out << YAML::Key << key << YAML::Value;
    emit(out, item, true);
  }
  out << YAML::EndMap;
  return comment + out.c_str() + "\n";
}

}  // namespace

}  // namespace detail

std::string coalition_yaml(const Coalition& c) { return detail::yaml_text(detail::coalition_document(c), ""); }

}  // namespace xsector
