// Stage 4c: one register for what several expressions compute alike, in a
// schedule that runs its first steps for every profile.
//
// Rule packs repeat themselves: "effectif <= 10", "not procedure_collective"
// or "perte_pct >= 50 %" are requirements of several measures, each lowered
// on its own, with a constant register of its own. The block machine
// (eval/lane_machine.hpp) runs every step of its schedule's shared part for
// every profile, so there a step that computes what an earlier one computed
// (same kind of step, same operands once equal constants are one) can be
// dropped and its readers sent to the earlier step's register. Steps are pure
// functions of their operands, so the cells are those the steps would have
// written.
//
// The machine that runs a profile at a time (eval/batch_machine.hpp) cannot
// do this: it runs a segment only when asked, so an earlier step may not
// have run.
#ifndef RELIEF_PLAN_STEP_SHARING_HPP_
#define RELIEF_PLAN_STEP_SHARING_HPP_

#include <cstdint>
#include <vector>

#include "plan/batch_plan.hpp"

namespace relief::internal {

// `order` lists steps of `plan` in dependency order, the first `shared_end`
// run for every profile and the rest (amounts) after them. Drops from the
// shared part each step equal to an earlier one, rewrites the registers read
// by every step of `order` and by plan.expr_regs, and returns the new end of
// the shared part.
std::uint32_t ShareEqualSteps(BatchPlan& plan, std::vector<std::uint32_t>& order, std::uint32_t shared_end);

}  // namespace relief::internal

#endif  // RELIEF_PLAN_STEP_SHARING_HPP_
