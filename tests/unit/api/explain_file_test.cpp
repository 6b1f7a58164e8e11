// BatchEvaluator::Explain: a file of firms explained by blocks reads as
// RulePack::Explain, firm by firm, and answers statuses and amounts from each
// firm's record without building the rest.
#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include "api/access.hpp"
#include "explain/explanation_data.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/explanation.hpp"
#include "relief/report.hpp"
#include "relief/trace.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

using internal::Access;

// The example firms, mixed with empty and partial profiles so that lanes
// next to each other differ; 70 of them: two blocks, the second partial.
std::vector<Profile> MixedFile(const RulePack& pack) {
  const std::vector<Profile> firms = testing::ExampleFirms(pack);
  const Profile empty = pack.ReadProfile("{}", "empty.yaml").profile.value();
  const Profile partial =
      pack.ReadProfile("effectif: 12\nfermeture: {2020-11: totale}\n", "partial.yaml").profile.value();
  std::vector<Profile> file;
  for (std::size_t i = 0; i < 70; ++i) file.push_back(i % 10 == 8 ? empty : i % 10 == 9 ? partial : firms[i % 8]);
  return file;
}

// Every firm of the file, every other month: the explanation's statuses and
// amounts (read first, from the record) and then its whole copy, words
// included, are RulePack::Explain's.
TEST(ExplainFile, EachExplanationReadsAsRulePackExplain) {
  const RulePack pack = testing::BundledPack();
  const std::vector<Profile> file = MixedFile(pack);
  BatchEvaluator batch(pack);
  std::vector<Explanation> explained(file.size());
  int compared = 0;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(2)) {
    const Date date = month.LastDay();
    batch.Explain(file, date, explained);
    for (std::size_t i = 0; i < file.size(); ++i) {
      const Explanation expected = pack.Explain(file[i], date);
      ASSERT_EQ(explained[i].measure_count(), expected.measure_count());
      EXPECT_EQ(explained[i].date(), date);
      for (std::size_t m = 0; m < expected.measure_count(); ++m) {
        EXPECT_EQ(explained[i].measure(m).status(), expected.measure(m).status()) << i << ", " << m;
        EXPECT_EQ(explained[i].measure(m).amount(), expected.measure(m).amount()) << i << ", " << m;
      }
      EXPECT_EQ(ToJson(explained[i].ToEvaluation()), ToJson(expected.ToEvaluation())) << i << " at " << date.ToString();
      ++compared;
    }
  }
  EXPECT_EQ(compared, 70 * 11);
  std::vector<Explanation> too_few(3);
  EXPECT_THROW(batch.Explain(file, *Date::Parse("2020-11-30"), too_few), std::invalid_argument);
}

// Statuses and amounts do not build the detail; the first view that needs
// it does, once, for that firm alone.
TEST(ExplainFile, StatusesAndAmountsAreReadWithoutTheDetail) {
  const RulePack pack = testing::BundledPack();
  const std::vector<Profile> file = MixedFile(pack);
  BatchEvaluator batch(pack);
  std::vector<Explanation> explained(file.size());
  const Date date = *Date::Parse("2020-11-30");
  batch.Explain(file, date, explained);
  int eligible = 0;
  for (const Explanation& e : explained) {
    for (const MeasureView m : e.measures()) eligible += m.status() == Status::kEligible && m.amount().has_value();
    EXPECT_FALSE(Access::data(e).built());
  }
  EXPECT_GT(eligible, 0);
  EXPECT_FALSE(explained[3].measure(0).reasons().empty());
  EXPECT_TRUE(Access::data(explained[3]).built());
  EXPECT_FALSE(Access::data(explained[4]).built());
  // A copy shares the detail built.
  const Explanation copy = explained[4];
  EXPECT_EQ(copy.questions().size(), pack.Explain(file[4], date).questions().size());
  EXPECT_TRUE(Access::data(explained[4]).built());
}

// From a trace: a copy of its record (the trace still explains), or its
// record taken (the trace left empty).
TEST(ExplainFile, AnExplanationCopiesOrTakesATracesRecord) {
  const RulePack pack = testing::BundledPack();
  const Profile firm = testing::ExampleFirms(pack).front();
  const Date date = *Date::Parse("2020-11-30");
  BatchEvaluator batch(pack);
  Trace trace;
  batch.Record(firm, date, trace);
  const std::string expected = ToJson(pack.Evaluate(firm, date));
  const Explanation copied(trace);
  EXPECT_FALSE(trace.empty());
  EXPECT_EQ(ToJson(copied.ToEvaluation()), expected);
  const Explanation taken(std::move(trace));
  EXPECT_TRUE(trace.empty());  // NOLINT(bugprone-use-after-move): moving from it is what is tested
  EXPECT_EQ(ToJson(taken.ToEvaluation()), expected);
  EXPECT_THROW(Explanation{std::move(trace)}, std::logic_error);
  EXPECT_THROW(Explanation{Trace()}, std::logic_error);
}

}  // namespace
}  // namespace relief
