// Stage 5: evaluates compiled expressions for one profile at one date, under
// three-valued (Kleene) logic. Values are computed at most once per
// evaluation. An Evaluator is cheap to reuse: Reset() keeps its buffers.
//
// In Mode::kRecord (the explained path), every instruction's value is
// recorded the first time it is computed, so that explaining a measure
// reads what the decision computed instead of evaluating it again; an
// operand that Kleene logic skipped is computed once when first asked.
// There, an instruction that a batch machine computed for the same profile
// and date (Reuse) is not computed again: its value is read from the
// machine's cell.
#ifndef RELIEF_EVAL_EVALUATOR_HPP_
#define RELIEF_EVAL_EVALUATOR_HPP_

#include <algorithm>
#include <span>
#include <type_traits>
#include <vector>

#include "ir/cell.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// A fact whose absence makes something unknown: a fact index, and for a
// series element, its period (month index or year).
struct MissingKey {
  std::int32_t fact = -1;
  std::int32_t period = 0;
  bool has_period = false;
  friend auto operator<=>(const MissingKey&, const MissingKey&) = default;
};

class Evaluator {
 public:
  enum class Mode : std::uint8_t { kDecide, kRecord };
  explicit Evaluator(const Program& program, Mode mode = Mode::kDecide);

  void Reset(const ProfileData& profile, Date date);

  // What a batch machine computed for the profile and date of the last
  // Reset: by InstrId, the register of each instruction (-1: none), and the
  // registers. In Mode::kRecord, an instruction whose cell is known is then
  // recorded with the cell's value instead of being computed (unknown and
  // error cells are computed: an unknown cell may be a step skipped, unless
  // `complete`, and an error cell carries no code). Both spans must outlive
  // the next Reset, which forgets them.
  struct Computed {
    std::span<const std::int32_t> instr_regs;
    std::span<const Cell> cells;
    // Every register holds the profile's value (BatchMachine::RunAll on a
    // plan that explains): an unknown cell is then read as unknown.
    bool complete = false;
  };
  void Reuse(Computed computed) { computed_ = computed; }
  // The value of an expression of the pack, or of one instruction.
  Value EvalExpr(ExprId expr) { return Eval(program_.root(expr)); }
  Value Eval(InstrId id) { return record_ ? Run<true>(id) : Run<false>(id); }
  // The facts on the unknown path of `id`: those that could change its value,
  // appended to `out` (a fact may be appended more than once: sort it and
  // drop the repeats).
  // Each value and fact default is explored once between two calls of
  // StartCollecting (a shared value is not walked again at every use).
  void StartCollecting();
  void CollectMissing(InstrId id, std::vector<MissingKey>& out);

  const Program& program() const { return program_; }
  Date date() const { return date_; }
  Month month() const { return month_; }

 private:
  // The evaluation, compiled once per mode (kRecord: values recorded, and
  // read by reference from the record).
  template <bool kRecord>
  using RunResult = std::conditional_t<kRecord, const Value&, Value>;
  template <bool kRecord>
  RunResult<kRecord> Run(InstrId id);
  template <bool kRecord>
  Value Compute(InstrId id);
  bool Reused(InstrId id, Value& out) const;
  template <bool kRecord>
  const Value& FactValue(std::int32_t fact);
  template <bool kRecord>
  const Value& ValueOf(std::int32_t value);
  template <bool kRecord>
  Value Logic(const Instr& instr);
  template <bool kRecord>
  Value Membership(const Instr& instr);
  template <bool kRecord>
  Value If(const Instr& instr);
  void CollectUnknownOperands(const Instr& instr, std::vector<MissingKey>& out);
  void CollectFact(std::int32_t fact, std::vector<MissingKey>& out);
  void CollectSeriesRange(const Instr& instr, std::vector<MissingKey>& out);
  Value ParameterAt(std::int32_t param, Date date, InstrId id) const;
  Value Arithmetic(const Instr& instr, Code code, const Value& a, const Value& b);
  Value Compare(const Instr& instr, const Value& a, const Value& b);
  template <bool kRecord>
  Value Call(const Instr& instr, InstrId id);

  // Which slots are set since the last Clear(): a slot is set when its
  // epoch is the current one, so that clearing is one increment rather than
  // a write per slot (a profile clears a slot per instruction of the pack).
  class Marks {
   public:
    void Resize(std::size_t n) { epoch_of_.assign(n, 0); }
    bool Has(std::size_t i) const { return epoch_of_[i] == epoch_; }
    void Set(std::size_t i) { epoch_of_[i] = epoch_; }
    void Clear() {
      if (++epoch_ != 0) return;
      std::fill(epoch_of_.begin(), epoch_of_.end(), 0);  // wrapped around: every slot unset again
      epoch_ = 1;
    }

   private:
    std::vector<std::uint32_t> epoch_of_;
    std::uint32_t epoch_ = 1;
  };

  const Program& program_;
  const ProfileData* profile_ = nullptr;
  Date date_;
  Month month_;
  bool dated_ = false;  // date_ and month_ are set
  std::vector<Value> value_memo_;
  Marks value_done_;
  std::vector<Value> default_memo_;
  Marks default_done_;
  Marks value_collected_;
  Marks default_collected_;
  const bool record_;
  std::vector<Value> trace_;  // kRecord: by instruction
  Marks traced_;
  Computed computed_;             // kRecord: what a batch machine computed, if any
  std::vector<Value> call_args_;  // arguments of the built-in calls under way
};

}  // namespace relief::internal

#endif  // RELIEF_EVAL_EVALUATOR_HPP_
