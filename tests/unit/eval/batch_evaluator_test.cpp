// The batch evaluator gives the statuses and amounts of the full evaluation
// (its allocation-free fast path is tested in tests/alloc/).
#include "relief/batch_evaluator.hpp"

#include <gtest/gtest.h>

#include "support/example_profiles.hpp"

namespace relief {
namespace {

using testing::BundledPack;
using testing::ExampleProfiles;

TEST(BatchEvaluator, AgreesWithTheFullEvaluation) {
  RulePack pack = BundledPack();
  BatchEvaluator batch(pack);
  std::vector<MeasureOutcome> outcomes;
  int compared = 0;
  for (const std::string& text : ExampleProfiles()) {
    ProfileResult profile = pack.ReadProfile(text, "example");
    ASSERT_TRUE(profile.ok()) << FormatDiagnostics(profile.diagnostics);
    for (const char* date : {"2020-03-15", "2020-11-15", "2020-12-15", "2021-02-15", "2021-06-15"}) {
      Evaluation full = pack.Evaluate(*profile.profile, *Date::Parse(date));
      batch.Evaluate(*profile.profile, *Date::Parse(date), outcomes);
      ASSERT_EQ(outcomes.size(), full.measures.size());
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        EXPECT_EQ(outcomes[i].status, full.measures[i].status) << full.measures[i].id << " " << date;
        EXPECT_EQ(outcomes[i].amount, full.measures[i].amount) << full.measures[i].id << " " << date;
        EXPECT_EQ(outcomes[i].case_id, full.measures[i].status == Status::kEligible ? full.measures[i].case_id : "")
            << full.measures[i].id << " " << date;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100);
}

}  // namespace
}  // namespace relief
