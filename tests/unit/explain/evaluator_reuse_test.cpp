// RulePack::Evaluate keeps one recording evaluator per thread between calls
// (api/rule_pack.cpp). Whatever packs a thread evaluates in turn, and even
// when a pack is freed and another loaded (perhaps at the same address), each
// evaluation equals the one a fresh thread gives.
#include <gtest/gtest.h>

#include <thread>

#include "relief/report.hpp"
#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

constexpr const char* kProfile =
    "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
    "1000}\n";

std::string EvaluateOn(const RulePack& pack, const char* profile) {
  return ToJson(pack.Evaluate(testing::ReadOrThrow(pack, profile), testing::D("2020-11-15")));
}

// On a thread of its own, whose cache is empty.
std::string EvaluateOnFreshThread(const RulePack& pack, const char* profile) {
  std::string json;
  std::thread([&] { json = EvaluateOn(pack, profile); }).join();
  return json;
}

TEST(EvaluatorReuse, PacksEvaluatedInTurnOnOneThread) {
  const RulePack& cases = testing::Pack("cases");
  const RulePack& versions = testing::Pack("versions");
  const std::string expected_cases = EvaluateOnFreshThread(cases, kProfile);
  const std::string expected_versions = EvaluateOnFreshThread(versions, "{}");
  ASSERT_NE(expected_cases, expected_versions);
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(EvaluateOn(cases, kProfile), expected_cases) << round;
    EXPECT_EQ(EvaluateOn(cases, kProfile), expected_cases) << round;
    EXPECT_EQ(EvaluateOn(versions, "{}"), expected_versions) << round;
  }
}

TEST(EvaluatorReuse, APackLoadedAfterAnotherWasFreed) {
  const std::string expected_cases = EvaluateOnFreshThread(testing::Pack("cases"), kProfile);
  const std::string expected_versions = EvaluateOnFreshThread(testing::Pack("versions"), "{}");
  for (int round = 0; round < 4; ++round) {
    {
      RulePack cases = RulePack::LoadOrThrow(testing::PackDir("cases"));
      EXPECT_EQ(EvaluateOn(cases, kProfile), expected_cases) << round;
    }
    {
      RulePack versions = RulePack::LoadOrThrow(testing::PackDir("versions"));
      EXPECT_EQ(EvaluateOn(versions, "{}"), expected_versions) << round;
    }
  }
}

}  // namespace
}  // namespace relief
