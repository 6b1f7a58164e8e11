// Questionnaire: the question needed by the most measures first, answers
// checked with the profile reader's messages, what changed, and a YAML
// profile that reads back to the same evaluation.
#include "relief/questionnaire.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "api/profile_entries.hpp"
#include "relief/report.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

const Date kDecember = *Date::Parse("2020-12-31");

// Status and amount of every measure: what must not change on a round trip.
std::vector<std::string> Outcomes(const Evaluation& e) {
  std::vector<std::string> out;
  for (const MeasureResult& r : e.measures) {
    out.push_back(r.id + " " + StatusName(r.status) + " " + (r.amount ? r.amount->ToFixed(2) : "-"));
  }
  return out;
}

Evaluation Reread(const RulePack& pack, const Questionnaire& q) {
  ProfileResult read = pack.ReadProfile(q.ToYaml(), "saved.yaml");
  EXPECT_TRUE(read.ok()) << FormatDiagnostics(read.diagnostics) << q.ToYaml();
  return pack.Evaluate(read.value(), kDecember);
}

TEST(Questionnaire, AsksTheFactNeededByTheMostMeasuresFirst) {
  const RulePack pack = testing::BundledPack();
  Questionnaire q = Questionnaire::Start(pack, kDecember).questionnaire.value();
  std::optional<Question> first = q.Next();
  ASSERT_TRUE(first.has_value());
  std::map<std::string, int> needed;  // by key: the measures whose missing facts name it
  for (const MeasureResult& r : q.evaluation().measures) {
    for (const MissingFact& m : r.missing) ++needed[m.Key()];
  }
  const int most =
      std::max_element(needed.begin(), needed.end(), [](auto& a, auto& b) { return a.second < b.second; })->second;
  EXPECT_EQ(first->measures, most);
  EXPECT_EQ(needed.at(first->fact.Key()), most);
  EXPECT_FALSE(first->fact.question.empty());
  EXPECT_EQ(first->description.name, first->fact.fact);
}

TEST(Questionnaire, RefusesWithTheProfileReadersMessageAndAcceptsAfter) {
  const RulePack pack = testing::BundledPack();
  Questionnaire q = Questionnaire::Start(pack, kDecember, "effectif: 9\n").questionnaire.value();
  Question loyer{{"loyer_mensuel_ht", "", "loyer", "?"}, {}, 0};
  AnswerResult refused = q.Answer(loyer, "1,500");
  EXPECT_FALSE(refused.accepted);
  const ProfileResult reader = pack.ReadProfile("loyer_mensuel_ht: 1,500\n");
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(refused.problem, reader.diagnostics.front().message);
  EXPECT_NE(refused.problem.find("ambiguous"), std::string::npos) << refused.problem;
  EXPECT_EQ(q.KnownFacts(), 1);

  AnswerResult accepted = q.Answer(loyer, "  1 500 €  ");
  EXPECT_TRUE(accepted.accepted) << accepted.problem;
  EXPECT_EQ(q.KnownFacts(), 2);
  EXPECT_EQ(q.ToYaml(), "effectif: 9\nloyer_mensuel_ht: 1 500 €\n");
}

TEST(Questionnaire, ChangesAreTheMeasuresWhoseStatusOrAmountMoved) {
  const RulePack pack = testing::BundledPack();
  std::string restaurant;
  for (const std::string& text : testing::ExampleProfiles())
    restaurant = text.find("823456789") != std::string::npos ? text : restaurant;
  Questionnaire q = Questionnaire::Start(pack, kDecember, restaurant).questionnaire.value();
  int answered = 0;
  int with_changes = 0;
  while (std::optional<Question> question = q.Next()) {
    const Evaluation before = q.evaluation();
    const std::string answer = question->description.base == "boolean" ? "true"
                               : question->description.allowed_values.empty()
                                   ? (question->description.base == "date" ? "2016-04-12" : "0")
                                   : question->description.allowed_values.front();
    AnswerResult r = q.Answer(*question, answer);
    if (!r.accepted) {
      q.Skip(*question);
      continue;
    }
    ++answered;
    with_changes += r.changes.empty() ? 0 : 1;
    EXPECT_EQ(r.changes.size(), ChangedMeasures(before, q.evaluation()).size());
    for (const MeasureChange& c : r.changes) {
      EXPECT_TRUE(c.status_before != c.status_after || c.amount_before != c.amount_after) << c.id;
    }
    EXPECT_EQ(Outcomes(Reread(pack, q)), Outcomes(q.evaluation())) << q.ToYaml();
  }
  EXPECT_GE(answered, 3);
  EXPECT_GE(with_changes, 1);
  EXPECT_FALSE(q.Next().has_value());
}

TEST(Questionnaire, SkippedQuestionsAreNotAskedAgain) {
  const RulePack pack = testing::BundledPack();
  Questionnaire q = Questionnaire::Start(pack, kDecember).questionnaire.value();
  const Question first = *q.Next();
  q.Skip(first);
  ASSERT_TRUE(q.Next().has_value());
  EXPECT_NE(q.Next()->fact.Key(), first.fact.Key());
}

TEST(Questionnaire, EveryExampleFirmReadsBackUnchanged) {
  const RulePack pack = testing::BundledPack();
  for (const std::string& text : testing::ExampleProfiles()) {
    QuestionnaireResult started = Questionnaire::Start(pack, kDecember, text, "firm.yaml");
    ASSERT_TRUE(started.ok()) << FormatDiagnostics(started.diagnostics);
    const Evaluation original = pack.Evaluate(pack.ReadProfile(text).value(), kDecember);
    EXPECT_EQ(Outcomes(started.questionnaire->evaluation()), Outcomes(original));
    EXPECT_EQ(Outcomes(Reread(pack, *started.questionnaire)), Outcomes(original)) << started.questionnaire->ToYaml();
  }
}

TEST(Questionnaire, AStartingProfileWithErrorsIsRefused) {
  const RulePack pack = testing::BundledPack();
  QuestionnaireResult started = Questionnaire::Start(pack, kDecember, "effectif: beaucoup\n", "firm.yaml");
  EXPECT_FALSE(started.ok());
  ASSERT_FALSE(started.diagnostics.empty());
  EXPECT_EQ(started.diagnostics.front().location.file, "firm.yaml");
}

// Texts that YAML would read differently if written plain come back as typed.
TEST(ProfileEntries, ValuesReadBackAsTyped) {
  const std::vector<std::string> texts = {"~",
                                          "null",
                                          "",
                                          "a: b",
                                          "x #y",
                                          "\"q\" \\",
                                          "- 1",
                                          "-1",
                                          "1 500,50 €",
                                          "é\xe2\x80\xa8z",
                                          "\xc2\xa0"
                                          "1",
                                          "[1]",
                                          "{a}",
                                          "'s'",
                                          "*x",
                                          "&y",
                                          "!t",
                                          "%p",
                                          "@",
                                          "`",
                                          "a\tb",
                                          "1\n2",
                                          "yes",
                                          "09"};
  internal::ProfileEntries entries;
  for (std::size_t i = 0; i < texts.size(); ++i) entries.Set("f" + std::to_string(i), "", texts[i]);
  entries.Set("s", "2020-11", ": x");
  const std::string yaml = entries.ToYaml([](const std::string&) { return false; });
  const YAML::Node root = YAML::Load(yaml);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(root["f" + std::to_string(i)].Scalar(), texts[i]) << i << "\n" << yaml;
  }
  EXPECT_EQ(root["s"]["2020-11"].Scalar(), ": x");
  EXPECT_NE(yaml.find("f8: 1 500,50 €\n"), std::string::npos) << yaml;  // plain when it is safe
}

}  // namespace
}  // namespace relief
