#include "ir/cell.hpp"

#include <array>

#include "ir/value.hpp"

namespace relief::internal {
namespace {

// kScale / den when den divides kScale = 2^6 * 5^6, else 0: the factor that
// takes p/den to its fixed form. Denominators of amounts read from a profile
// are small (cents: 1, 2, 4, 5, 10, 20, 25, 50, 100), so they are looked up.
constexpr std::int64_t SlowFixedFactor(std::int64_t den) {
  return den > 0 && den <= Cell::kScale && Cell::kScale % den == 0 ? Cell::kScale / den : 0;
}

constexpr std::int64_t kTableSize = 128;
constexpr auto kFactors = [] {
  std::array<std::int64_t, kTableSize> t{};
  for (std::int64_t d = 1; d < kTableSize; ++d) t[static_cast<std::size_t>(d)] = SlowFixedFactor(d);
  return t;
}();

std::int64_t FixedFactor(std::int64_t den) {
  return den > 0 && den < kTableSize ? kFactors[static_cast<std::size_t>(den)] : SlowFixedFactor(den);
}

}  // namespace

Cell Cell::Number(Decimal d) {
  const std::int64_t factor = FixedFactor(d.denominator());
  std::int64_t scaled = 0;
  if (factor != 0 && !__builtin_mul_overflow(d.numerator(), factor, &scaled)) return Integer(scaled);
  return {d.numerator(), d.denominator()};
}

Cell Cell::ScaledRational(std::int64_t units, int places) { return Number(Decimal::FromScaled(units, places)); }

// A fixed form is brought to lowest terms by the factors of two and five
// it shares with kScale = 10^6, without Ratio's 128-bit GCD (seen in the
// profile of RulePack::Explain, which reads its values from cells).
Decimal Cell::ToDecimal() const {
  if (!fixed()) return *Decimal::Ratio(a, den);
  static_assert(kScale == 1'000'000);
  return *Decimal::FromScaled(a, 6);
}

std::optional<std::int64_t> Cell::RationalToCents() const {
  // a / den to the cent, half away from zero, as Decimal::Round(2).
  __extension__ using Wide = __int128;
  const Wide t = Wide{a} * 100, magnitude = t < 0 ? -t : t;
  Wide cents = magnitude / den;
  if (2 * (magnitude % den) >= den) ++cents;
  if (cents > INT64_MAX) return std::nullopt;
  return t < 0 ? -static_cast<std::int64_t>(cents) : static_cast<std::int64_t>(cents);
}

Cell ExactArithmetic(Arith op, const Cell& x, const Cell& y) {
  const Decimal p = x.ToDecimal(), q = y.ToDecimal();
  switch (op) {
    case Arith::kAdd:
      return Cell::Number(p.Add(q));
    case Arith::kSub:
      return Cell::Number(p.Sub(q));
    case Arith::kMul:
      return Cell::Number(p.Mul(q));
    case Arith::kDiv:
      return q.is_zero() ? Cell::Error() : Cell::Number(p.Div(q));
  }
  return Cell::Error();
}

Cell Negate(const Cell& x) {
  if (x.fixed() && x.a != INT64_MIN) return Cell::Integer(-x.a);
  return Cell::Number(x.ToDecimal().Negate());
}

Cell CellOf(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kUnknown:
      return Cell::Unknown();
    case Value::Kind::kError:
      return Cell::Error();
    case Value::Kind::kBool:
      return Cell::Bool(v.boolean);
    case Value::Kind::kNumber:
      return Cell::Number(v.number);
    default:  // date, month, enum
      return Cell::Integer(v.integer);
  }
}

bool IsCellType(Type t) {
  if (t.is_series()) return false;
  switch (t.base) {
    case BaseType::kBoolean:
    case BaseType::kInteger:
    case BaseType::kDecimal:
    case BaseType::kPercentage:
    case BaseType::kMoney:
    case BaseType::kDate:
    case BaseType::kMonth:
    case BaseType::kEnum:
      return true;
    default:
      return false;
  }
}

std::uint8_t ValueKindOf(Type t) {
  switch (t.base) {
    case BaseType::kBoolean:
      return static_cast<std::uint8_t>(Value::Kind::kBool);
    case BaseType::kDate:
      return static_cast<std::uint8_t>(Value::Kind::kDate);
    case BaseType::kMonth:
      return static_cast<std::uint8_t>(Value::Kind::kMonth);
    case BaseType::kEnum:
      return static_cast<std::uint8_t>(Value::Kind::kEnum);
    default:
      return static_cast<std::uint8_t>(Value::Kind::kNumber);
  }
}

Value ValueOf(const Cell& c, std::uint8_t value_kind) {
  if (c.unknown()) return Value::Unknown();
  if (c.is_error()) return Value::Error(ErrorCode::kOverflow, 0);
  const auto kind = static_cast<Value::Kind>(value_kind);
  switch (kind) {
    case Value::Kind::kBool:
      return Value::Bool(c.a != 0);
    case Value::Kind::kNumber:
      return Value::Number(c.ToDecimal());
    default:
      return Value::Make(kind, [&](Value& v) { v.integer = static_cast<std::int32_t>(c.a); });
  }
}

}  // namespace relief::internal
