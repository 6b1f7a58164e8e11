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

std::vector<Profile> ExampleFirms(const RulePack& pack) {
  std::vector<Profile> firms;
  for (const std::string& text : testing::ExampleProfiles()) {
    firms.push_back(pack.ReadProfile(text, "firm.yaml").profile.value());
  }
  return firms;
}

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
      ASSERT_EQ(trace.outcomes().size(), expected.size());
      for (std::size_t m = 0; m < expected.size(); ++m) EXPECT_EQ(trace.outcomes()[m], expected[m]) << m;
      EXPECT_EQ(trace.date(), date);
      EXPECT_EQ(ToJson(trace.Explain()), ToJson(pack.Evaluate(firm, date))) << date.ToString();
      ++checked;
    }
  }
  EXPECT_EQ(checked, 8 * 22);
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
  EXPECT_TRUE(trace.outcomes().empty());
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
