// String tests (Program::string_tests): a built-in on one string fact and
// constants is computed when a profile is read, and the batch plan loads its
// cell instead of calling the built-in on the fact's text.
#include <gtest/gtest.h>

#include <string>

#include "api/access.hpp"
#include "builtins/builtins.hpp"
#include "plan/batch_plan.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/json_lines.hpp"
#include "relief/rule_pack.hpp"
#include "support/example_profiles.hpp"

namespace relief::internal {
namespace {

RulePack Bench12Pack() { return RulePack::LoadOrThrow(std::string(RELIEF_TEST_DIR) + "/../bench/bench12/pack"); }

// The instruction of the only call to `name`.
InstrId OnlyCall(const Program& p, std::string_view name) {
  InstrId found = kNoInstr;
  for (std::size_t i = 0; i < p.code.size(); ++i) {
    const Instr& in = p.code[i];
    if (in.code != Code::kCall || Builtins()[static_cast<std::size_t>(in.builtin)].name != name) continue;
    EXPECT_EQ(found, kNoInstr) << "more than one call to " << name;
    found = static_cast<InstrId>(i);
  }
  return found;
}

// bench-12's `starts_with(naf, "47")`: one test, on naf, which the call reads.
TEST(StringTests, ACallOnOneFactAndConstantsIsATest) {
  const RulePack pack = Bench12Pack();
  const Program& p = Access::program(pack);
  ASSERT_EQ(p.string_tests.size(), 1u);
  const StringTest& test = p.string_tests[0];
  EXPECT_EQ(p.facts[static_cast<std::size_t>(test.fact)].name, "naf");
  EXPECT_EQ(test.fact_arg, 0u);
  EXPECT_EQ(test.args[1], "47");
  EXPECT_EQ(p.facts[static_cast<std::size_t>(test.fact)].string_tests, std::vector<std::int32_t>{0});
  const InstrId call = OnlyCall(p, "starts_with");
  ASSERT_NE(call, kNoInstr);
  EXPECT_EQ(p.StringTestOf(call), 0);
  EXPECT_EQ(p.cell_count(), static_cast<std::size_t>(p.scalar_slots) + 1);
}

// The profile holds the test's cell, after its scalars': true, false, or
// unknown when the fact is not given, as the built-in on the text would say.
TEST(StringTests, AProfileReadHoldsItsTestsCells) {
  const RulePack pack = Bench12Pack();
  const Program& p = Access::program(pack);
  JsonLinesReader reader(pack);
  const auto cell_of = [&](const char* line) {
    const Profile profile = *reader.ReadLine(line).profile;
    const ProfileData& data = Access::data(profile);
    EXPECT_EQ(data.cells.size(), p.cell_count());
    return data.cells[static_cast<std::size_t>(p.scalar_slots)];
  };
  EXPECT_TRUE(cell_of(R"({"naf":"47.65Z"})").is_true());
  EXPECT_TRUE(cell_of(R"({"naf":"43.22A"})").is_false());
  EXPECT_TRUE(cell_of(R"({"naf":"74.10Z"})").is_false());
  EXPECT_TRUE(cell_of(R"({"effectif":3})").unknown());
  // The same through the YAML reader.
  const Profile yaml = pack.ReadProfile("naf: 47.11Z\n", "firm.yaml").value();
  EXPECT_TRUE(Access::data(yaml).cells[static_cast<std::size_t>(p.scalar_slots)].is_true());
}

// The batch plan loads the test's cell for the call: no step reads the text.
TEST(StringTests, TheBatchPlanLoadsTheTestsCell) {
  const RulePack pack = Bench12Pack();
  const Program& p = Access::program(pack);
  const BatchPlan plan = PlanBatch(p, *Date::Parse("2020-11-30"));
  const Reg reg = plan.instr_regs[static_cast<std::size_t>(OnlyCall(p, "starts_with"))];
  ASSERT_GE(reg, 0);
  int loads = 0;
  for (const PlanStep& s : plan.steps) {
    EXPECT_NE(s.step, Step::kCallStrings);
    if (s.dst == reg) {
      EXPECT_EQ(s.step, Step::kLoadFact);
      EXPECT_EQ(s.a, p.scalar_slots);
      ++loads;
    }
  }
  EXPECT_EQ(loads, 1);
}

// The bundled pack: every test is on a fact without default (a default is
// computed on the machine, so its text is not the profile's), and a test
// made by several calls is kept once.
TEST(StringTests, OnlyFactsWithoutDefaultAreTested) {
  const RulePack pack = testing::BundledPack();
  const Program& p = Access::program(pack);
  ASSERT_FALSE(p.string_tests.empty());
  for (const StringTest& test : p.string_tests) {
    EXPECT_EQ(p.default_roots[static_cast<std::size_t>(test.fact)], kNoInstr) << p.facts[test.fact].name;
  }
  // Each call to starts_with on naf reads one of them; the same test is kept once.
  std::vector<std::int32_t> read;
  for (const auto& [call, test] : p.string_test_calls) read.push_back(test);
  EXPECT_GT(read.size(), p.string_tests.size());
}

}  // namespace
}  // namespace relief::internal
