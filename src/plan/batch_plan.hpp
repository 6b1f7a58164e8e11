// Stage 4b: the batch plan, the program specialised for one evaluation date.
//
// The batch path answers statuses and amounts for many profiles at one date.
// For that date, the versions in force, the parameters' values and the
// evaluation month are known before any profile is read, so the plan folds
// them into constants and keeps only the expressions those versions use.
// What is left is a program over typed registers (cells, ir/cell.hpp),
// without recursion or lookups: each instruction of the Program that yields
// a boolean, a number, a date, a month or an enum becomes one step writing
// one register. The steps are cut in segments, each straight-line: one per
// expression that Decide reads (a requirement, a case, an amount), run when
// Decide asks for it, so that the amount of a measure that is not eligible
// is never computed; and one per value and per fact default, run before its
// first use in a profile and not again. Within a segment, `and`, `or` and
// `if` read operands that were all computed, which gives Kleene logic's
// results because every step is a pure function that turns errors into
// error cells and never throws.
//
// What cells cannot hold (strings, series, records) stays with the Value
// evaluator: a step of kind kEvaluate runs the Program instruction there.
// String facts compared with a constant or tested against a list are the
// exception, read as interned ids (Program::string_ids).
//
// A plan of PlanScope::kExplain serves an explanation rather than a
// decision: it also computes what an explanation shows (every value the
// explain layouts keep, ir/explain_layout.hpp, and every open point's
// guard), and its `and` / `or` compute every operand, because the advisor
// sees each one. A machine runs all of its segments for each profile
// (BatchMachine::RunAll), after which every register holds the profile's
// value and the explanation computes again only what cells cannot hold.
#ifndef RELIEF_PLAN_BATCH_PLAN_HPP_
#define RELIEF_PLAN_BATCH_PLAN_HPP_

#include <cstdint>
#include <vector>

#include "ir/cell.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// A register: an index in BatchPlan::initial and the machine's cells.
using Reg = std::int32_t;

enum class Step : std::uint8_t {
  kLoadFact,      // a = fact slot, b = default's register (-1: none)
  kSeriesAt,      // a = series slot, b = index register, op = 1 when a month index
  kNot,           // a
  kNegate,        // a
  kAnd,           // operands[first, first + count)
  kOr,            // same
  kArithmetic,    // a, b; op = Arith
  kCompare,       // a, b; op = Code (kEq … kGe)
  kInSet,         // operands: the value, then the set's elements
  kIf,            // a = condition, b = then, c = else
  kCallCells,     // operands; builtin's on_cells
  kCallValues,    // operands; builtin's eval on values of kinds `kinds[first…]`
  kCallStrings,   // operands are string sources (not registers); builtin's eval on their texts
  kStringInList,  // a = string source, b = list
  kStringEqual,   // a, b = string sources; op = Code (kEq or kNe)
  kEvaluate,      // instr = a Program instruction, evaluated as a Value
  kEnsure,        // a = a segment, run unless it already ran for this profile
  kShortCircuit,  // a = an operand of `and` (op = 0) or `or` (op = 1): when it is an
                  // error or decides, dst is set and the next c steps are skipped
};

// Where a string operand is read from: a fact slot without default, or an
// interned constant.
struct StringSource {
  std::int32_t slot = -1;  // >= 0: the profile's scalar at this slot
  std::int32_t id = 0;     // slot < 0: the constant's id
  std::string_view text;   // slot < 0: the constant's text
};

struct PlanStep {
  Step step = Step::kEvaluate;
  std::uint8_t op = 0;
  std::int16_t builtin = -1;
  Reg dst = -1;
  std::int32_t a = -1, b = -1, c = -1;
  std::uint32_t first = 0, count = 0;  // into operands
  InstrId instr = kNoInstr;
};

// Steps [begin, end) of BatchPlan::steps.
struct StepRange {
  std::uint32_t begin = 0, end = 0;
};

// What a plan serves (see above).
enum class PlanScope : std::uint8_t { kDecide, kExplain };

struct BatchPlan {
  Date date;
  PlanScope scope = PlanScope::kDecide;
  std::vector<Cell> initial;  // every register: constants set, the rest unknown
  std::vector<PlanStep> steps;
  // Segment 0 loads the facts without default, for every profile; then one
  // segment per expression Decide reads, per value and per fact with a
  // default, each run on demand, a value or a default at most once a profile.
  std::vector<StepRange> segments;
  std::vector<Reg> operands;
  std::vector<std::uint8_t> kinds;  // kCallValues: each operand's Value::Kind
  std::vector<StringSource> strings;
  std::vector<Reg> expr_regs;               // by ExprId: the register of each expression Decide reads, else -1
  std::vector<std::int32_t> expr_segments;  // by ExprId: the segment that computes it, else -1
  // By InstrId: the register that holds the instruction's value once its
  // segment ran on BatchMachine, else -1 (not a cell type, or not used at
  // this date). A relief::Trace's explanation reads it: what the plan
  // computed is not computed again. (LaneMachine keeps some booleans as
  // truth masks only: its registers are not read this way.)
  std::vector<Reg> instr_regs;
  // By segment: 1 when it computes an amount (read for an eligible measure
  // only). Its steps read only its own registers, those of segment 0, of
  // values and of fact defaults (each expression is a tree of its own).
  std::vector<std::uint8_t> amount_segment;
  bool uses_values = false;  // some step runs the Value evaluator
};

// The plan of `program` at `date`.
BatchPlan PlanBatch(const Program& program, Date date, PlanScope scope = PlanScope::kDecide);

// Calls f(Reg&) on each register that `s` reads (not its dst): the fields
// and operands that hold registers for its kind of step. String sources,
// fact slots, lists and instructions are not registers.
template <class F>
void ForEachRegisterRead(PlanStep& s, std::vector<Reg>& operands, F f) {
  auto field = [&f](std::int32_t& r) {
    if (r >= 0) f(r);
  };
  switch (s.step) {
    case Step::kLoadFact:
    case Step::kSeriesAt:
      return field(s.b);
    case Step::kNot:
    case Step::kNegate:
    case Step::kShortCircuit:
      return field(s.a);
    case Step::kArithmetic:
    case Step::kCompare:
      field(s.a);
      return field(s.b);
    case Step::kIf:
      field(s.a);
      field(s.b);
      return field(s.c);
    case Step::kAnd:
    case Step::kOr:
    case Step::kInSet:
    case Step::kCallCells:
    case Step::kCallValues:
      for (std::uint32_t k = 0; k < s.count; ++k) f(operands[s.first + k]);
      return;
    case Step::kCallStrings:
    case Step::kStringInList:
    case Step::kStringEqual:
    case Step::kEvaluate:
    case Step::kEnsure:
      return;
  }
}

}  // namespace relief::internal

#endif  // RELIEF_PLAN_BATCH_PLAN_HPP_
