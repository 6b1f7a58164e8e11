// A Trace recorded by the batch path explains its profile as
// RulePack::Evaluate does, whatever was recorded before it, and outlives
// the evaluator, the pack and the profile.
#include "relief/trace.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "relief/report.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

using testing::ExampleFirms;

// Every example firm at the end of every month the measures cover, one
// trace recorded into again and again: its explanation is the explained
// path's, byte for byte (words included), and its outcomes the batch path's.
TEST(Trace, ExplainsAsRulePackEvaluateDoes) {
  const RulePack pack = testing::BundledPack();
  BatchEvaluator batch(pack);
  Trace trace;
  std::vector<MeasureOutcome> expected;
  int checked = 0;
  for (const Profile& firm : ExampleFirms(pack)) {
    for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
      const Date date = month.LastDay();
      batch.Record(firm, date, trace);
      batch.Evaluate(firm, date, expected);
      ASSERT_EQ(trace.measure_count(), expected.size());
      for (std::size_t m = 0; m < expected.size(); ++m) EXPECT_EQ(trace.outcome(m), expected[m]) << m;
      EXPECT_EQ(trace.date(), date);
      EXPECT_EQ(ToJson(trace.Explain()), ToJson(pack.Evaluate(firm, date))) << date.ToString();
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8 * 22);
}

// A file recorded in blocks (two here, the second partial): each trace has
// the outcomes of the single-profile path, and explains its profile as
// RulePack::Evaluate does. The firms are mixed with empty profiles so that
// lanes next to each other differ.
TEST(Trace, RecordingAFileGivesEachProfileItsTrace) {
  const RulePack pack = testing::BundledPack();
  const std::vector<Profile> firms = ExampleFirms(pack);
  const Profile empty = pack.ReadProfile("{}", "empty.yaml").profile.value();
  std::vector<Profile> file;
  for (std::size_t i = 0; i < 70; ++i) file.push_back(i % 9 == 8 ? empty : firms[i % 9]);
  BatchEvaluator batch(pack);
  std::vector<Trace> traces(file.size());
  std::vector<MeasureOutcome> expected;
  int explained = 0;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(2)) {
    const Date date = month.LastDay();
    batch.Record(file, date, traces);
    for (std::size_t i = 0; i < file.size(); ++i) {
      batch.Evaluate(file[i], date, expected);
      ASSERT_EQ(traces[i].measure_count(), expected.size());
      for (std::size_t m = 0; m < expected.size(); ++m) EXPECT_EQ(traces[i].outcome(m), expected[m]) << i << ", " << m;
      EXPECT_EQ(traces[i].date(), date);
      if (i < 9 || i >= 64) {  // each firm, and the lanes of the second block
        EXPECT_EQ(ToJson(traces[i].Explain()), ToJson(pack.Evaluate(file[i], date))) << i << " at " << date.ToString();
        ++explained;
      }
    }
  }
  EXPECT_EQ(explained, 15 * 11);
  std::vector<Trace> too_few(3);
  EXPECT_THROW(batch.Record(file, *Date::Parse("2020-11-30"), too_few), std::invalid_argument);
}

// Each missing fact as a line: its key, label and question.
std::vector<std::string> Lines(const std::vector<MissingFact>& missing) {
  std::vector<std::string> lines;
  for (const MissingFact& f : missing) lines.push_back(f.Key() + " | " + f.label + " | " + f.question);
  return lines;
}

// The missing facts alone are the explanation's, measure by measure, for
// firms that give everything, some facts, or nothing, every other month.
TEST(Trace, MissingFactsAreThoseOfTheExplanation) {
  const RulePack pack = testing::BundledPack();
  std::vector<Profile> file = ExampleFirms(pack);
  for (const char* text :
       {"{}", "effectif: 5\n", "effectif: 12\ndate_creation: 2020-02-10\nfermeture: {2020-11: totale}\n"}) {
    file.push_back(pack.ReadProfile(text, "partial.yaml").profile.value());
  }
  BatchEvaluator batch(pack);
  std::vector<Trace> traces(file.size());
  std::size_t facts = 0;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(2)) {
    batch.Record(file, month.LastDay(), traces);
    for (std::size_t i = 0; i < file.size(); ++i) {
      const Evaluation explained = traces[i].Explain();
      const std::vector<std::vector<MissingFact>> missing = traces[i].MissingFacts();
      ASSERT_EQ(missing.size(), explained.measures.size());
      for (std::size_t m = 0; m < missing.size(); ++m) {
        EXPECT_EQ(Lines(missing[m]), Lines(explained.measures[m].missing))
            << i << ", " << m << ", " << month.ToString();
        facts += missing[m].size();
      }
    }
  }
  EXPECT_GT(facts, 1000u);  // the comparison is not of empty lists
  EXPECT_THROW(Trace().MissingFacts(), std::logic_error);
}

TEST(Trace, OutlivesTheEvaluatorThePackAndTheProfile) {
  Trace trace;
  std::string expected;
  {
    const RulePack pack = testing::BundledPack();
    const Profile firm = ExampleFirms(pack).front();
    const Date date = *Date::Parse("2020-11-30");
    BatchEvaluator(pack).Record(firm, date, trace);
    expected = ToJson(pack.Evaluate(firm, date));
  }
  EXPECT_EQ(ToJson(trace.Explain()), expected);
  Trace moved = std::move(trace);
  EXPECT_EQ(ToJson(moved.Explain()), expected);
}

TEST(Trace, NothingRecordedIsAnError) {
  const Trace trace;
  EXPECT_TRUE(trace.empty());
  EXPECT_EQ(trace.measure_count(), 0U);
  EXPECT_THROW(static_cast<void>(trace.outcome(0)), std::out_of_range);
  EXPECT_THROW(static_cast<void>(trace.Explain()), std::logic_error);
}

TEST(Trace, AProfileOfAnotherPackIsRefused) {
  const RulePack pack = testing::BundledPack();
  const RulePack other = testing::BundledPack();
  const Profile firm = ExampleFirms(other).front();
  Trace trace;
  BatchEvaluator batch(pack);
  EXPECT_THROW(batch.Record(firm, *Date::Parse("2020-11-30"), trace), Error);
  EXPECT_TRUE(trace.empty());
}

}  // namespace
}  // namespace relief
