#include "plan/step_sharing.hpp"

#include <initializer_list>
#include <map>
#include <numeric>
#include <utility>

namespace relief::internal {
namespace {

// What a string source denotes: a fact's slot, or an interned constant;
// a constant that was not interned is told apart by its index only.
std::int64_t StringKey(const BatchPlan& plan, std::int32_t source) {
  const StringSource& s = plan.strings[static_cast<std::size_t>(source)];
  if (s.slot >= 0) return s.slot;
  if (s.id != 0) return -std::int64_t{s.id};
  return std::int64_t{1} << 40 | source;
}

// What a step computes, once the registers it reads are shared: two steps
// with equal keys write equal cells for every profile.
std::vector<std::int64_t> KeyOf(const BatchPlan& plan, const PlanStep& s) {
  std::vector<std::int64_t> key{static_cast<std::int64_t>(s.step), s.op, s.builtin, s.a, s.b, s.c};
  const bool strings = s.step == Step::kStringInList || s.step == Step::kStringEqual;
  if (strings) key[3] = StringKey(plan, s.a);
  if (s.step == Step::kStringEqual) key[4] = StringKey(plan, s.b);
  // A call on values or texts, or a Value evaluation, is told apart by its
  // instruction (its errors name it).
  if (s.step == Step::kCallValues || s.step == Step::kCallStrings || s.step == Step::kEvaluate) key.push_back(s.instr);
  for (std::uint32_t k = 0; k < s.count; ++k) {
    const Reg r = plan.operands[s.first + k];
    key.push_back(s.step == Step::kCallStrings ? StringKey(plan, r) : r);
  }
  return key;
}

// Equal constants (registers no step writes) share the first one's register.
std::vector<Reg> ShareConstants(const BatchPlan& plan) {
  std::vector<Reg> same(plan.initial.size());
  std::iota(same.begin(), same.end(), Reg{0});
  std::vector<std::uint8_t> written(plan.initial.size(), 0);
  for (const PlanStep& s : plan.steps) {
    if (s.dst >= 0) written[static_cast<std::size_t>(s.dst)] = 1;
  }
  std::map<std::pair<std::int64_t, std::int64_t>, Reg> constants;
  for (std::size_t r = 0; r < plan.initial.size(); ++r) {
    if (written[r]) continue;
    const Cell& c = plan.initial[r];
    same[r] = constants.emplace(std::pair{c.a, c.den}, static_cast<Reg>(r)).first->second;
  }
  return same;
}

}  // namespace

std::uint32_t ShareEqualSteps(BatchPlan& plan, std::vector<std::uint32_t>& order, std::uint32_t shared_end) {
  std::vector<Reg> same = ShareConstants(plan);
  std::map<std::vector<std::int64_t>, Reg> computed;
  std::vector<std::uint32_t> kept;
  std::uint32_t kept_shared = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    PlanStep& s = plan.steps[order[k]];
    ForEachRegisterRead(s, plan.operands, [&same](Reg& r) { r = same[static_cast<std::size_t>(r)]; });
    if (k < shared_end) {
      const auto [earlier, first] = computed.emplace(KeyOf(plan, s), s.dst);
      if (!first) {
        same[static_cast<std::size_t>(s.dst)] = earlier->second;
        continue;
      }
      ++kept_shared;
    }
    kept.push_back(order[k]);
  }
  for (std::vector<Reg>* regs : {&plan.expr_regs, &plan.instr_regs}) {
    for (Reg& r : *regs) {
      if (r >= 0) r = same[static_cast<std::size_t>(r)];
    }
  }
  order = std::move(kept);
  return kept_shared;
}

}  // namespace relief::internal
