// An evaluation's French details, formatted values and formulas in words
// are built when first read, not by RulePack::Evaluate (issue #9): reading
// them gives the same text whenever it happens (before or after the pack
// and profile are gone, from several threads at once).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "relief/report.hpp"
#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

constexpr const char* kProfile =
    "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
    "1000}\n";

// The first condition of the evaluation with a detail (one that is not met).
const ConditionResult* FirstWithDetail(const Evaluation& e) {
  for (const MeasureResult& m : e.measures) {
    for (const ConditionResult& c : m.conditions) {
      if (c.outcome != Outcome::kMet) return &c;
    }
  }
  return nullptr;
}

TEST(DeferredWords, DetailsAreBuiltWhenRead) {
  const RulePack& pack = testing::Pack("cases");
  // Facts missing: conditions unknown, each with a detail.
  const Evaluation e = pack.Evaluate(testing::ReadOrThrow(pack, "effectif: 10\n"), testing::D("2020-11-15"));
  const ConditionResult* c = FirstWithDetail(e);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->detail.deferred());
  ASSERT_FALSE(c->values.empty());
  EXPECT_TRUE(c->values.front().value.deferred());
  EXPECT_FALSE(c->detail.view().empty());
  EXPECT_EQ(c->detail.view().data(), c->detail.view().data()) << "built once";
}

TEST(DeferredWords, FirstReadAfterThePackAndProfileAreGone) {
  const std::string expected = [] {
    const RulePack& pack = testing::Pack("cases");
    return ToJson(pack.Evaluate(testing::ReadOrThrow(pack, kProfile), testing::D("2020-11-15")));
  }();
  std::optional<Evaluation> e;
  {
    RulePack pack = RulePack::LoadOrThrow(testing::PackDir("cases"));
    e = pack.Evaluate(testing::ReadOrThrow(pack, kProfile), testing::D("2020-11-15"));
  }
  EXPECT_EQ(ToJson(*e), expected);
}

TEST(DeferredWords, ReadFromSeveralThreadsAtOnce) {
  const RulePack& pack = testing::Pack("cases");
  const Profile profile = testing::ReadOrThrow(pack, kProfile);
  const std::string expected = ToJson(pack.Evaluate(profile, testing::D("2020-11-15")));
  const Evaluation e = pack.Evaluate(profile, testing::D("2020-11-15"));
  const Evaluation copy = e;  // shares the texts still to build
  std::vector<std::string> seen(4);
  std::vector<std::thread> readers;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    readers.emplace_back([&, i] { seen[i] = ToJson(i % 2 == 0 ? e : copy); });
  }
  for (std::thread& t : readers) t.join();
  for (const std::string& s : seen) EXPECT_EQ(s, expected);
}

}  // namespace
}  // namespace relief
