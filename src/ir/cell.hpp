// A cell: the typed register of the batch machine (eval/batch_machine.hpp).
//
// Where a Value (value.hpp) is 40 bytes that any type may fill, a cell holds
// one of the types whose values are integers underneath: booleans, dates,
// months, enum indices, and numbers. A number is kept as a fixed-point
// integer, its value times kScale, whenever that is exact and fits 64 bits
// (every amount written with up to six decimals, so every amount in cents and
// every percentage of the packs), and only otherwise as an exact rational (a
// division by 12, a loss over a reference). A value with a fixed form is
// never stored as a rational. A rational is not brought to lowest terms when
// a division makes it: it is only compared, rounded or turned into a Decimal,
// each exact on any terms, and reducing would cost a GCD (a loop whose
// branches depend on the data) on every division of every profile.
// Arithmetic on two fixed forms is integer arithmetic; anything else goes
// through Decimal, so the results are those of the Value evaluator to the
// last digit.
//
// An error cell carries no code: the batch path needs only the status.
#ifndef RELIEF_IR_CELL_HPP_
#define RELIEF_IR_CELL_HPP_

#include <algorithm>
#include <compare>
#include <cstdint>
#include <optional>

#include "ir/types.hpp"
#include "relief/decimal.hpp"

namespace relief::internal {

struct Value;

struct Cell {
  // The state of a cell as a number: what `den` holds when not known, negated.
  enum class State : std::uint8_t { kKnown, kUnknown, kError };

  // A boolean (0 or 1), a date (days since the epoch), a month index, an
  // enum index, or a number: the value times kScale when `den` is 0, else
  // the rational a / den (den > 0, not always in lowest terms).
  std::int64_t a = 0;
  // 0 or a denominator when known; -1 when unknown, -2 for an error (and
  // then `a` is 0). The state lives in `den` so that a cell is 16 bytes and
  // "both operands known and fixed" is one test, (x.den | y.den) == 0: the
  // block machine moves and tests millions of cells.
  std::int64_t den = -1;

  static constexpr std::int64_t kScale = 1'000'000;

  static constexpr Cell Unknown() { return {}; }
  static constexpr Cell Error() { return {0, -2}; }
  static constexpr Cell Integer(std::int64_t v) { return {v, 0}; }
  static constexpr Cell Bool(bool b) { return Integer(b ? 1 : 0); }
  // A cell of `state` holding `a` when known (a boolean, an integer).
  static constexpr Cell Of(State state, std::int64_t a) {
    return {state == State::kKnown ? a : 0, -static_cast<std::int64_t>(state)};
  }
  // A number: its fixed form when it has one.
  static Cell Number(Decimal d);
  static Cell Number(std::optional<Decimal> d) { return d ? Number(*d) : Error(); }  // nullopt: overflow
  // units × 10^-places (0 <= places <= 18), as a reader of a number written
  // plainly has it: the cell of Number(*Decimal::FromScaled(units, places)),
  // without the rational when it has a fixed form.
  // Inline: a cell returned from a call is reloaded from memory, which
  // stalls on the stores that wrote it (docs/performance.md).
  static Cell Scaled(std::int64_t units, int places) {
    // kScale = 10^6: up to six places, the fixed form is units × 10^(6 -
    // places), the same integer as the reduced rational's numerator times
    // its factor.
    constexpr std::int64_t kPow10[] = {1'000'000, 100'000, 10'000, 1'000, 100, 10, 1};
    std::int64_t scaled = 0;
    if (places >= 0 && places <= 6 && !__builtin_mul_overflow(units, kPow10[places], &scaled)) [[likely]]
      return Integer(scaled);
    return ScaledRational(units, places);
  }
  static Cell ScaledRational(std::int64_t units, int places);
  // p / q (q != 0), for a quotient known to have no fixed form; nullopt
  // when a term is INT64_MIN (Decimal handles those).
  static std::optional<Cell> Ratio(std::int64_t p, std::int64_t q) {
    if (p == INT64_MIN || q == INT64_MIN) return std::nullopt;
    return q < 0 ? Cell{-p, -q} : Cell{p, q};
  }

  constexpr State state() const { return static_cast<State>(std::max<std::int64_t>(-den, 0)); }
  constexpr bool known() const { return den >= 0; }
  constexpr bool unknown() const { return den == -1; }
  constexpr bool is_error() const { return den == -2; }
  constexpr bool is_true() const { return known() && a != 0; }
  constexpr bool is_false() const { return known() && a == 0; }
  constexpr bool fixed() const { return den == 0; }  // known, and not a rational

  Decimal ToDecimal() const;
  // A number rounded to the cent, half away from zero (Decimal::Round(2)),
  // in cents; nullopt when the cents do not fit 64 bits (an amount has to:
  // see RoundToCent in eval/decision.cpp).
  // Inline: the batch path rounds every eligible amount.
  std::optional<std::int64_t> RoundToCents() const {
    if (!fixed()) return RationalToCents();
    constexpr std::int64_t kPerCent = kScale / 100;
    // Half away from zero, as Decimal::Round.
    const std::int64_t magnitude = a < 0 ? -(a / kPerCent) : a / kPerCent;
    const std::int64_t rest = a < 0 ? -(a % kPerCent) : a % kPerCent;
    const std::int64_t cents = magnitude + (2 * rest >= kPerCent ? 1 : 0);
    return a < 0 ? -cents : cents;
  }

  // Equal values of the same type (operator== below).
  friend bool operator==(const Cell& x, const Cell& y);

 private:
  std::optional<std::int64_t> RationalToCents() const;  // RoundToCents of a rational
};

// Whether values of `t` fit a cell: booleans, numbers, dates, months, enums.
bool IsCellType(Type t);
// The Value::Kind of the values of a cell type.
std::uint8_t ValueKindOf(Type t);
// The cell of a value of a cell type.
Cell CellOf(const Value& v);
// The value of a cell of type `kind` (Value::Kind), for built-in functions
// and the explanations (explain/), which read the batch machine's cells. A
// known cell gives the value the Value evaluator computes (a number is a
// Decimal in lowest terms); an error cell carries no code.
Value ValueOf(const Cell& c, std::uint8_t value_kind);

// Order of two known numbers, or two known integers of the same type. A
// fixed form is the fraction a / kScale: fractions are compared by cross
// products on 128 bits, without bringing either to lowest terms.
inline std::strong_ordering Compare(const Cell& x, const Cell& y) {
  if (x.fixed() && y.fixed()) [[likely]]
    return x.a <=> y.a;
  __extension__ using Wide = __int128;
  const Wide xd = x.fixed() ? Cell::kScale : x.den, yd = y.fixed() ? Cell::kScale : y.den;
  return Wide{x.a} * yd <=> Wide{y.a} * xd;
}

// A value has one fixed form, and a fixed form is never stored as a
// rational: cells of different forms or states are different values, and
// two rationals are equal when their cross products are.
inline bool operator==(const Cell& x, const Cell& y) {
  if (x.den <= 0 || y.den <= 0) return x.a == y.a && x.den == y.den;
  return Compare(x, y) == 0;
}

// Number arithmetic on known cells; an overflow or a division by zero is an
// error cell (as the Value evaluator's error values). Two fixed forms whose
// result has a fixed form stay in integers; the rest is Decimal's.
enum class Arith : std::uint8_t { kAdd, kSub, kMul, kDiv };
Cell ExactArithmetic(Arith op, const Cell& x, const Cell& y);  // through Decimal

inline Cell Arithmetic(Arith op, const Cell& x, const Cell& y) {
  if (x.fixed() && y.fixed()) [[likely]] {
    std::int64_t r = 0;
    switch (op) {
      case Arith::kAdd:
        if (!__builtin_add_overflow(x.a, y.a, &r)) return Cell::Integer(r);
        break;
      case Arith::kSub:
        if (!__builtin_sub_overflow(x.a, y.a, &r)) return Cell::Integer(r);
        break;
      case Arith::kMul:
        // x.a * y.a / kScale, when the product fits and kScale divides it.
        if (!__builtin_mul_overflow(x.a, y.a, &r) && r % Cell::kScale == 0) return Cell::Integer(r / Cell::kScale);
        break;
      case Arith::kDiv:
        if (y.a == 0) return Cell::Error();
        if (!__builtin_mul_overflow(x.a, Cell::kScale, &r)) {
          // (x.a / kScale) / (y.a / kScale) = x.a / y.a: fixed when y.a
          // divides x.a * kScale, else that rational in lowest terms.
          if (r % y.a == 0) return Cell::Integer(r / y.a);
          if (auto q = Cell::Ratio(x.a, y.a)) return *q;
        }
        break;
    }
  }
  return ExactArithmetic(op, x, y);
}

Cell Negate(const Cell& x);

}  // namespace relief::internal

#endif  // RELIEF_IR_CELL_HPP_
