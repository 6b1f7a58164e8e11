// The batch evaluator gives the statuses and amounts of the full evaluation
// (its allocation-free fast path is tested in tests/alloc/).
#include "relief/batch_evaluator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

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

// `text` keeping only its top-level entries whose index is `kept` modulo 3
// (each with its nested lines): profiles with facts missing, so that blocks
// mix known, unknown and undetermined lanes.
std::string Thinned(const std::string& text, int kept) {
  std::string out;
  int entry = -1;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    const std::string line = text.substr(at, end - at);
    if (!line.empty() && line[0] != ' ' && line[0] != '#') ++entry;
    if (entry % 3 == kept) out += line + "\n";
    at = end + 1;
  }
  return out.empty() ? "{}\n" : out;
}

// The span API evaluates blocks of profiles together (eval/lane_machine.hpp):
// every outcome must be the one of the profile evaluated alone, whatever the
// other profiles of its block, including a last block that is not full.
TEST(BatchEvaluator, BlocksOfProfilesAgreeWithOneProfileAtATime) {
  RulePack pack = BundledPack();
  std::vector<Profile> profiles;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& text : ExampleProfiles()) {
      for (const std::string& variant : {text, Thinned(text, 0), Thinned(text, 1), Thinned(text, 2)}) {
        ProfileResult profile = pack.ReadProfile(variant, "example");
        ASSERT_TRUE(profile.ok()) << FormatDiagnostics(profile.diagnostics) << variant;
        profiles.push_back(*profile.profile);
      }
    }
  }
  profiles.push_back(profiles[5]);  // so that the last block is not full
  ASSERT_GT(profiles.size(), 64U);
  ASSERT_NE(profiles.size() % 64, 0U);  // LaneMachine::kLanes
  BatchEvaluator batch(pack);
  const std::size_t measures = batch.measure_count();
  std::vector<MeasureOutcome> blocks(profiles.size() * measures), alone;
  OutcomeColumns columns;
  std::map<Status, int> seen;
  for (const char* date : {"2020-03-15", "2020-11-15", "2021-02-15", "2021-06-15"}) {
    batch.Evaluate(profiles, *Date::Parse(date), blocks);
    batch.Evaluate(profiles, *Date::Parse(date), columns);
    ASSERT_EQ(columns.status.size(), blocks.size());
    for (std::size_t p = 0; p < profiles.size(); ++p) {
      batch.Evaluate(profiles[p], *Date::Parse(date), alone);
      for (std::size_t m = 0; m < measures; ++m) {
        const std::size_t k = p * measures + m;
        const MeasureOutcome& got = blocks[k];
        EXPECT_EQ(got, alone[m]) << "profile " << p << ", measure " << m << ", " << date;
        // The columns hold the same outcome, the amount in cents.
        const std::optional<Decimal> column_amount =
            columns.has_amount[k] != 0 ? std::optional<Decimal>(Decimal::FromCents(columns.cents[k])) : std::nullopt;
        EXPECT_EQ(MeasureOutcome({columns.status[k], column_amount, columns.case_id[k]}), alone[m])
            << "columns, profile " << p << ", measure " << m << ", " << date;
        EXPECT_EQ(columns.cents[k], alone[m].amount ? *alone[m].amount->Cents() : 0);
        ++seen[got.status];
      }
    }
  }
  // The blocks mixed every status.
  for (Status s : {Status::kEligible, Status::kIneligible, Status::kUndetermined, Status::kNotApplicable}) {
    EXPECT_GT(seen[s], 0) << static_cast<int>(s);
  }
}

TEST(BatchEvaluator, SpanApiRefusesAnOutputOfTheWrongSize) {
  RulePack pack = BundledPack();
  BatchEvaluator batch(pack);
  ProfileResult profile = pack.ReadProfile(ExampleProfiles()[0], "example");
  ASSERT_TRUE(profile.ok());
  std::vector<Profile> profiles{*profile.profile};
  std::vector<MeasureOutcome> out(batch.measure_count() - 1);
  EXPECT_THROW(batch.Evaluate(profiles, *Date::Parse("2020-11-15"), out), std::invalid_argument);
}

}  // namespace
}  // namespace relief
