// Cells (ir/cell.hpp) compute what Decimal computes: every operation on a
// grid of numbers (fixed forms, rationals, values at the edges of the fixed
// range) is checked against Decimal's, and a value with a fixed form has no
// other (a quotient's rational need not be in lowest terms).
#include "ir/cell.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "ir/value.hpp"

namespace relief::internal {
namespace {

std::vector<Decimal> Grid() {
  std::vector<Decimal> out;
  for (const char* text : {"0",
                           "1",
                           "-1",
                           "12",
                           "0.5",
                           "0.25",
                           "-0.01",
                           "1234.56",
                           "-1500.005",
                           "0.000001",
                           "0.0000001",
                           "9223372.036854",
                           "9223372036854",
                           "-9223372036854",
                           "100000000000000",
                           "3",
                           "7",
                           "0.2",
                           "0.21",
                           "1000000"}) {
    out.push_back(*Decimal::Parse(text));
  }
  out.push_back(*Decimal::Ratio(1, 3));
  out.push_back(*Decimal::Ratio(-22, 7));
  out.push_back(*Decimal::Ratio(1, 12));
  out.push_back(*Decimal::Ratio(INT64_MAX, 1));
  out.push_back(*Decimal::Ratio(INT64_MIN + 1, 1));
  out.push_back(*Decimal::Ratio(5, 1'000'000'000'000));
  return out;
}

// The cell of an exact result, or an error cell when Decimal overflows.
Cell Expected(std::optional<Decimal> d) { return d ? Cell::Number(*d) : Cell::Error(); }

TEST(Cell, NumbersWithSixDecimalsAtMostAreFixed) {
  EXPECT_TRUE(Cell::Number(*Decimal::Parse("1234.56")).fixed());
  EXPECT_EQ(Cell::Number(*Decimal::Parse("1234.56")).a, 1'234'560'000);
  EXPECT_TRUE(Cell::Number(*Decimal::Parse("0.000001")).fixed());
  EXPECT_FALSE(Cell::Number(*Decimal::Parse("0.0000001")).fixed());
  EXPECT_FALSE(Cell::Number(*Decimal::Ratio(1, 3)).fixed());
  EXPECT_FALSE(Cell::Number(*Decimal::Parse("100000000000000")).fixed());  // beyond 2^63 / 10^6
}

TEST(Cell, RoundTripsThroughDecimal) {
  for (const Decimal& d : Grid()) EXPECT_EQ(Cell::Number(d).ToDecimal(), d) << d.ToString();
}

TEST(Cell, ArithmeticEqualsDecimalArithmetic) {
  int checked = 0;
  for (const Decimal& x : Grid()) {
    for (const Decimal& y : Grid()) {
      const Cell cx = Cell::Number(x), cy = Cell::Number(y);
      EXPECT_EQ(Arithmetic(Arith::kAdd, cx, cy), Expected(x.Add(y))) << x.ToString() << " + " << y.ToString();
      EXPECT_EQ(Arithmetic(Arith::kSub, cx, cy), Expected(x.Sub(y))) << x.ToString() << " - " << y.ToString();
      EXPECT_EQ(Arithmetic(Arith::kMul, cx, cy), Expected(x.Mul(y))) << x.ToString() << " * " << y.ToString();
      const Cell quotient = y.is_zero() ? Cell::Error() : Expected(x.Div(y));
      const Cell divided = Arithmetic(Arith::kDiv, cx, cy);
      EXPECT_EQ(divided, quotient) << x.ToString() << " / " << y.ToString();
      EXPECT_EQ(divided.fixed(), quotient.fixed()) << x.ToString() << " / " << y.ToString();
      if (divided.known()) {
        EXPECT_EQ(divided.ToDecimal(), *x.Div(y)) << x.ToString() << " / " << y.ToString();
      }
      EXPECT_EQ(Compare(cx, cy), x <=> y) << x.ToString() << " <=> " << y.ToString();
      EXPECT_EQ(cx == cy, x == y);
      ++checked;
    }
    EXPECT_EQ(Negate(Cell::Number(x)), Cell::Number(x.Negate())) << x.ToString();
  }
  EXPECT_EQ(checked, 26 * 26);
}

// Decimal::Round(2) in cents, or nullopt when it overflows or its cents do
// not fit 64 bits.
std::optional<std::int64_t> RoundedCents(const Decimal& d) {
  const std::optional<Decimal> rounded = d.Round(2);
  return rounded ? rounded->Cents() : std::nullopt;
}

TEST(Cell, RoundsToTheCentAsDecimal) {
  for (const char* text : {"0.005", "-0.005", "0.004999", "-0.004999", "1234.565", "-1234.565", "0.125", "2.5", "-2.5",
                           "9223372036.854775", "92233720368547758.07", "92233720368547758.08"}) {
    const Decimal d = *Decimal::Parse(text);
    EXPECT_EQ(Cell::Number(d).RoundToCents(), RoundedCents(d)) << text;
  }
  EXPECT_EQ(Cell::Number(*Decimal::Parse("92233720368547758.07")).RoundToCents(), INT64_MAX);
  EXPECT_EQ(Cell::Number(*Decimal::Parse("92233720368547758.08")).RoundToCents(), std::nullopt);
  for (const Decimal& d : Grid()) EXPECT_EQ(Cell::Number(d).RoundToCents(), RoundedCents(d)) << d.ToString();
}

TEST(Cell, FromCentsIsInLowestTerms) {
  for (std::int64_t cents :
       std::vector<std::int64_t>{0, 1, -1, 50, 150, -150, 2500, 100, 123456, INT64_MIN, INT64_MAX}) {
    EXPECT_EQ(Decimal::FromCents(cents), *Decimal::Ratio(cents, 100)) << cents;
  }
  // Every residue modulo 100 and its multiples of 2, 4, 5, 25, both signs.
  for (std::int64_t cents = -10'000; cents <= 10'000; ++cents) {
    ASSERT_EQ(Decimal::FromCents(cents), *Decimal::Ratio(cents, 100)) << cents;
  }
}

// Rationals made by a division are compared by value, whatever their terms.
TEST(Cell, QuotientsInAnyTermsCompareByValue) {
  const Cell third = Arithmetic(Arith::kDiv, Cell::Integer(2 * Cell::kScale), Cell::Integer(6 * Cell::kScale));
  const Cell reduced = Cell::Number(*Decimal::Ratio(1, 3));
  EXPECT_EQ(third, reduced);
  EXPECT_EQ(Compare(third, reduced), std::strong_ordering::equal);
  EXPECT_NE(third, Cell::Number(*Decimal::Ratio(1, 7)));
  EXPECT_EQ(third.ToDecimal(), *Decimal::Ratio(1, 3));
  EXPECT_EQ(third.RoundToCents(), 33);
}

TEST(Cell, ValuesOfEveryCellTypeConvert) {
  EXPECT_TRUE(CellOf(Value::Bool(true)).is_true());
  EXPECT_TRUE(CellOf(Value::Bool(false)).is_false());
  EXPECT_TRUE(CellOf(Value::Unknown()).unknown());
  EXPECT_TRUE(CellOf(Value::Error(ErrorCode::kOverflow, 3)).is_error());
  EXPECT_EQ(CellOf(Value::Enum(4)).a, 4);
  const Date d = *Date::Parse("2020-11-30");
  EXPECT_EQ(ValueOf(CellOf(Value::OfDate(d)), static_cast<std::uint8_t>(Value::Kind::kDate)), Value::OfDate(d));
  const Value third = Value::Number(*Decimal::Ratio(1, 3));
  EXPECT_EQ(ValueOf(CellOf(third), static_cast<std::uint8_t>(Value::Kind::kNumber)), third);
}

}  // namespace
}  // namespace relief::internal
