// The explained path reads what the batch machine computed
// (Evaluator::Reuse): every instruction must then have the value the
// recording evaluator computes on its own, to the kind, the Decimal and the
// error. Checked instruction by instruction on the bundled pack, each
// example firm, every month of the period the measures cover.
#include <gtest/gtest.h>

#include <string>

#include "api/access.hpp"
#include "eval/batch_machine.hpp"
#include "eval/decision.hpp"
#include "eval/evaluator.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

using internal::Access;
using internal::BatchMachine;
using internal::Evaluator;
using internal::InstrId;

// Instructions whose value the machine gave (a known cell), after
// comparing every instruction of the program with `alone`'s.
std::size_t CompareAll(Evaluator& reusing, Evaluator& alone, const internal::Program& program, BatchMachine& machine,
                       const std::string& where) {
  const Evaluator::Computed computed = machine.computed();
  std::size_t reused = 0;
  for (std::size_t i = 0; i < program.code.size(); ++i) {
    const auto id = static_cast<InstrId>(i);
    const std::int32_t reg = computed.instr_regs[i];
    if (reg >= 0 && computed.cells[static_cast<std::size_t>(reg)].known()) ++reused;
    // Compared in both orders of computation: reused first, then alone.
    const internal::Value expected = alone.Eval(id);
    EXPECT_TRUE(reusing.Eval(id) == expected) << where << ", instruction " << i;
  }
  return reused;
}

TEST(ComputedCells, EveryInstructionHasTheValueTheEvaluatorComputes) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  Evaluator reusing(program, Evaluator::Mode::kRecord);
  Evaluator alone(program, Evaluator::Mode::kRecord);
  BatchMachine machine(program);
  std::size_t firms = 0;
  for (const std::string& text : testing::ExampleProfiles()) {
    const Profile profile = pack.ReadProfile(text, "firm.yaml").profile.value();
    const internal::ProfileData& data = Access::data(profile);
    for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
      const Date date = month.LastDay();
      machine.Run(data, date, /*fresh=*/true);
      for (const internal::MeasurePlan& m : program.measures) internal::Decide(machine, m);
      reusing.Reset(data, date);
      reusing.Reuse(machine.computed());
      alone.Reset(data, date);
      const std::string where = "firm " + std::to_string(firms) + " at " + date.ToString();
      // Not vacuous: the decisions computed part of the program in cells.
      EXPECT_GT(CompareAll(reusing, alone, program, machine, where), 50U) << where;
    }
    ++firms;
  }
  EXPECT_EQ(firms, 8U);
}

// A fresh run forgets what the previous profile wrote: a register that this
// profile's segments did not write reads unknown, not the last firm's value.
TEST(ComputedCells, AFreshRunKeepsNothingOfThePreviousProfile) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  const Date date = *Date::Parse("2020-11-30");
  const Profile full = pack.ReadProfile(testing::ExampleProfiles().front(), "firm.yaml").profile.value();
  const Profile empty = pack.ReadProfile("{}", "empty.yaml").profile.value();
  BatchMachine machine(program);
  machine.Run(Access::data(full), date, /*fresh=*/true);
  for (const internal::MeasurePlan& m : program.measures) internal::Decide(machine, m);
  machine.Run(Access::data(empty), date, /*fresh=*/true);
  BatchMachine first(program);  // a machine that never saw the full profile
  first.Run(Access::data(empty), date, /*fresh=*/true);
  const Evaluator::Computed after = machine.computed(), alone = first.computed();
  ASSERT_EQ(after.cells.size(), alone.cells.size());
  for (std::size_t r = 0; r < after.cells.size(); ++r) EXPECT_TRUE(after.cells[r] == alone.cells[r]) << r;
}

}  // namespace
}  // namespace relief
