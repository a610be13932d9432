// Partner surveys: loading, ties from responses, directed figures, trust and value, findings.
// Every expected number below is worked out by hand from the small survey in `survey_file`.
#include "xsector/survey.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "xsector/analysis.hpp"
#include "xsector/compare.hpp"
#include "xsector/exchange.hpp"
#include "xsector/finding_text.hpp"
#include "xsector/load.hpp"
#include "xsector/output.hpp"
#include "xsector/render.hpp"

using namespace xsector;

namespace {

// Five members, three respondents (a, b, c); d and e did not answer.
//   response 0: a -> b  level 4  trust {4, 3, -} -> 3.5   value {-, -, 4} -> 4
//   response 1: b -> a  level 2  trust {2, 2, 2} -> 2     value none
//   response 2: c -> b  level 3  trust {1, 2, 2} -> 5/3   value {4, 2, 3} -> 3
//   response 3: a -> d  level 1  no ratings
//   response 4: c -> a  no level (networking), kinds [information], no ratings
//   response 5: b -> c  level 2  trust {-, -, 3} -> 3     value {-, 1, -} -> 1
// Reported pairs in order of first response: {a,b} confirmed (0, 1); {b,c} confirmed (2, 5);
// {a,d} one-sided and written under ties; {a,c} one-sided (4).
const char* const survey_file = R"(coalition:
  name: Survey test
members:
  - {id: a, sector: public-health}
  - {id: b, sector: government}
  - {id: c, sector: community-based}
  - {id: d, sector: housing}
  - {id: e, sector: community-based}
ties:
  - {between: [a, d], level: cooperating}
governance:
  - body: board
    seats: {a: 1, c: 1}
survey:
  name: 2025 partner survey
  fielded: 2025-05-01
  respondents: [a, b, c]
  tie_rule: TIE_RULE
  responses:
    - {by: a, about: b, level: collaborating, trust: {reliability: 4, mission: 3}, value: {resources: 4}}
    - {by: b, about: a, level: coordinating, trust: {reliability: 2, mission: 2, openness: 2}}
    - {by: c, about: b, level: 3, trust: {reliability: 1, mission: 2, openness: 2}, value: {power: 4, involvement: 2, resources: 3}}
    - {by: a, about: d, level: networking, contact: jdoe}
    - {by: c, about: a, frequency: monthly, kinds: [information]}
    - {by: b, about: c, level: 2, trust: {openness: 3}, value: {involvement: 1}}
)";

std::string with_rule(const std::string& rule) {
  std::string text = survey_file;
  text.replace(text.find("TIE_RULE"), 8, rule);
  return text;
}

Coalition load(const std::string& text) { return parse_coalition(text, "survey.yaml"); }

std::vector<Diagnostic> diagnostics_of(const std::string& text) {
  try {
    parse_coalition(text, "survey.yaml");
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

/// The survey file with the responses replaced by `responses` (and respondents by `respondents`).
std::string with_responses(const std::string& respondents, const std::string& responses) {
  return std::string(R"(coalition: {name: Errors}
members:
  - {id: a, sector: public-health}
  - {id: b, sector: government}
  - {id: c, sector: housing}
survey:
  respondents: )") +
         respondents + "\n  responses:\n" + responses;
}

std::string where(const Diagnostic& d) { return fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column); }

const Tie* tie_between(const Coalition& c, std::size_t a, std::size_t b) {
  for (const Tie& t : c.ties) {
    if ((t.a == a && t.b == b) || (t.a == b && t.b == a)) return &t;
  }
  return nullptr;
}

}  // namespace

TEST(Survey, LoaderReadsEveryField) {
  const Coalition c = load(with_rule("any"));
  ASSERT_TRUE(c.survey);
  const Survey& s = *c.survey;
  EXPECT_EQ(s.name, "2025 partner survey");
  EXPECT_EQ(s.fielded, "2025-05-01");
  EXPECT_EQ(s.tie_rule, TieRule::any);
  EXPECT_EQ(s.respondents, (std::vector<std::size_t>{0, 1, 2}));
  ASSERT_EQ(s.responses.size(), 6U);
  EXPECT_EQ(s.responses[0].by, 0U);
  EXPECT_EQ(s.responses[0].about, 1U);
  EXPECT_EQ(s.responses[0].level, TieLevel::collaborating);
  EXPECT_EQ(s.responses[0].trust[0], 4);
  EXPECT_EQ(s.responses[0].trust[1], 3);
  EXPECT_FALSE(s.responses[0].trust[2]);
  EXPECT_EQ(s.responses[0].value[2], 4);
  EXPECT_EQ(s.responses[2].level, TieLevel::cooperating);  // written as 3
  EXPECT_EQ(s.responses[3].contact, "jdoe");
  EXPECT_FALSE(s.responses[4].level);
  EXPECT_EQ(s.responses[4].frequency, Frequency::monthly);
  EXPECT_EQ(s.responses[4].kinds, (std::vector<std::string>{"information"}));
  EXPECT_EQ(s.responses[4].pos.line, 24);
  EXPECT_EQ(s.responses[4].pos.column, 7);
}

TEST(Survey, TieRuleAnyMakesATieOfEveryReportedPairAtTheLowerLevel) {
  const Coalition c = load(with_rule("any"));
  // The written a-d tie, then a-b, b-c, a-c from the responses.
  ASSERT_EQ(c.ties.size(), 4U);
  EXPECT_FALSE(c.ties[0].from_survey);
  EXPECT_EQ(c.ties[0].level, TieLevel::cooperating);  // the ties entry wins over a's "networking"
  const Tie* ab = tie_between(c, 0, 1);
  ASSERT_NE(ab, nullptr);
  EXPECT_TRUE(ab->from_survey);
  EXPECT_FALSE(ab->directed);
  EXPECT_EQ(ab->level, TieLevel::coordinating);                    // min(4, 2)
  EXPECT_EQ(tie_between(c, 1, 2)->level, TieLevel::coordinating);  // min(3, 2)
  const Tie* ac = tie_between(c, 0, 2);
  ASSERT_NE(ac, nullptr);
  EXPECT_EQ(ac->level, TieLevel::networking);  // one report without a level
  EXPECT_EQ(ac->kinds, (std::vector<std::string>{"information"}));
  EXPECT_EQ(ac->pos.line, 24);  // the response it came from
  EXPECT_EQ(tie_between(c, 0, 4), nullptr);
}

TEST(Survey, TieRuleBothKeepsOnlyConfirmedPairs) {
  const Coalition c = load(with_rule("both"));
  ASSERT_EQ(c.ties.size(), 3U);  // a-d written, a-b and b-c confirmed
  EXPECT_NE(tie_between(c, 0, 1), nullptr);
  EXPECT_NE(tie_between(c, 1, 2), nullptr);
  EXPECT_EQ(tie_between(c, 0, 2), nullptr);  // only c names a
  EXPECT_NE(tie_between(c, 0, 3), nullptr);  // written under ties: kept whatever the rule
}

TEST(Survey, SurveyTiesAreInTheNetworkEveryMetricUses) {
  const Coalition c = load(with_rule("any"));
  const Analysis a = analyze(c);
  // a: d (written), b, c (survey); b: a, c; c: a, b; d: a; e: none.
  EXPECT_EQ(a.members[0].degree, 3U);
  EXPECT_EQ(a.members[1].degree, 2U);
  EXPECT_EQ(a.members[2].degree, 2U);
  EXPECT_EQ(a.members[3].degree, 1U);
  EXPECT_EQ(a.members[4].degree, 0U);
  EXPECT_EQ(a.network.ties, 4U);
  // strength: a = 3 (a-d) + 2 (a-b) + 1 (a-c) = 6
  EXPECT_DOUBLE_EQ(a.members[0].strength, 6.0);
}

TEST(Survey, AddSurveyTiesIsIdempotent) {
  Coalition c = load(with_rule("any"));
  add_survey_ties(c);
  add_survey_ties(c);
  EXPECT_EQ(c.ties.size(), 4U);
  c.survey->tie_rule = TieRule::both;
  add_survey_ties(c);
  EXPECT_EQ(c.ties.size(), 3U);
  c.survey.reset();
  add_survey_ties(c);
  EXPECT_EQ(c.ties.size(), 1U);
}

TEST(Survey, PairStatusAndRates) {
  const Coalition c = load(with_rule("any"));
  const SurveyFigures s = survey_figures(c, index_sectors(c));
  ASSERT_TRUE(s.present);
  ASSERT_EQ(s.pairs.size(), 4U);
  EXPECT_EQ(s.pairs[0].status(), PairStatus::confirmed);  // {a,b}
  EXPECT_EQ(s.pairs[1].status(), PairStatus::confirmed);  // {b,c}
  EXPECT_EQ(s.pairs[2].status(), PairStatus::written);    // {a,d}
  EXPECT_FALSE(s.pairs[2].confirmed);
  EXPECT_EQ(s.pairs[3].status(), PairStatus::one_sided);  // {a,c}
  EXPECT_EQ(s.reported_pairs, 4U);
  EXPECT_EQ(s.confirmed_pairs, 2U);
  EXPECT_EQ(s.one_sided_pairs, 1U);  // {a,c}; {a,d} is named by one side but written: `written`
  EXPECT_EQ(s.written_pairs, 1U);
  // response_rate = 3 respondents / 5 members
  EXPECT_DOUBLE_EQ(*s.response_rate, 0.6);
  // Pairs whose two members both responded: {a,b}, {b,c}, {a,c} (d did not answer) -> 2 of 3 confirmed.
  EXPECT_EQ(s.pairs_both_responded, 3U);
  EXPECT_DOUBLE_EQ(*s.confirmation_rate, 2.0 / 3.0);
}

TEST(Survey, DirectedFigures) {
  const Coalition c = load(with_rule("any"));
  const SurveyFigures s = survey_figures(c, index_sectors(c));
  // in_degree: a named by b, c; b by a, c; c by b; d by a; e by none.
  const std::vector<std::size_t> in = {2, 2, 1, 1, 0};
  for (std::size_t v = 0; v < 5; ++v) EXPECT_EQ(s.members[v].in_degree, in[v]) << v;
  EXPECT_EQ(s.members[0].out_degree, 2U);
  EXPECT_EQ(s.members[1].out_degree, 2U);
  EXPECT_EQ(s.members[2].out_degree, 2U);
  EXPECT_FALSE(s.members[3].out_degree);  // non-respondents: null
  EXPECT_FALSE(s.members[4].out_degree);
  // a names b (names a back) and d (does not): 1/2. b names a and c, both name b: 1.
  // c names b (names c back) and a (does not): 1/2.
  EXPECT_DOUBLE_EQ(*s.members[0].reciprocity, 0.5);
  EXPECT_DOUBLE_EQ(*s.members[1].reciprocity, 1.0);
  EXPECT_DOUBLE_EQ(*s.members[2].reciprocity, 0.5);
  EXPECT_FALSE(s.members[3].reciprocity);
  EXPECT_FALSE(s.members[4].reciprocity);
}

TEST(Survey, RespondentWhoNamedNobody) {
  std::string text = with_rule("any");
  text.replace(text.find("respondents: [a, b, c]"), 22, "respondents: [a, b, c, e]");
  const Coalition c = load(text);
  const SurveyFigures s = survey_figures(c, index_sectors(c));
  EXPECT_EQ(s.members[4].out_degree, 0U);  // answered, named nobody: 0, not null
  EXPECT_FALSE(s.members[4].reciprocity);  // named none: null
  EXPECT_DOUBLE_EQ(*s.response_rate, 0.8);
  // {a,c}, {a,b}, {b,c} still the only pairs with two respondents.
  EXPECT_DOUBLE_EQ(*s.confirmation_rate, 2.0 / 3.0);
}

TEST(Survey, TrustAndValue) {
  const Coalition c = load(with_rule("any"));
  const SurveyFigures s = survey_figures(c, index_sectors(c));
  const auto& a = s.members[0];
  const auto& b = s.members[1];
  const auto& cc = s.members[2];
  // About a: response 1 (trust 2) and response 4 (no ratings).
  EXPECT_DOUBLE_EQ(*a.trust, 2.0);
  EXPECT_FALSE(a.value);
  EXPECT_DOUBLE_EQ(*a.trust_items[0], 2.0);
  EXPECT_DOUBLE_EQ(*a.trust_items[1], 2.0);
  EXPECT_DOUBLE_EQ(*a.trust_items[2], 2.0);
  EXPECT_FALSE(a.value_items[0]);
  // About b: responses 0 (trust 3.5, value 4) and 2 (trust 5/3, value 3).
  EXPECT_DOUBLE_EQ(*b.trust, (3.5 + 5.0 / 3.0) / 2.0);  // 31/12
  EXPECT_DOUBLE_EQ(*b.value, 3.5);
  EXPECT_DOUBLE_EQ(*b.trust_items[0], 2.5);  // reliability (4 + 1)/2
  EXPECT_DOUBLE_EQ(*b.trust_items[1], 2.5);  // mission (3 + 2)/2
  EXPECT_DOUBLE_EQ(*b.trust_items[2], 2.0);  // openness: only response 2 gives it
  EXPECT_DOUBLE_EQ(*b.value_items[0], 4.0);  // power
  EXPECT_DOUBLE_EQ(*b.value_items[1], 2.0);  // involvement
  EXPECT_DOUBLE_EQ(*b.value_items[2], 3.5);  // resources (4 + 3)/2
  // About c: response 5 (trust 3 from openness only, value 1 from involvement only).
  EXPECT_DOUBLE_EQ(*cc.trust, 3.0);
  EXPECT_DOUBLE_EQ(*cc.value, 1.0);
  EXPECT_FALSE(cc.trust_items[0]);
  EXPECT_DOUBLE_EQ(*cc.trust_items[2], 3.0);
  EXPECT_DOUBLE_EQ(*cc.value_items[1], 1.0);
  // About d: response 3 has no ratings; e is never rated.
  EXPECT_FALSE(s.members[3].trust);
  EXPECT_FALSE(s.members[4].trust);
  EXPECT_FALSE(s.members[4].value);
  // trust_given: a gave 3.5 (response 3 has none); b gave 2 and 3; c gave 5/3 (response 4 none).
  EXPECT_DOUBLE_EQ(*a.trust_given, 3.5);
  EXPECT_DOUBLE_EQ(*b.trust_given, 2.5);
  EXPECT_DOUBLE_EQ(*cc.trust_given, 5.0 / 3.0);
  EXPECT_FALSE(s.members[3].trust_given);
  // Network: trust over the four responses with trust (3.5 + 2 + 5/3 + 3) / 4 = 61/24, / 4 = 61/96.
  EXPECT_DOUBLE_EQ(*s.trust_score, 61.0 / 96.0);
  // Value over the three responses with value (4 + 3 + 1) / 3 = 8/3, / 4 = 2/3.
  EXPECT_DOUBLE_EQ(*s.value_score, 2.0 / 3.0);
}

TEST(Survey, TrustBySector) {
  const Coalition c = load(with_rule("any"));
  const SectorIndex index = index_sectors(c);
  const SurveyFigures s = survey_figures(c, index);
  auto sector = [&](const std::string& id) {
    for (std::size_t i = 0; i < index.sectors.size(); ++i) {
      if (index.sectors[i].id == id) return i;
    }
    ADD_FAILURE() << id;
    return std::size_t{0};
  };
  const auto ph = sector("public-health");
  const auto gov = sector("government");
  const auto cbo = sector("community-based");
  const auto housing = sector("housing");
  EXPECT_DOUBLE_EQ(*s.trust_by_sector.trust(ph, gov), 3.5);         // response 0
  EXPECT_DOUBLE_EQ(*s.trust_by_sector.trust(gov, ph), 2.0);         // response 1
  EXPECT_DOUBLE_EQ(*s.trust_by_sector.trust(cbo, gov), 5.0 / 3.0);  // response 2
  EXPECT_DOUBLE_EQ(*s.trust_by_sector.trust(gov, cbo), 3.0);        // response 5
  EXPECT_FALSE(s.trust_by_sector.trust(cbo, ph));                   // response 4 gives no trust
  EXPECT_EQ(s.trust_by_sector.responses(cbo, ph), 0U);
  EXPECT_FALSE(s.trust_by_sector.trust(ph, housing));
  EXPECT_EQ(s.trust_by_sector.responses(cbo, gov), 1U);
}

TEST(Survey, NoSurveyNoFigures) {
  const Coalition c = load(R"(coalition: {name: X}
members:
  - {id: a, sector: housing}
)");
  EXPECT_FALSE(c.survey);
  const Analysis a = analyze(c);
  EXPECT_FALSE(a.survey.present);
  const auto doc = nlohmann::json::parse(format_json(c, a));
  EXPECT_FALSE(doc.contains("trust_by_sector"));
  EXPECT_FALSE(doc["network"].contains("response_rate"));
  EXPECT_FALSE(doc["members"][0].contains("trust"));
}

TEST(Survey, EmptySurveyIsNullNotNaN) {
  const Coalition c = load(R"(coalition: {name: X}
members:
  - {id: a, sector: housing}
  - {id: b, sector: housing}
survey:
  respondents: []
)");
  const Analysis a = analyze(c);
  ASSERT_TRUE(a.survey.present);
  EXPECT_DOUBLE_EQ(*a.survey.response_rate, 0.0);
  EXPECT_FALSE(a.survey.confirmation_rate);
  EXPECT_FALSE(a.survey.trust_score);
  const auto doc = nlohmann::json::parse(format_json(c, a));
  EXPECT_TRUE(doc["network"]["confirmation_rate"].is_null());
  EXPECT_TRUE(doc["network"]["trust_score"].is_null());
  EXPECT_EQ(doc["network"]["response_rate"], 0.0);
  EXPECT_TRUE(doc["members"][0]["out_degree"].is_null());
}

TEST(Survey, JsonCarriesThePinnedNames) {
  const Coalition c = load(with_rule("any"));
  const Analysis a = analyze(c);
  const auto doc = nlohmann::json::parse(format_json(c, a));
  const auto& net = doc["network"];
  EXPECT_DOUBLE_EQ(net["response_rate"].get<double>(), 0.6);
  EXPECT_DOUBLE_EQ(net["confirmation_rate"].get<double>(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(net["trust_score"].get<double>(), 61.0 / 96.0);
  EXPECT_DOUBLE_EQ(net["value_score"].get<double>(), 2.0 / 3.0);
  const auto& b = doc["members"][1];
  EXPECT_EQ(b["id"], "b");
  EXPECT_EQ(b["in_degree"], 2);
  EXPECT_EQ(b["out_degree"], 2);
  EXPECT_DOUBLE_EQ(b["reciprocity"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(b["trust"].get<double>(), 31.0 / 12.0);
  EXPECT_DOUBLE_EQ(b["value"].get<double>(), 3.5);
  EXPECT_DOUBLE_EQ(b["trust_given"].get<double>(), 2.5);
  EXPECT_DOUBLE_EQ(b["trust_reliability"].get<double>(), 2.5);
  EXPECT_DOUBLE_EQ(b["trust_mission"].get<double>(), 2.5);
  EXPECT_DOUBLE_EQ(b["trust_openness"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(b["value_power"].get<double>(), 4.0);
  EXPECT_DOUBLE_EQ(b["value_involvement"].get<double>(), 2.0);
  EXPECT_DOUBLE_EQ(b["value_resources"].get<double>(), 3.5);
  EXPECT_TRUE(doc["members"][3]["out_degree"].is_null());
  EXPECT_TRUE(doc["members"][3]["reciprocity"].is_null());
  EXPECT_TRUE(doc["members"][4]["trust"].is_null());
  const auto& tbs = doc["trust_by_sector"];
  const auto& ids = tbs["sectors"];
  const auto at = [&](const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  };
  EXPECT_DOUBLE_EQ(tbs["trust"][at("community-based")][at("government")].get<double>(), 5.0 / 3.0);
  EXPECT_TRUE(tbs["trust"][at("community-based")][at("public-health")].is_null());
  EXPECT_EQ(doc["survey"]["non_respondents"], (nlohmann::json{"d", "e"}));
  EXPECT_EQ(doc["survey"]["pairs"][3]["status"], "one-sided");
  EXPECT_EQ(doc["survey"]["pairs"][2]["status"], "written");
  EXPECT_EQ(doc["survey"]["pairs"][2]["tie_level"], 3);
}

TEST(Survey, CsvAddsTheSurveyColumns) {
  const Coalition c = load(with_rule("any"));
  const std::string csv = format_csv(c, analyze(c));
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_NE(header.find(",in_degree,out_degree,reciprocity,trust,value,trust_given,trust_reliability"),
            std::string::npos);
  // Row of d: in_degree 1, out_degree and reciprocity empty (non-respondent).
  const auto d = csv.find("\nd,");
  ASSERT_NE(d, std::string::npos);
  const std::string row = csv.substr(d + 1, csv.find('\n', d + 1) - d - 1);
  EXPECT_NE(row.find(",1,,,"), std::string::npos) << row;
}

TEST(Survey, Findings) {
  const Coalition c = load(with_rule("any"));
  const Analysis a = analyze(c);
  auto find = [&](const std::string& code) -> const Finding* {
    for (const auto& f : a.findings) {
      if (f.code == code) return &f;
    }
    return nullptr;
  };
  // 3 of 5 answered: 60% < 70%; d and e did not answer.
  const Finding* rate = find("low-response-rate");
  ASSERT_NE(rate, nullptr);
  EXPECT_EQ(rate->area, FindingArea::survey);
  EXPECT_EQ(to_string(rate->area), "survey");
  EXPECT_EQ(rate->subjects, (std::vector<std::string>{"d", "e"}));
  // Named by at most one respondent among at least two others who answered: c (by b), d (by a), e (none).
  const Finding* rare = find("rarely-named");
  ASSERT_NE(rare, nullptr);
  EXPECT_EQ(rare->subjects, (std::vector<std::string>{"c", "d", "e"}));
  // c names a, a does not name c, both answered.
  const Finding* one = find("one-sided-ties");
  ASSERT_NE(one, nullptr);
  EXPECT_EQ(one->subjects, (std::vector<std::string>{"c", "a"}));
  // b: value_resources 3.5 >= 3, no seat on the board.
  const Finding* seat = find("valued-without-seat");
  ASSERT_NE(seat, nullptr);
  EXPECT_EQ(seat->subjects, (std::vector<std::string>{"b"}));
  // community-based -> government is 5/3 but from a single response: not enough for a finding.
  EXPECT_EQ(find("low-trust-between-sectors"), nullptr);
}

TEST(Survey, LowTrustBetweenSectorsNeedsTwoResponses) {
  const Coalition c = load(R"(coalition: {name: Trust}
members:
  - {id: cbo1, sector: community-based}
  - {id: cbo2, sector: community-based}
  - {id: county, sector: government}
survey:
  respondents: [cbo1, cbo2, county]
  responses:
    - {by: cbo1, about: county, trust: {reliability: 2, mission: 2, openness: 1}}
    - {by: cbo2, about: county, trust: {reliability: 3, mission: 2}}
    - {by: county, about: cbo1, trust: {reliability: 4}}
)");
  const Analysis a = analyze(c);
  // community-based -> government: (5/3 + 5/2) / 2 = 25/12 = 2.08 < 2.5 over 2 responses.
  const auto it = std::find_if(a.findings.begin(), a.findings.end(),
                               [](const Finding& f) { return f.code == "low-trust-between-sectors"; });
  ASSERT_NE(it, a.findings.end());
  EXPECT_EQ(it->subjects, (std::vector<std::string>{"community-based", "government"}));
  const std::string said = finding_text(*it, FindingNames(c, a.sectors.index));
  EXPECT_NE(said.find("2.1 of 4"), std::string::npos) << said;
  // 3 of 3 answered: no response-rate finding.
  EXPECT_TRUE(std::none_of(a.findings.begin(), a.findings.end(),
                           [](const Finding& f) { return f.code == "low-response-rate"; }));
}

TEST(SurveyLoader, RejectsAResponseAboutANonMember) {
  const auto d = diagnostics_of(with_responses("[a, b]", "    - {by: a, about: bb}\n"));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(where(d[0]), "survey.yaml:9:22");
  EXPECT_NE(d[0].message.find("'bb', which is not a member; did you mean 'b'?"), std::string::npos) << d[0].message;
}

TEST(SurveyLoader, RejectsAMemberRatingItself) {
  const auto d = diagnostics_of(with_responses("[a, b]", "    - {by: a, about: a}\n"));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(where(d[0]), "survey.yaml:9:22");
  EXPECT_NE(d[0].message.find("rates itself"), std::string::npos);
}

TEST(SurveyLoader, RejectsARespondentNotListed) {
  const auto d = diagnostics_of(with_responses("[a, b]", "    - {by: c, about: a}\n"));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(where(d[0]), "survey.yaml:9:12");
  EXPECT_NE(d[0].message.find("'c' answered but is not listed in the survey's respondents"), std::string::npos);
}

TEST(SurveyLoader, RejectsRatingsOutsideOneToFour) {
  const auto d =
      diagnostics_of(with_responses("[a, b]", "    - {by: a, about: b, trust: {reliability: 5}, value: {power: 0}}\n"));
  ASSERT_EQ(d.size(), 2U);
  EXPECT_EQ(where(d[0]), "survey.yaml:9:46");
  EXPECT_NE(d[0].message.find("trust reliability must be a rating from 1 to 4, found 5"), std::string::npos);
  EXPECT_EQ(where(d[1]), "survey.yaml:9:65");
  EXPECT_NE(d[1].message.find("value power must be a rating from 1 to 4, found 0"), std::string::npos);
}

TEST(SurveyLoader, RejectsADuplicateResponse) {
  const auto d = diagnostics_of(
      with_responses("[a, b]", "    - {by: a, about: b}\n    - {by: b, about: a}\n    - {by: a, about: b}\n"));
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(where(d[0]), "survey.yaml:11:7");
  EXPECT_NE(d[0].message.find("'a' already rated 'b' at line 9"), std::string::npos);
}

TEST(SurveyLoader, UnknownKeysGetSuggestions) {
  const auto d = diagnostics_of(with_responses(
      "[a, b]",
      "    - {by: a, about: b, leval: 2, trust: {reliablity: 3}, value: {resource: 2}, frequency: montly}\n"));
  ASSERT_EQ(d.size(), 4U);
  EXPECT_NE(d[0].message.find("did you mean 'level'?"), std::string::npos) << d[0].message;
  EXPECT_NE(d[1].message.find("did you mean 'reliability'?"), std::string::npos) << d[1].message;
  EXPECT_NE(d[2].message.find("did you mean 'resources'?"), std::string::npos) << d[2].message;
  EXPECT_NE(d[3].message.find("did you mean 'monthly'?"), std::string::npos) << d[3].message;
  const auto s = diagnostics_of(R"(coalition: {name: X}
members:
  - {id: a, sector: housing}
survey:
  respondent: [a]
  tie_rule: bothh
)");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(where(s[0]), "survey.yaml:5:3");
  EXPECT_NE(s[0].message.find("did you mean 'respondents'?"), std::string::npos) << s[0].message;
  EXPECT_EQ(where(s[1]), "survey.yaml:6:13");
  EXPECT_NE(s[1].message.find("did you mean 'both'?"), std::string::npos) << s[1].message;
}

TEST(SurveyLoader, RejectsBadRespondentsAndContact) {
  const auto d = diagnostics_of(with_responses("[a, a, zz]", "    - {by: a, about: b, contact: Jane Doe}\n"));
  ASSERT_EQ(d.size(), 3U);
  EXPECT_EQ(where(d[0]), "survey.yaml:7:20");
  EXPECT_NE(d[0].message.find("listed twice"), std::string::npos);
  EXPECT_EQ(where(d[1]), "survey.yaml:7:23");
  EXPECT_NE(d[1].message.find("'zz', which is not a member"), std::string::npos);
  EXPECT_EQ(where(d[2]), "survey.yaml:9:34");
}

TEST(SurveyLoader, AContactIsOneOfTheRespondentsPeopleWhenItListsThem) {
  const std::string text = R"(coalition: {name: X}
members:
  - {id: a, sector: public-health, contacts: [{id: jdoe}, {id: mlee}]}
  - {id: b, sector: government}
survey:
  respondents: [a, b]
  responses:
    - {by: a, about: b, contact: jdoe}
    - {by: b, about: a, contact: anyone}
)";
  const Coalition ok = parse_coalition(text, "survey.yaml");  // b lists no contacts: nothing to check
  ASSERT_EQ(ok.survey->responses.size(), 2U);
  EXPECT_EQ(ok.survey->responses[0].contact, "jdoe");
  EXPECT_EQ(ok.survey->responses[1].contact, "anyone");
  EXPECT_TRUE(validate(ok).empty());

  std::string typo = text;
  typo.replace(typo.find("contact: jdoe}"), 14, "contact: jdo}");
  const auto d = diagnostics_of(typo);
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(d[0].str(),
            "survey.yaml:8:34: error: contact 'jdo' is not a contact of 'a' (its contacts: jdoe, mlee); did you "
            "mean 'jdoe'?");
  // validate() says the same of a response changed by a program, at the response.
  Coalition changed = ok;
  changed.survey->responses[0].contact = "jdo";
  const auto v = validate(changed);
  ASSERT_EQ(v.size(), 1U);
  EXPECT_EQ(v[0].message, d[0].message);
  EXPECT_EQ(v[0].pos.line, 8);
}

TEST(SurveyLoader, RespondentsAreRequired) {
  const auto d = diagnostics_of(R"(coalition: {name: X}
members:
  - {id: a, sector: housing}
survey:
  responses: []
)");
  ASSERT_EQ(d.size(), 1U);
  EXPECT_EQ(where(d[0]), "survey.yaml:5:3");
  EXPECT_NE(d[0].message.find("needs 'respondents'"), std::string::npos);
}

TEST(SurveyExchange, CoalitionYamlKeepsTheSurveyAndLeavesOutItsTies) {
  const Coalition c = load(with_rule("any"));
  const std::string yaml = coalition_yaml(c);
  EXPECT_NE(yaml.find("survey:"), std::string::npos);
  const Coalition back = load(yaml);
  ASSERT_TRUE(back.survey);
  EXPECT_EQ(back.ties.size(), c.ties.size());
  EXPECT_EQ(std::count_if(back.ties.begin(), back.ties.end(), [](const Tie& t) { return !t.from_survey; }), 1);
  EXPECT_EQ(back.survey->responses.size(), 6U);
  EXPECT_EQ(back.survey->responses[0].trust, c.survey->responses[0].trust);
  EXPECT_EQ(back.survey->responses[2].value, c.survey->responses[2].value);
  EXPECT_EQ(back.survey->responses[3].contact, "jdoe");
  EXPECT_FALSE(back.survey->responses[4].level);
  EXPECT_EQ(back.survey->responses[4].frequency, Frequency::monthly);
  EXPECT_EQ(coalition_yaml(back), yaml);
}

TEST(SurveyExchange, GraphmlRoundTripIsLossless) {
  for (const char* rule : {"any", "both"}) {
    const Coalition c = load(with_rule(rule));
    const std::string graphml = export_graphml(c);
    EXPECT_NE(graphml.find("from_survey"), std::string::npos);
    ImportOptions options;
    const Imported imported = import_graphml(graphml, "survey.graphml", options);
    const Coalition back = load(imported_yaml(imported));
    ASSERT_TRUE(back.survey) << rule;
    EXPECT_EQ(back.survey->tie_rule, c.survey->tie_rule);
    EXPECT_EQ(back.survey->name, "2025 partner survey");
    EXPECT_EQ(back.survey->fielded, "2025-05-01");
    EXPECT_EQ(back.survey->respondents, c.survey->respondents);
    EXPECT_EQ(back.ties.size(), c.ties.size()) << rule;
    EXPECT_EQ(coalition_yaml(back), coalition_yaml(c)) << rule;
    // The figures are the same too.
    const auto before = nlohmann::json::parse(format_json(c, analyze(c)));
    const auto after = nlohmann::json::parse(format_json(back, analyze(back)));
    EXPECT_EQ(before["members"], after["members"]);
    EXPECT_EQ(before["trust_by_sector"], after["trust_by_sector"]);
    EXPECT_EQ(before["survey"], after["survey"]);
  }
}

namespace {

const char* const members_csv =
    "ID,Label,Sector\n"
    "hub,The Hub,health-care\n"
    "school,Lincoln School,education\n"
    "county,County Commission,government\n"
    "pantry,Food Pantry,community-based\n";

}  // namespace

TEST(SurveyImport, RecognisesCommonHeadingsAndDetectsNonRespondents) {
  const std::string responses =
      "Organization,Partner,Level of collaboration,Frequency,Reliability,Mission,"
      "Openness,Power and influence,Level of involvement,Resource contribution,Notes\n"
      "The Hub,Lincoln School,collaborating,weekly,4,4,3,3,4,2,good\n"
      "Lincoln School,hub,3,Monthly,3,,,2,,,\n"
      "pantry,County Commission,1,yearly,1,2,1,4,1,4,\n";
  ImportOptions options;
  options.name = "Imported survey";
  const Imported imported = import_survey(responses, "responses.csv", members_csv, "members.csv", options);
  const Coalition c = load(imported_yaml(imported));
  ASSERT_TRUE(c.survey);
  const Survey& s = *c.survey;
  EXPECT_EQ(s.respondents, (std::vector<std::size_t>{0, 1, 3}));  // hub, school, pantry
  ASSERT_EQ(s.responses.size(), 3U);
  EXPECT_EQ(s.responses[0].level, TieLevel::collaborating);
  EXPECT_EQ(s.responses[0].frequency, Frequency::weekly);
  EXPECT_EQ(s.responses[0].trust[2], 3);
  EXPECT_EQ(s.responses[0].value[2], 2);
  EXPECT_EQ(s.responses[1].by, 1U);
  EXPECT_EQ(s.responses[1].about, 0U);  // matched by id
  EXPECT_EQ(s.responses[1].level, TieLevel::cooperating);
  EXPECT_EQ(s.responses[1].frequency, Frequency::monthly);
  EXPECT_FALSE(s.responses[1].trust[1]);
  EXPECT_EQ(s.responses[2].about, 2U);  // matched by name
  const auto non = std::find_if(imported.notes.begin(), imported.notes.end(),
                                [](const std::string& n) { return n.find("did not answer") != std::string::npos; });
  ASSERT_NE(non, imported.notes.end());
  EXPECT_NE(non->find("1 of 4 members did not answer (non-respondents): county"), std::string::npos) << *non;
  const auto notes = std::find_if(imported.notes.begin(), imported.notes.end(),
                                  [](const std::string& n) { return n.find("'notes'") != std::string::npos; });
  EXPECT_NE(notes, imported.notes.end());
}

TEST(SurveyImport, ReportsUnusableRowsWithTheirLines) {
  const std::string responses =
      "Respondent,Partner,Reliability\n"
      "hub,school,4\n"
      "hub,nobody,3\n"
      "school,school,2\n"
      "school,hub,7\n"
      "hub,school,1\n";
  try {
    import_survey(responses, "responses.csv", members_csv, "members.csv", {});
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    const auto& d = e.diagnostics();
    ASSERT_EQ(d.size(), 4U);
    EXPECT_EQ(where(d[0]), "responses.csv:3:1");
    EXPECT_NE(d[0].message.find("partner 'nobody' is not a member"), std::string::npos);
    EXPECT_EQ(where(d[1]), "responses.csv:4:1");
    EXPECT_NE(d[1].message.find("rates itself"), std::string::npos);
    EXPECT_EQ(where(d[2]), "responses.csv:5:1");
    EXPECT_NE(d[2].message.find("'7' is not a rating from 1 to 4"), std::string::npos);
    EXPECT_EQ(where(d[3]), "responses.csv:6:1");
    EXPECT_NE(d[3].message.find("a second answer"), std::string::npos);
  }
  ImportOptions skip;
  skip.skip_bad_rows = true;
  const Imported imported = import_survey(responses, "responses.csv", members_csv, "members.csv", skip);
  EXPECT_EQ(imported.skipped.size(), 4U);
  EXPECT_EQ(load(imported_yaml(imported)).survey->responses.size(), 1U);
}

TEST(SurveyImport, MapNamesColumnsTheHeadingsDoNotGive) {
  const std::string responses =
      "Who answered,Who about,Trust in reliability\n"
      "hub,school,4\n"
      "school,,\n";
  EXPECT_THROW(import_survey(responses, "responses.csv", members_csv, "members.csv", {}), InputError);
  const Imported imported =
      import_survey(responses, "responses.csv", members_csv, "members.csv", {},
                    {"Who answered=by", "Who about=about", "Trust in reliability=trust_reliability"});
  const Coalition c = load(imported_yaml(imported));
  EXPECT_EQ(c.survey->respondents, (std::vector<std::size_t>{0, 1}));  // school answered, named nobody
  EXPECT_EQ(c.survey->responses.at(0).trust[0], 4);
  EXPECT_THROW(import_survey(responses, "responses.csv", members_csv, "members.csv", {}, {"Who answered=bye"}),
               UsageError);
  EXPECT_THROW(import_survey(responses, "responses.csv", members_csv, "members.csv", {}, {"Nope=by"}), UsageError);
}

TEST(SurveyCompare, RatesAndScoresOfBothWavesSideBySide) {
  const Coalition before = load(with_rule("any"));
  // The second wave: e answers too (4 of 5) and rates b with trust 4 on every item, value 2.
  std::string text = with_rule("any");
  text.replace(text.find("respondents: [a, b, c]"), 22, "respondents: [a, b, c, e]");
  text += "    - {by: e, about: b, trust: {reliability: 4, mission: 4, openness: 4}, value: {power: 2}}\n";
  const Coalition after = load(text);
  const Comparison cmp = compare(before, analyze(before), after, analyze(after));
  auto delta = [&](const std::string& name) {
    const auto it =
        std::find_if(cmp.network.begin(), cmp.network.end(), [&](const Delta& d) { return d.name == name; });
    EXPECT_NE(it, cmp.network.end()) << name;
    return *it;
  };
  const Delta rate = delta("response_rate");
  EXPECT_DOUBLE_EQ(*rate.before, 0.6);
  EXPECT_DOUBLE_EQ(*rate.after, 0.8);
  // Trust before 61/24 over 4 responses; after (61/6 + 4) / 5 = 85/30; both / 4.
  const Delta trust = delta("trust_score");
  EXPECT_DOUBLE_EQ(*trust.before, 61.0 / 96.0);
  EXPECT_DOUBLE_EQ(*trust.after, 85.0 / 120.0);
  EXPECT_NEAR(*trust.change, 85.0 / 120.0 - 61.0 / 96.0, 1e-15);
  // Value before 8/3 over 3; after (8 + 2) / 4 = 2.5; both / 4.
  EXPECT_DOUBLE_EQ(*delta("value_score").after, 2.5 / 4.0);
  // Pairs with two respondents after: {a,b}, {b,c}, {a,c}, {b,e}: 2 confirmed of 4.
  EXPECT_DOUBLE_EQ(*delta("confirmation_rate").after, 0.5);
}

TEST(SurveyRender, OneSidedTiesAreDottedAndMembersCanBeSizedByTrust) {
  const Coalition c = load(with_rule("any"));
  const Analysis a = analyze(c);
  RenderOptions options;
  const std::string dot = render_diagram(c, a, options, ImageFormat::dot);
  // Ties in c.ties: 0 a-d (written), 1 a-b, 2 b-c, 3 a-c (c names a only): only t3 is dotted.
  const auto edge = [&](const std::string& key) {
    const auto at = dot.find("key=" + key);
    EXPECT_NE(at, std::string::npos) << key;
    const auto start = dot.rfind(';', at);
    return dot.substr(start == std::string::npos ? 0 : start, dot.find(';', at) - start);
  };
  EXPECT_NE(edge("t3").find("dotted"), std::string::npos) << edge("t3");
  EXPECT_EQ(edge("t1").find("dotted"), std::string::npos) << edge("t1");
  EXPECT_EQ(edge("t0").find("dotted"), std::string::npos) << edge("t0");
  EXPECT_NE(dot.find("only one side reported"), std::string::npos);
  options.size_by = SizeBy::trust;
  EXPECT_NO_THROW(render_diagram(c, a, options, ImageFormat::dot));
  EXPECT_THROW(parse_size_by("trusst"), UsageError);
}
