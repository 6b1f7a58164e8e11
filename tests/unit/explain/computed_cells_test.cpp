// The explained path reads what the batch machine computed
// (Evaluator::Reuse): every instruction must then have the value the
// recording evaluator computes on its own, to the kind, the Decimal and the
// error. Checked instruction by instruction on the bundled pack, each
// example firm, every month of the period the measures cover; and, for a
// machine whose plan explains (RulePack::Explain's), explanation by
// explanation.
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "api/access.hpp"
#include "eval/batch_machine.hpp"
#include "eval/decision.hpp"
#include "eval/evaluator.hpp"
#include "eval/lane_machine.hpp"
#include "explain/explanation_data.hpp"
#include "relief/explanation.hpp"
#include "relief/report.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

using internal::Access;
using internal::BatchMachine;
using internal::Evaluator;
using internal::ExplanationData;
using internal::InstrId;
using internal::LaneMachine;
using internal::PlanScope;

// Runs `profiles` as one fresh block and decides every measure, as
// BatchEvaluator::Record does.
void RunBlock(LaneMachine& machine, const internal::Program& program,
              std::span<const internal::ProfileData* const> profiles, Date date) {
  machine.Run(profiles, date, /*fresh=*/true);
  std::vector<MeasureOutcome> outcomes(profiles.size() * program.measures.size());
  for (std::size_t m = 0; m < program.measures.size(); ++m) {
    internal::DecideLanes(machine, program.measures[m],
                          internal::OutcomeStructs{outcomes.data() + m, program.measures.size()});
  }
}

// The packed cells of each of the first `lanes` lanes (LaneMachine::CopyLanes).
std::vector<std::vector<std::uint64_t>> Packed(const LaneMachine& machine, std::size_t lanes) {
  std::vector<std::vector<std::uint64_t>> packed(lanes, std::vector<std::uint64_t>(machine.lane_layout().words()));
  std::vector<std::uint64_t*> out;
  for (std::vector<std::uint64_t>& words : packed) out.push_back(words.data());
  machine.CopyLanes(out);
  return packed;
}

// Instructions whose value the machine gave (a known cell), after
// comparing every instruction of the program with `alone`'s.
std::size_t CompareAll(Evaluator& reusing, Evaluator& alone, const internal::Program& program,
                       const Evaluator::Computed& computed, const std::string& where) {
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
      EXPECT_GT(CompareAll(reusing, alone, program, machine.computed(), where), 50U) << where;
    }
    ++firms;
  }
  EXPECT_EQ(firms, 8U);
}

// A machine whose plan explains computes every register (RunAll): its
// unknown cells are read as unknown, not computed again, so a register it
// left unwritten, or an operand it skipped, would show here. The firms
// alternate at each date on one machine (a register kept from the previous
// firm would show too).
TEST(ComputedCells, AMachineThatExplainsComputesEveryRegister) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  const std::vector<Profile> firms = testing::ExampleFirms(pack);
  Evaluator reusing(program, Evaluator::Mode::kRecord);
  Evaluator alone(program, Evaluator::Mode::kRecord);
  BatchMachine machine(program, PlanScope::kExplain);
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
    const Date date = month.LastDay();
    for (std::size_t f = 0; f < firms.size(); ++f) {
      const internal::ProfileData& data = Access::data(firms[f]);
      machine.Run(data, date);
      machine.RunAll();
      const Evaluator::Computed computed = machine.computed();
      ASSERT_TRUE(computed.complete);
      reusing.Reset(data, date);
      reusing.Reuse(computed);
      alone.Reset(data, date);
      const std::string where = "firm " + std::to_string(f) + " at " + date.ToString();
      EXPECT_GT(CompareAll(reusing, alone, program, computed, where), 100U) << where;
    }
  }
}

// Every value an explanation keeps and every open point's guard has a
// register in a plan that explains, for the versions in force at its date.
TEST(ComputedCells, APlanThatExplainsHasARegisterForWhatIsShown) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  std::size_t shown = 0;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
    const internal::BatchPlan plan = internal::PlanBatch(program, month.LastDay(), PlanScope::kExplain);
    auto has_register = [&](InstrId id) {
      return !internal::IsCellType(program.at(id).type) || plan.instr_regs[static_cast<std::size_t>(id)] >= 0;
    };
    auto guards = [&](const std::vector<internal::OpenPointPlan>& points) {
      for (const internal::OpenPointPlan& point : points) {
        if (point.when != internal::kNoExpr) {
          EXPECT_TRUE(has_register(program.root(point.when))) << point.text;
        }
      }
    };
    for (std::size_t m = 0; m < program.measures.size(); ++m) {
      const internal::MeasurePlan& measure = program.measures[m];
      guards(measure.open_points);
      const internal::VersionPlan* v = measure.InForce(plan.date);
      if (v == nullptr) continue;
      guards(v->open_points);
      for (const internal::ConditionPlan& c : v->require) guards(c.open_points);
      for (const internal::CasePlan& c : v->cases) guards(c.open_points);
      for (InstrId id : program.explain_layouts[m][static_cast<std::size_t>(v - measure.versions.data())].slots) {
        EXPECT_TRUE(has_register(id)) << measure.id << " at " << plan.date.ToString() << ", instruction " << id;
        ++shown;
      }
    }
  }
  EXPECT_GT(shown, 1000U);
}

// RulePack::Explain (on such a machine) gives the explanation the recording
// evaluator gives alone, words and questions included.
TEST(ComputedCells, ExplainingFromTheMachineIsExplainingAlone) {
  const RulePack pack = testing::BundledPack();
  const std::shared_ptr<const internal::Program>& program = Access::shared_program(pack);
  std::vector<Profile> firms = testing::ExampleFirms(pack);
  firms.push_back(pack.ReadProfile("{}", "empty.yaml").profile.value());
  firms.push_back(pack.ReadProfile("effectif: 12\nfermeture: {2020-11: totale}\n", "partial.yaml").profile.value());
  Evaluator alone(*program, Evaluator::Mode::kRecord);
  int compared = 0;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
    for (const Profile& firm : firms) {
      const Date date = month.LastDay();
      const Explanation expected =
          Access::MakeExplanation(ExplanationData::Explained(alone, program, Access::shared_data(firm), date));
      EXPECT_EQ(ToJson(pack.Explain(firm, date).ToEvaluation()), ToJson(expected.ToEvaluation())) << date.ToString();
      ++compared;
    }
  }
  EXPECT_EQ(compared, 22 * 10);
}

// The same for the block machine: each lane's registers, read after a fresh
// run, are its profile's. The firms share one block, each twice (and an
// empty profile between them), so that a lane next to another firm's
// cannot pass by chance.
TEST(ComputedCells, EveryLaneOfABlockHasTheValuesTheEvaluatorComputes) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  std::vector<Profile> firms;
  for (const std::string& text : testing::ExampleProfiles())
    firms.push_back(pack.ReadProfile(text, "f.yaml").profile.value());
  const Profile empty = pack.ReadProfile("{}", "empty.yaml").profile.value();
  std::vector<const internal::ProfileData*> block;
  for (int round = 0; round < 2; ++round) {
    for (const Profile& firm : firms) block.push_back(&Access::data(firm));
    block.push_back(&Access::data(empty));
  }
  Evaluator reusing(program, Evaluator::Mode::kRecord);
  Evaluator alone(program, Evaluator::Mode::kRecord);
  LaneMachine machine(program);
  std::vector<internal::Cell> cells;
  for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
    const Date date = month.LastDay();
    RunBlock(machine, program, block, date);
    const std::vector<std::vector<std::uint64_t>> packed = Packed(machine, block.size());
    for (std::size_t lane = 0; lane < block.size(); ++lane) {
      internal::UnpackCells(packed[lane], machine.lane_layout(), cells);
      reusing.Reset(*block[lane], date);
      reusing.Reuse({*machine.lane_index(), cells});
      alone.Reset(*block[lane], date);
      const std::string where = "lane " + std::to_string(lane) + " at " + date.ToString();
      const std::size_t reused = CompareAll(reusing, alone, program, {*machine.lane_index(), cells}, where);
      if (block[lane] != &Access::data(empty)) {
        EXPECT_GT(reused, 20U) << where;  // not vacuous (facts without default are read from the profile)
      }
    }
  }
}

// A fresh block forgets the amounts an earlier block computed: lanes where
// no measure is eligible read them unknown.
TEST(ComputedCells, AFreshBlockKeepsNothingOfThePreviousBlock) {
  const RulePack pack = testing::BundledPack();
  const internal::Program& program = *Access::shared_program(pack);
  const Date date = *Date::Parse("2020-11-30");
  const Profile full = pack.ReadProfile(testing::ExampleProfiles().front(), "firm.yaml").profile.value();
  const Profile empty = pack.ReadProfile("{}", "empty.yaml").profile.value();
  const std::vector<const internal::ProfileData*> fulls(3, &Access::data(full)), empties(3, &Access::data(empty));
  LaneMachine machine(program), first(program);
  RunBlock(machine, program, fulls, date);
  RunBlock(machine, program, empties, date);
  RunBlock(first, program, empties, date);  // a machine that never saw the full profile
  const std::vector<std::vector<std::uint64_t>> packed_after = Packed(machine, empties.size()),
                                                packed_alone = Packed(first, empties.size());
  std::vector<internal::Cell> after, alone;
  for (std::size_t lane = 0; lane < empties.size(); ++lane) {
    internal::UnpackCells(packed_after[lane], machine.lane_layout(), after);
    internal::UnpackCells(packed_alone[lane], first.lane_layout(), alone);
    ASSERT_EQ(after.size(), alone.size());
    for (std::size_t r = 0; r < after.size(); ++r) EXPECT_TRUE(after[r] == alone[r]) << lane << ", " << r;
  }
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
