// The batch evaluator gives the statuses and amounts of the full evaluation,
// and makes no heap allocation per profile once warmed up.
#include "relief/batch_evaluator.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <sstream>

namespace {
// Counts allocations made by this thread while `counting` is set.
thread_local bool counting = false;
thread_local long allocations = 0;
}  // namespace

void* operator new(std::size_t size) {
  if (counting) ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace relief {
namespace {

std::vector<std::string> ExampleProfiles() {
  std::vector<std::string> texts;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RELIEF_TEST_DIR) + "/../examples/profiles")) {
    std::ifstream in(entry.path());
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

RulePack BundledPack() { return RulePack::LoadOrThrow(std::string(RELIEF_TEST_DIR) + "/../rules/occitanie"); }

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
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 100);
}

TEST(BatchEvaluator, MakesNoAllocationPerProfileOnceWarm) {
  RulePack pack = BundledPack();
  BatchEvaluator batch(pack);
  std::vector<Profile> profiles;
  for (const std::string& text : ExampleProfiles()) profiles.push_back(*pack.ReadProfile(text, "example").profile);
  std::vector<MeasureOutcome> outcomes;
  const Date date = *Date::Parse("2020-11-15");
  batch.Evaluate(profiles.front(), date, outcomes);  // sizes `outcomes`
  counting = true;
  allocations = 0;
  for (int round = 0; round < 10; ++round) {
    for (const Profile& p : profiles) batch.Evaluate(p, date, outcomes);
  }
  counting = false;
  EXPECT_EQ(allocations, 0);

  // The counter does see allocations: the explained evaluation makes many.
  counting = true;
  allocations = 0;
  Evaluation explained = pack.Evaluate(profiles.front(), date);
  counting = false;
  EXPECT_GT(allocations, 100);
}

}  // namespace
}  // namespace relief
