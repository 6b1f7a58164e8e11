// ShareEqualSteps (plan/step_sharing.hpp) on a plan written by hand: equal
// constants share a register, a shared step equal to an earlier one is
// dropped and its readers (later steps, amounts, expressions) read the
// earlier register, and steps that differ in any way stay.
#include "plan/step_sharing.hpp"

#include <gtest/gtest.h>

namespace relief::internal {
namespace {

struct HandPlan {
  BatchPlan plan;
  std::vector<std::uint32_t> order;

  Reg Register(Cell initial = Cell::Unknown()) {
    plan.initial.push_back(initial);
    return static_cast<Reg>(plan.initial.size() - 1);
  }
  // Adds `s` (writing a new register) to the plan and to the order.
  Reg Add(PlanStep s) {
    s.dst = Register();
    order.push_back(static_cast<std::uint32_t>(plan.steps.size()));
    plan.steps.push_back(s);
    return s.dst;
  }
  Reg Logic(Step step, std::vector<Reg> operands) {
    PlanStep s{.step = step};
    s.first = static_cast<std::uint32_t>(plan.operands.size());
    s.count = static_cast<std::uint32_t>(operands.size());
    plan.operands.insert(plan.operands.end(), operands.begin(), operands.end());
    return Add(s);
  }
  std::int32_t String(std::int32_t slot, std::int32_t id) {
    StringSource source;
    source.slot = slot;
    source.id = id;
    plan.strings.push_back(source);
    return static_cast<std::int32_t>(plan.strings.size() - 1);
  }
};

TEST(StepSharing, EqualStepsShareTheFirstRegister) {
  HandPlan h;
  const Reg ten = h.Register(Cell::Integer(10)), ten_again = h.Register(Cell::Integer(10));
  const Reg eleven = h.Register(Cell::Integer(11));
  const Reg headcount = h.Add({.step = Step::kLoadFact, .a = 0});
  const auto le = static_cast<std::uint8_t>(Code::kLe);
  const Reg small = h.Add({.step = Step::kCompare, .op = le, .a = headcount, .b = ten});
  const Reg small_again = h.Add({.step = Step::kCompare, .op = le, .a = headcount, .b = ten_again});
  const Reg other_bound = h.Add({.step = Step::kCompare, .op = le, .a = headcount, .b = eleven});
  const Reg other_op =
      h.Add({.step = Step::kCompare, .op = static_cast<std::uint8_t>(Code::kLt), .a = headcount, .b = ten});
  const Reg both = h.Logic(Step::kAnd, {small_again, other_bound});
  const Reg region = h.Add({.step = Step::kStringEqual,
                            .op = static_cast<std::uint8_t>(Code::kEq),
                            .a = h.String(3, 0),
                            .b = h.String(-1, 7)});
  const Reg region_again = h.Add({.step = Step::kStringEqual,
                                  .op = static_cast<std::uint8_t>(Code::kEq),
                                  .a = h.String(3, 0),
                                  .b = h.String(-1, 7)});
  const std::uint32_t shared_end = static_cast<std::uint32_t>(h.order.size());
  // An amount, after the shared part, reads a dropped register.
  const Reg amount = h.Add({.step = Step::kArithmetic, .op = 0, .a = small_again, .b = ten_again});
  h.plan.expr_regs = {small_again, region_again, both, other_op, -1};

  const std::uint32_t kept = ShareEqualSteps(h.plan, h.order, shared_end);

  EXPECT_EQ(kept, shared_end - 2);  // small_again and region_again
  ASSERT_EQ(h.order.size(), kept + 1u);
  for (const std::uint32_t i : h.order) {
    EXPECT_NE(h.plan.steps[i].dst, small_again);
    EXPECT_NE(h.plan.steps[i].dst, region_again);
  }
  EXPECT_EQ(h.plan.expr_regs, (std::vector<Reg>{small, region, both, other_op, -1}));
  const PlanStep& logic = h.plan.steps[static_cast<std::size_t>(both) - 3];  // steps are in register order
  ASSERT_EQ(logic.dst, both);
  EXPECT_EQ(h.plan.operands[logic.first], small);
  EXPECT_EQ(h.plan.operands[logic.first + 1], other_bound);
  const PlanStep& sum = h.plan.steps[h.order.back()];
  ASSERT_EQ(sum.dst, amount);
  EXPECT_EQ(sum.a, small);
  EXPECT_EQ(sum.b, ten);  // equal constants share the first register
}

TEST(StepSharing, CallsOnValuesAreToldApartByTheirInstruction) {
  HandPlan h;
  const Reg x = h.Register(Cell::Integer(1));
  const Reg first = h.Logic(Step::kCallValues, {x});
  h.plan.steps.back().instr = 1;
  const Reg second = h.Logic(Step::kCallValues, {x});
  h.plan.steps.back().instr = 2;
  h.plan.expr_regs = {first, second};
  const auto shared_end = static_cast<std::uint32_t>(h.order.size());
  EXPECT_EQ(ShareEqualSteps(h.plan, h.order, shared_end), shared_end);
  EXPECT_EQ(h.plan.expr_regs, (std::vector<Reg>{first, second}));
}

}  // namespace
}  // namespace relief::internal
