// ParallelBatch gives, in input order, the outcomes one BatchEvaluator gives
// over the same profiles, whatever the number of threads (run under TSan by
// the tsan preset: label "threads").
#include "relief/parallel_batch.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "support/example_profiles.hpp"

namespace relief {
namespace {

using testing::BundledPack;
using testing::ExampleProfiles;

// The example firms, repeated in a shuffled order: enough profiles for
// several threads, each range unlike the others.
std::vector<Profile> ManyProfiles(const RulePack& pack, std::size_t n) {
  std::vector<Profile> examples;
  for (const std::string& text : ExampleProfiles()) examples.push_back(pack.ReadProfile(text, "example").value());
  std::vector<Profile> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(examples[(i * 5 + i / 8) % examples.size()]);
  return out;
}

TEST(ParallelBatch, GivesTheOneThreadOutcomesInInputOrder) {
  const RulePack pack = BundledPack();
  const std::vector<Profile> profiles = ManyProfiles(pack, 700);
  const Date date = *Date::Parse("2020-11-15");
  BatchEvaluator one(pack);
  std::vector<MeasureOutcome> expected, outcomes;
  for (const Profile& p : profiles) {
    one.Evaluate(p, date, outcomes);
    expected.insert(expected.end(), outcomes.begin(), outcomes.end());
  }
  for (unsigned threads : {0u, 1u, 2u, 3u, 7u}) {
    ParallelBatch batch(pack, threads);
    EXPECT_EQ(batch.threads(), threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads);
    std::vector<MeasureOutcome> got;
    batch.Evaluate(profiles, date, got);
    ASSERT_EQ(got.size(), profiles.size() * batch.measure_count());
    EXPECT_TRUE(got == expected) << threads << " threads";
    batch.Evaluate(std::span<const Profile>(profiles).subspan(0, 3), date, got);  // fewer profiles than threads
    EXPECT_TRUE(std::equal(got.begin(), got.end(), expected.begin())) << threads << " threads, 3 profiles";
  }
}

TEST(ParallelBatch, ForEachVisitsEveryProfileOnceInInputOrderOnEachThread) {
  const RulePack pack = BundledPack();
  const std::vector<Profile> profiles = ManyProfiles(pack, 500);
  const Date date = *Date::Parse("2020-11-15");
  ParallelBatch batch(pack, 3);
  std::vector<MeasureOutcome> expected;
  batch.Evaluate(profiles, date, expected);
  std::vector<int> visits(profiles.size(), 0);
  std::vector<std::vector<std::size_t>> seen(batch.threads());  // by thread, in the order visited
  std::vector<MeasureOutcome> got(expected.size());
  batch.ForEach(profiles, date, [&](unsigned thread, std::size_t i, std::span<const MeasureOutcome> outcomes) {
    ++visits[i];  // each index belongs to one thread: no race
    seen.at(thread).push_back(i);
    std::copy(outcomes.begin(), outcomes.end(), got.begin() + static_cast<std::ptrdiff_t>(i * outcomes.size()));
  });
  EXPECT_EQ(visits, std::vector<int>(profiles.size(), 1));
  EXPECT_TRUE(got == expected);
  for (const std::vector<std::size_t>& indices : seen) EXPECT_TRUE(std::is_sorted(indices.begin(), indices.end()));
}

// The threads take chunks of consecutive profiles as they finish: a thread
// held up keeps few of them, the others take the rest.
TEST(ParallelBatch, AThreadHeldUpLeavesItsShareToTheOthers) {
  const RulePack pack = BundledPack();
  const std::vector<Profile> profiles = ManyProfiles(pack, 2000);
  ParallelBatch batch(pack, 2);
  std::vector<std::size_t> count(batch.threads(), 0);
  std::vector<char> held(batch.threads(), 0);  // not vector<bool>: its bits share words across threads
  batch.ForEach(profiles, *Date::Parse("2020-11-15"), [&](unsigned thread, std::size_t, auto) {
    if (!held[thread]) {  // the first visit of each thread: the caller's waits
      held[thread] = 1;
      if (thread == 0) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ++count[thread];
  });
  EXPECT_EQ(count[0] + count[1], profiles.size());
  EXPECT_LT(count[0], profiles.size() / 2) << "the held thread kept its half";
  EXPECT_GT(count[1], profiles.size() / 2);
}

TEST(ParallelBatch, ForEachBlockGivesTheSameOutcomesAsColumns) {
  const RulePack pack = BundledPack();
  const std::vector<Profile> profiles = ManyProfiles(pack, 900);  // several blocks of 256 per thread
  const Date date = *Date::Parse("2020-11-15");
  ParallelBatch batch(pack, 2);
  const std::size_t m = batch.measure_count();
  std::vector<MeasureOutcome> expected;
  batch.Evaluate(profiles, date, expected);
  std::vector<int> visits(profiles.size(), 0);
  std::vector<MeasureOutcome> got(expected.size());
  batch.ForEachBlock(profiles, date, [&](unsigned, std::size_t first, const OutcomeColumns& block) {
    for (std::size_t k = 0; k < block.status.size(); ++k) {
      const std::size_t i = first + k / m;
      if (k % m == 0) ++visits[i];  // each index belongs to one thread: no race
      const std::optional<Decimal> amount =
          block.has_amount[k] != 0 ? std::optional<Decimal>(Decimal::FromCents(block.cents[k])) : std::nullopt;
      got[first * m + k] = {block.status[k], amount, block.case_id[k]};
    }
  });
  EXPECT_EQ(visits, std::vector<int>(profiles.size(), 1));
  EXPECT_TRUE(got == expected);
}

TEST(ParallelBatch, AnEmptySpanGivesNothing) {
  ParallelBatch batch(BundledPack(), 2);
  std::vector<MeasureOutcome> got(5);
  batch.Evaluate({}, *Date::Parse("2020-11-15"), got);
  EXPECT_TRUE(got.empty());
}

TEST(ParallelBatch, AProblemInAThreadIsThrownToTheCaller) {
  const RulePack pack = BundledPack();
  const RulePack other = BundledPack();  // loaded again: another pack
  std::vector<Profile> profiles = ManyProfiles(pack, 400);
  profiles[350] = other.ReadProfile("effectif: 3").value();
  ParallelBatch batch(pack, 2);
  std::vector<MeasureOutcome> got;
  EXPECT_THROW(batch.Evaluate(profiles, *Date::Parse("2020-11-15"), got), Error);
}

}  // namespace
}  // namespace relief
