// The batch evaluator makes no heap allocation per profile once warmed up.
//
// This test replaces the global allocation functions to count allocations,
// so it lives in its own executable: every form of operator new and delete
// is replaced, consistently, so that sanitizers see matching pairs.
#include <gtest/gtest.h>

#include <cstdlib>
#include <new>

#include "relief/batch_evaluator.hpp"
#include "support/example_profiles.hpp"

namespace {
// Counts allocations made by this thread while `counting` is set.
thread_local bool counting = false;
thread_local long allocations = 0;

void* Allocate(std::size_t size) {
  if (counting) ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = Allocate(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return Allocate(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept { return Allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace relief {
namespace {

using testing::BundledPack;
using testing::ExampleProfiles;

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

// The same for blocks of profiles (the span API, eval/lane_machine.hpp).
TEST(BatchEvaluator, MakesNoAllocationPerBlockOnceWarm) {
  RulePack pack = BundledPack();
  BatchEvaluator batch(pack);
  std::vector<Profile> profiles;
  for (int copy = 0; copy < 5; ++copy) {  // 40 profiles: a full block and a partial one
    for (const std::string& text : ExampleProfiles()) profiles.push_back(*pack.ReadProfile(text, "example").profile);
  }
  std::vector<MeasureOutcome> outcomes(profiles.size() * batch.measure_count());
  const Date date = *Date::Parse("2020-11-15");
  batch.Evaluate(profiles, date, outcomes);  // warms the machine up
  counting = true;
  allocations = 0;
  for (int round = 0; round < 10; ++round) batch.Evaluate(profiles, date, outcomes);
  counting = false;
  EXPECT_EQ(allocations, 0);
}

}  // namespace
}  // namespace relief
