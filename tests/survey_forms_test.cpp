// Survey exports as form tools write them: the words people use for a missing answer, the
// timestamps the tools write, the words of a question, and small exports of each layout
// whose answers are worked out by hand. tests/survey_forms_check.py checks whole exports
// built to each tool's documentation, and the survey kit, end to end.
#include "../src/exchange/survey_forms.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "xsector/load.hpp"
#include "xsector/survey_kit.hpp"

using namespace xsector;

namespace {

const char* const members_csv =
    "ID,Label,Sector\n"
    "hub,The Hub,health-care\n"
    "school,Lincoln School,education\n"
    "pantry,St. Mary's Pantry,community-based\n";

Coalition imported(const std::string& file, const std::string& text, const std::vector<std::string>& map = {}) {
  const Imported i = import_survey_exports({SurveyExport{file, text}}, members_csv, "members.csv", {}, map);
  return parse_coalition(imported_yaml(i), "imported.yaml");
}

}  // namespace

TEST(SurveyAnswers, MissingWordsInAnyCaseAndApostrophe) {
  for (const char* word : {"", "  ", "Don't know", "DON'T KNOW", "Don\xE2\x80\x99t know", "Do not know", "N/A", "n/a",
                           "NA", "Not applicable", "Prefer not to say", "-"}) {
    EXPECT_TRUE(detail::missing_answer(word)) << word;
  }
  for (const char* word : {"4", "never", "Not a partner", "no", "none", "Don't"}) {
    EXPECT_FALSE(detail::missing_answer(word)) << word;
  }
  EXPECT_TRUE(detail::not_a_partner("not a PARTNER"));
}

TEST(SurveyAnswers, TimestampsAsTheToolsWriteThem) {
  EXPECT_EQ(detail::timestamp_date("2025-05-01"), "2025-05-01");
  EXPECT_EQ(detail::timestamp_date("2025-05-01 10:12:33"), "2025-05-01");     // Qualtrics
  EXPECT_EQ(detail::timestamp_date("2025-05-01T10:12:33Z"), "2025-05-01");    // ISO 8601
  EXPECT_EQ(detail::timestamp_date("5/1/2025 10:12:33"), "2025-05-01");       // Google Forms (US)
  EXPECT_EQ(detail::timestamp_date("05/01/2025 10:12:33 AM"), "2025-05-01");  // SurveyMonkey
  EXPECT_EQ(detail::timestamp_date("5/1/25 9:03"), "2025-05-01");             // two-digit year
  EXPECT_EQ(detail::timestamp_date("25/12/2025 08:00"), "2025-12-25");        // day first when > 12
  EXPECT_EQ(detail::timestamp_date("01.05.2025 10:00"), "2025-05-01");        // day.month.year
  EXPECT_EQ(detail::timestamp_date("2024-02-29"), "2024-02-29");
  for (const char* bad : {"2025-02-29", "13/13/2025", "yesterday", "2025-5", "5/1", "", "1/2/3/4"}) {
    EXPECT_FALSE(detail::timestamp_date(bad)) << bad;
  }
}

TEST(SurveyAnswers, TheWordsOfAQuestionNameItsItem) {
  EXPECT_EQ(detail::question_field("How would you describe your relationship?"), "level");
  EXPECT_EQ(detail::question_field("Level of collaboration"), "level");
  EXPECT_EQ(detail::question_field("Level of involvement"), "value_involvement");  // the item, not a level
  EXPECT_EQ(detail::question_field("How often do you meet?"), "frequency");
  EXPECT_EQ(detail::question_field("How RELIABLE is it?"), "trust_reliability");
  EXPECT_EQ(detail::question_field("In support of mission"), "trust_mission");
  EXPECT_EQ(detail::question_field("Open to discussion"), "trust_openness");
  EXPECT_EQ(detail::question_field("Power/Influence"), "value_power");
  EXPECT_EQ(detail::question_field("How much influence does it have?"), "value_power");
  EXPECT_EQ(detail::question_field("Resource contribution"), "value_resources");
  EXPECT_EQ(detail::question_field("Comments"), "");
  EXPECT_EQ(detail::column_letters(0), "A");
  EXPECT_EQ(detail::column_letters(25), "Z");
  EXPECT_EQ(detail::column_letters(26), "AA");
  EXPECT_EQ(detail::column_letters(701), "ZZ");
  EXPECT_EQ(detail::column_letters(702), "AAA");
}

// The same three answers in the long layout and in each wide layout give the same survey:
//   hub about school: level 4, reliability 3 (openness Don't know)
//   school about hub: level 2 (frequency N/A), reliability 4, openness 2
//   pantry: named nobody (every cell missing or Not a partner)
TEST(SurveyLayouts, EveryLayoutGivesTheSameAnswers) {
  const std::string long_layout =
      "Organization,Partner,Level,Frequency,Reliability,Openness\n"
      "The Hub,Lincoln School,collaborating,,3,Don't know\n"
      "Lincoln School,The Hub,coordinating,N/A,4,2\n"
      "St. Mary's Pantry,The Hub,Not a partner,,,\n";
  const std::string google =
      "Timestamp,Your organization,Level [The Hub],Level [Lincoln School],Reliability [The Hub],"
      "Reliability [Lincoln School],Openness [The Hub],Openness [Lincoln School]\n"
      "5/1/2025 10:00:00,The Hub,,collaborating,,3,,Don't know\n"
      "5/2/2025 11:00:00,Lincoln School,coordinating,,4,,2,\n"
      "5/4/2025 08:00:00,St. Mary's Pantry,Not a partner,-,,N/A,,\n";
  const std::string microsoft =
      "ID,Start time,Completion time,Email,Name,Organization,Level.The Hub,Level.Lincoln School,"
      "Reliability - The Hub,Reliability - Lincoln School,Openness - The Hub,Openness - Lincoln School\n"
      "1,5/1/25 9:00,5/1/25 10:00,a@x.org,A,The Hub,,collaborating,,3,,Don't know\n"
      "2,5/2/25 9:00,5/2/25 11:00,b@x.org,B,Lincoln School,coordinating,,4,,2,\n"
      "3,5/4/25 7:00,5/4/25 8:00,c@x.org,C,St. Mary's Pantry,Not a partner,,,,,\n";
  const std::string surveymonkey =
      "Respondent ID,End Date,Your organization,Level,,Reliability,,Openness,\n"
      ",,Response,The Hub,Lincoln School,The Hub,Lincoln School,The Hub,Lincoln School\n"
      "1,05/01/2025 10:00:00 AM,The Hub,,collaborating,,3,,Don't know\n"
      "2,05/02/2025 11:00:00 AM,Lincoln School,coordinating,,4,,2,\n"
      "3,05/04/2025 08:00:00 AM,St. Mary's Pantry,Not a partner,,,,,\n";
  const std::string qualtrics =
      "EndDate,Q1,Q2_1,Q2_2,Q3_1,Q3_2,Q4_1,Q4_2\n"
      "End Date,Your organization,Level - The Hub,Level - Lincoln School,Reliability - The Hub,"
      "Reliability - Lincoln School,Openness - The Hub,Openness - Lincoln School\n"
      "\"{\"\"ImportId\"\":\"\"endDate\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\",,,,,,\n"
      "2025-05-01 10:00:00,The Hub,,collaborating,,3,,Don't know\n"
      "2025-05-02 11:00:00,Lincoln School,coordinating,,4,,2,\n"
      "2025-05-04 08:00:00,St. Mary's Pantry,Not a partner,,,,,\n";
  const Coalition reference = imported("long.csv", long_layout);
  for (const auto& [file, text] :
       {std::pair{"google.csv", google}, std::pair{"microsoft.csv", microsoft},
        std::pair{"surveymonkey.csv", surveymonkey}, std::pair{"qualtrics.csv", qualtrics}}) {
    const Coalition c = imported(file, text);
    ASSERT_TRUE(c.survey) << file;
    const Survey& s = *c.survey;
    EXPECT_EQ(s.respondents, (std::vector<std::size_t>{0, 1, 2})) << file;
    EXPECT_EQ(s.fielded, "2025-05-04") << file;
    ASSERT_EQ(s.responses.size(), 2U) << file;
    EXPECT_EQ(s.responses[0].by, 0U) << file;
    EXPECT_EQ(s.responses[0].about, 1U) << file;
    EXPECT_EQ(s.responses[0].level, TieLevel::collaborating) << file;
    EXPECT_EQ(s.responses[0].trust[0], 3) << file;
    EXPECT_FALSE(s.responses[0].trust[2]) << file;
    EXPECT_EQ(s.responses[1].by, 1U) << file;
    EXPECT_EQ(s.responses[1].level, TieLevel::coordinating) << file;
    EXPECT_FALSE(s.responses[1].frequency) << file;
    EXPECT_EQ(s.responses[1].trust[0], 4) << file;
    EXPECT_EQ(s.responses[1].trust[2], 2) << file;
    // The same survey as the long layout (which has no timestamps).
    ASSERT_EQ(reference.survey->responses.size(), 2U);
    for (std::size_t i = 0; i < 2; ++i) {
      EXPECT_EQ(s.responses[i].by, reference.survey->responses[i].by) << file;
      EXPECT_EQ(s.responses[i].level, reference.survey->responses[i].level) << file;
      EXPECT_EQ(s.responses[i].trust, reference.survey->responses[i].trust) << file;
    }
    EXPECT_EQ(s.respondents, reference.survey->respondents) << file;
  }
}

TEST(SurveyLayouts, ProblemsAreNamedAtTheirCell) {
  const std::string google =
      "Timestamp,Your organization,Level [The Hub],Reliability [The Hub],Level [Nobody Inc]\n"
      "5/1/2025 10:00:00,Lincoln School,friends,9,networking\n";
  try {
    imported("google.csv", google);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    std::vector<std::string> messages;
    for (const auto& d : e.diagnostics()) messages.push_back(d.str());
    ASSERT_EQ(messages.size(), 3U) << e.what();
    // In file order (by row, then column); an unknown partner is named once, at the heading
    // that names it.
    EXPECT_NE(messages[0].find("google.csv:1:5: error: partner 'Nobody Inc' is not a member"), std::string::npos)
        << messages[0];
    EXPECT_NE(messages[1].find("google.csv:2:3: error: level 'friends'"), std::string::npos) << messages[1];
    EXPECT_NE(messages[2].find("google.csv:2:4: error: reliability '9' is not a rating"), std::string::npos)
        << messages[2];
  }
  ImportOptions skip;
  skip.skip_bad_rows = true;
  const Imported i = import_survey_exports({SurveyExport{"google.csv", google}}, members_csv, "members.csv", skip);
  EXPECT_EQ(i.skipped.size(), 3U);
  EXPECT_EQ(parse_coalition(imported_yaml(i), "x.yaml").survey->respondents, (std::vector<std::size_t>{1}));
}

TEST(SurveyLayouts, MapNamesAQuestionTheWordsDoNotGive) {
  const std::string google =
      "Timestamp,Who are you?,How well do you know them? [The Hub]\n"
      "5/1/2025 10:00:00,Lincoln School,3\n";
  EXPECT_THROW(imported("google.csv", google), InputError);  // no organization column
  const Coalition c = imported("google.csv", google, {"Who are you?=by", "How well do you know them?=level"});
  ASSERT_EQ(c.survey->responses.size(), 1U);
  EXPECT_EQ(c.survey->responses[0].level, TieLevel::cooperating);
  EXPECT_THROW(imported("google.csv", google, {"Not here=by"}), UsageError);
}

TEST(SurveyKit, FormatsAndQuestions) {
  EXPECT_EQ(parse_kit_format("html"), KitFormat::html);
  EXPECT_THROW(parse_kit_format("pdf"), UsageError);
  // Every question's wording names its item by the words import_survey reads.
  for (const KitQuestion& q : kit_questions()) EXPECT_EQ(detail::question_field(std::string(q.heading)), q.field);
}

TEST(SurveyLayouts, FieldedIsTheLatestTimestampThatIsADate) {
  const std::string google =
      "Timestamp,Your organization,Level [The Hub]\n"
      "5/1/2025 10:00:00,Lincoln School,networking\n"
      "soon,St. Mary's Pantry,networking\n"
      "4/30/2025 10:00:00,The Hub,\n";
  const Imported i = import_survey_exports({SurveyExport{"google.csv", google}}, members_csv, "members.csv", {});
  EXPECT_EQ(parse_coalition(imported_yaml(i), "x.yaml").survey->fielded, "2025-05-01");
  const bool noted = std::any_of(i.notes.begin(), i.notes.end(), [](const std::string& n) {
    return n.find("1 timestamps are not dates and were left out of 'fielded': google.csv:3:1 'soon'") !=
           std::string::npos;
  });
  EXPECT_TRUE(noted);
}
