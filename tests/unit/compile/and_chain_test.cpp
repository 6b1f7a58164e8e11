// An and/or chain compiles to one instruction with all its operands (issue
// #7, defect 10: a 10 KB `and` gave 61 MB of JSON, its explanation nesting
// every prefix of the chain).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "relief/report.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

std::string ChainPack(int operands) {
  const fs::path dir = fs::temp_directory_path() / ("relief-and-chain-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "pack.yaml") << "pack: {name: chain, version: 1.0.0, title: Chaîne}\n";
  std::string chain = "effectif > 0";
  for (int i = 1; i < operands; ++i) chain += " and effectif > " + std::to_string(i % 10);
  std::ofstream(dir / "rules.yaml") << "facts:\n  effectif: {type: integer, label: effectif, question: \"Combien ?\"}\n"
                                       "measures:\n  m:\n    title: M\n    issuer: T\n    kind: grant\n    per: once\n"
                                       "    territory: {label: France}\n    apply: a\n    sources: [s]\n    versions:\n"
                                       "      - months: 2020-11\n        source: s\n        require:\n"
                                       "          - label: c\n            when: "
                                    << chain << "\n        amount: 1 €\n";
  return dir.string();
}

TEST(AndChain, ExplainsAsFlatPartsOfBoundedSize) {
  const std::string dir = ChainPack(500);
  const RulePack pack = RulePack::LoadOrThrow(dir);
  fs::remove_all(dir);
  for (const char* profile : {"effectif: 0\n", "effectif: 20\n", "{}\n"}) {
    const Evaluation e = pack.Evaluate(*pack.ReadProfile(profile).profile, *Date::Parse("2020-11-30"));
    const ConditionResult& c = e.measures.at(0).conditions.at(0);
    ASSERT_EQ(c.parts.size(), 500u) << profile;
    for (const ConditionResult& part : c.parts) EXPECT_TRUE(part.parts.empty());
    EXPECT_LT(ToJson(e).size(), 1u << 20) << profile;  // was 25 MB
  }
}

TEST(AndChain, EvaluatesLeftToRightWithKleeneLogic) {
  const std::string dir = ChainPack(50);
  const RulePack pack = RulePack::LoadOrThrow(dir);
  fs::remove_all(dir);
  auto status = [&](const char* profile) {
    return pack.Evaluate(*pack.ReadProfile(profile).profile, *Date::Parse("2020-11-30")).measures.at(0).status;
  };
  EXPECT_EQ(status("effectif: 10\n"), Status::kEligible);
  EXPECT_EQ(status("effectif: 5\n"), Status::kIneligible);
  EXPECT_EQ(status("{}\n"), Status::kUndetermined);
}

}  // namespace
}  // namespace relief
