#include "eval/evaluator.hpp"

#include <algorithm>

#include "builtins/builtins.hpp"

// The evaluator's dispatch and its helpers are one loop of the hot path:
// they are written as small functions for reading, and inlined into Eval so
// that splitting them costs no call (measured: +11 % instructions per
// profile when they were separate calls).
#define RELIEF_HOT_INLINE [[gnu::always_inline]] inline

namespace relief::internal {
namespace {

// The first error among operands, else unknown if any is unknown, else
// nullopt (all known).
std::optional<Value> Propagate(const Value& a, const Value& b) {
  if (a.is_error()) return a;
  if (b.is_error()) return b;
  if (a.unknown() || b.unknown()) return Value::Unknown();
  return std::nullopt;
}

// A month computed with checked calendar arithmetic: an error value when it
// leaves years 1–9999.
Value FromMonth(std::optional<Month> m, InstrId at) {
  return m ? Value::OfMonth(*m) : Value::Error(ErrorCode::kDateOutOfRange, static_cast<std::uint32_t>(at));
}

Value FromChecked(std::optional<Decimal> d, InstrId at, ErrorCode code = ErrorCode::kOverflow) {
  return d ? Value::Number(*d) : Value::Error(code, static_cast<std::uint32_t>(at));
}

}  // namespace

Evaluator::Evaluator(const Program& program, Mode mode) : program_(program), record_(mode == Mode::kRecord) {
  if (record_) {
    trace_.resize(program.code.size());
    traced_.Resize(program.code.size());
  }
  value_memo_.resize(program.values.size());
  value_done_.Resize(program.values.size());
  default_memo_.resize(program.facts.size());
  default_done_.Resize(program.facts.size());
  value_collected_.Resize(program.values.size());
  default_collected_.Resize(program.facts.size());
}

void Evaluator::StartCollecting() {
  value_collected_.Clear();
  default_collected_.Clear();
}

void Evaluator::Reset(const ProfileData& profile, Date date) {
  profile_ = &profile;
  if (!dated_ || date != date_) {  // the month is computed once per date
    date_ = date;
    month_ = date.month_of();
    dated_ = true;
  }
  value_done_.Clear();
  default_done_.Clear();
  traced_.Clear();
  computed_ = {};
}

bool Evaluator::Reused(InstrId id, Value& out) const {
  if (computed_.instr_regs.empty()) return false;
  const std::int32_t r = computed_.instr_regs[static_cast<std::size_t>(id)];
  if (r < 0) return false;
  const Cell& c = computed_.cells[static_cast<std::size_t>(r)];
  if (c.is_error() || (c.unknown() && !computed_.complete)) return false;
  out = internal::ValueOf(c, ValueKindOf(program_.at(id).type));
  return true;
}

template <bool kRecord>
const Value& Evaluator::FactValue(std::int32_t fact) {
  const FactInfo& f = program_.facts[fact];
  const Value& given = profile_->scalars[f.slot];
  if (!given.unknown()) return given;
  const InstrId root = program_.default_roots[static_cast<std::size_t>(fact)];
  if (root == kNoInstr) return given;
  if (!default_done_.Has(fact)) {
    default_memo_[fact] = Run<kRecord>(root);
    default_done_.Set(fact);
  }
  return default_memo_[fact];
}

// The recursion itself is compiled once per mode, so that deciding pays
// nothing for recording; recording returns a reference to the recorded
// value, so that no operand is copied on its way up.
template <bool kRecord>
Evaluator::RunResult<kRecord> Evaluator::Run(InstrId id) {
  if constexpr (!kRecord) {
    return Compute<false>(id);
  } else {
    const auto i = static_cast<std::size_t>(id);
    Value& slot = trace_[i];
    if (!traced_.Has(i)) {
      if (!Reused(id, slot)) slot = Compute<true>(id);
      traced_.Set(i);
    }
    return slot;
  }
}

template <bool kRecord>
RELIEF_HOT_INLINE Value Evaluator::Compute(InstrId id) {
  const Instr& in = program_.at(id);
  auto kid = [&](std::size_t i) { return program_.kid(in, i); };
  switch (in.code) {
    case Code::kConst:
      return in.constant;
    case Code::kFact:
      return FactValue<kRecord>(in.arg);
    case Code::kSeriesAt: {
      const Value& index = Run<kRecord>(kid(0));
      if (!index.known()) return index;
      return profile_->series[program_.facts[in.arg].slot].At(index.period());
    }
    case Code::kValue:
      return ValueOf<kRecord>(in.arg);
    case Code::kParam:
      return ParameterAt(in.arg, date_, id);
    case Code::kEvalMonth:
      return Value::OfMonth(month_);
    case Code::kEvalDate:
      return Value::OfDate(date_);
    case Code::kNeg: {
      const Value& v = Run<kRecord>(kid(0));
      return v.known() ? Value::Number(v.number.Negate()) : v;
    }
    case Code::kNot: {
      const Value& v = Run<kRecord>(kid(0));
      return v.known() ? Value::Bool(!v.boolean) : v;
    }
    case Code::kAnd:
    case Code::kOr:
      return Logic<kRecord>(in);
    case Code::kAdd:
    case Code::kSub:
    case Code::kMul:
    case Code::kDiv:
      return Arithmetic(in, in.code, Run<kRecord>(kid(0)), Run<kRecord>(kid(1)));
    case Code::kEq:
    case Code::kNe:
    case Code::kLt:
    case Code::kLe:
    case Code::kGt:
    case Code::kGe:
      return Compare(in, Run<kRecord>(kid(0)), Run<kRecord>(kid(1)));
    case Code::kInList:
    case Code::kInSet:
      return Membership<kRecord>(in);
    case Code::kIf:
      return If<kRecord>(in);
    case Code::kCall:
      return Call<kRecord>(in, id);
  }
  return Value::Unknown();  // unreachable: every code is handled above
}

template <bool kRecord>
RELIEF_HOT_INLINE const Value& Evaluator::ValueOf(std::int32_t value) {
  if (!value_done_.Has(value)) {
    value_memo_[value] = Run<kRecord>(program_.value_roots[static_cast<std::size_t>(value)]);
    value_done_.Set(value);
  }
  return value_memo_[value];
}

// Kleene: a false operand decides "and" (a true one decides "or"), even
// when another is unknown; evaluation stops there, so a guard such as
// `ref > 0 € and perte / ref >= 50 %` never divides by zero.
template <bool kRecord>
RELIEF_HOT_INLINE Value Evaluator::Logic(const Instr& in) {
  const bool decisive = in.code == Code::kOr;
  bool unknown = false;
  for (std::size_t i = 0; i < in.kid_count; ++i) {
    const Value& v = Run<kRecord>(program_.kid(in, i));
    if (v.is_error()) return v;
    if (v.unknown()) {
      unknown = true;
    } else if (v.boolean == decisive) {
      return Value::Bool(decisive);
    }
  }
  return unknown ? Value::Unknown() : Value::Bool(!decisive);
}

// x in list (a code graded "possible" is unknown: the advisor decides), or
// x in [a, b, …].
template <bool kRecord>
RELIEF_HOT_INLINE Value Evaluator::Membership(const Instr& in) {
  const Value& v = Run<kRecord>(program_.kid(in, 0));
  if (!v.known()) return v;
  if (in.code == Code::kInList) {
    switch (program_.Membership(in.arg, v.integer)) {
      case Program::kNotMember:
        return Value::Bool(false);
      case Program::kMember:
        return Value::Bool(true);
      default:
        return Value::Unknown();  // graded "possible"
    }
  }
  for (std::size_t i = 1; i < in.kid_count; ++i) {
    if (Run<kRecord>(program_.kid(in, i)) == v) return Value::Bool(true);
  }
  return Value::Bool(false);
}

// With an unknown condition, the value is known only if both branches
// agree; an error in either branch is not hidden by the unknown.
template <bool kRecord>
RELIEF_HOT_INLINE Value Evaluator::If(const Instr& in) {
  const Value& c = Run<kRecord>(program_.kid(in, 0));
  if (c.is_error()) return c;
  if (c.known()) return Run<kRecord>(program_.kid(in, c.boolean ? 1 : 2));
  const Value& a = Run<kRecord>(program_.kid(in, 1));
  const Value& b = Run<kRecord>(program_.kid(in, 2));
  if (a.is_error()) return a;
  if (b.is_error()) return b;
  return a.known() && a == b ? a : Value::Unknown();
}

Value Evaluator::ParameterAt(std::int32_t param, Date date, InstrId id) const {
  const Value* v = program_.parameters[param].At(date);
  return v ? *v : Value::Error(ErrorCode::kNoParameterValue, static_cast<std::uint32_t>(id));
}

Value Evaluator::Arithmetic(const Instr& in, Code code, const Value& a, const Value& b) {
  if (auto p = Propagate(a, b)) return *p;
  const InstrId at = static_cast<InstrId>(&in - program_.code.data());
  if (a.kind == Value::Kind::kMonth) {
    if (b.kind == Value::Kind::kMonth) return Value::Number(Decimal(a.integer - b.integer));
    const std::int64_t n = b.whole();
    return FromMonth(a.month().Add(code == Code::kSub ? -n : n), at);
  }
  switch (code) {
    case Code::kAdd:
      return FromChecked(a.number.Add(b.number), at);
    case Code::kSub:
      return FromChecked(a.number.Sub(b.number), at);
    case Code::kMul:
      return FromChecked(a.number.Mul(b.number), at);
    default:
      if (b.number.is_zero()) return Value::Error(ErrorCode::kDivisionByZero, static_cast<std::uint32_t>(at));
      return FromChecked(a.number.Div(b.number), at);
  }
}

Value Evaluator::Compare(const Instr& in, const Value& a, const Value& b) {
  if (auto p = Propagate(a, b)) return *p;
  std::partial_ordering order = std::partial_ordering::unordered;
  switch (a.kind) {
    case Value::Kind::kNumber:
      order = a.number <=> b.number;
      break;
    case Value::Kind::kString:
      order = a.text <=> b.text;
      break;
    case Value::Kind::kBool:
      order = a.boolean <=> b.boolean;
      break;
    default:
      order = a.integer <=> b.integer;
      break;
  }
  return Value::Bool(OrderHolds(in.code, order));
}

// A built-in function: its arguments are evaluated first (an error, then an
// unknown, decides the call's value), then its registry entry computes.
template <bool kRecord>
Value Evaluator::Call(const Instr& in, InstrId id) {
  // Arguments go on a stack kept between profiles (nested calls push above
  // them): no allocation once warm, and no array of 16 values to clear.
  const std::size_t base = call_args_.size();
  for (std::size_t i = 0; i < in.kid_count; ++i) call_args_.push_back(Run<kRecord>(program_.kid(in, i)));
  const std::span<const Value> args(call_args_.data() + base, in.kid_count);
  Value result = Value::Unknown();
  const auto error = std::find_if(args.begin(), args.end(), [](const Value& v) { return v.is_error(); });
  if (error != args.end()) {
    result = *error;
  } else if (std::none_of(args.begin(), args.end(), [](const Value& v) { return v.unknown(); })) {
    const Builtin& fn = Builtins()[static_cast<std::size_t>(in.builtin)];
    result = fn.eval(args, CallContext{program_, *profile_, date_, in.arg, id});
  }
  call_args_.resize(base);
  return result;
}

void Evaluator::CollectMissing(InstrId id, std::vector<MissingKey>& out) {
  if (Eval(id).known()) return;
  const Instr& in = program_.at(id);
  switch (in.code) {
    case Code::kFact:
      return CollectFact(in.arg, out);
    case Code::kSeriesAt: {
      InstrId index = program_.kid(in, 0);
      Value v = Eval(index);
      if (!v.known()) return CollectMissing(index, out);
      out.push_back({in.arg, v.period(), true});
      return;
    }
    case Code::kValue:
      if (!value_collected_.Has(in.arg)) {
        value_collected_.Set(in.arg);
        CollectMissing(program_.value_roots[static_cast<std::size_t>(in.arg)], out);
      }
      return;
    case Code::kIf: {
      Value c = Eval(program_.kid(in, 0));
      if (c.known()) return CollectMissing(program_.kid(in, c.boolean ? 1 : 2), out);
      return CollectUnknownOperands(in, out);
    }
    case Code::kCall:
      CollectUnknownOperands(in, out);
      if (Builtins()[static_cast<std::size_t>(in.builtin)].named == NamedArgument::kSeriesFact)
        CollectSeriesRange(in, out);
      return;
    default:
      // "and"/"or" whose result is unknown have no decisive operand, so
      // every unknown operand is on the path; likewise for other operators.
      return CollectUnknownOperands(in, out);
  }
}

void Evaluator::CollectUnknownOperands(const Instr& in, std::vector<MissingKey>& out) {
  for (std::size_t i = 0; i < in.kid_count; ++i) {
    InstrId k = program_.kid(in, i);
    if (Eval(k).unknown()) CollectMissing(k, out);
  }
}

// A fact not given, and what its default reads.
void Evaluator::CollectFact(std::int32_t fact, std::vector<MissingKey>& out) {
  const FactInfo& f = program_.facts[fact];
  if (!profile_->scalars[f.slot].unknown()) return;
  out.push_back({fact, 0, false});
  if (f.default_expr != kNoExpr && !default_collected_.Has(fact)) {
    default_collected_.Set(fact);
    CollectMissing(program_.default_roots[static_cast<std::size_t>(fact)], out);
  }
}

// The elements of a series read between two known periods (sum, average).
void Evaluator::CollectSeriesRange(const Instr& in, std::vector<MissingKey>& out) {
  Value from = Eval(program_.kid(in, 0)), to = Eval(program_.kid(in, 1));
  if (!from.known() || !to.known()) return;
  const FactInfo& f = program_.facts[in.arg];
  for (std::int32_t p = from.period(); p <= to.period(); ++p) {
    if (!profile_->series[f.slot].At(p).known()) out.push_back({in.arg, p, true});
  }
}

// Eval (evaluator.hpp) calls both modes from other files.
template Value Evaluator::Run<false>(InstrId id);
template const Value& Evaluator::Run<true>(InstrId id);

}  // namespace relief::internal
