// Exact decimal numbers for money, rates and counts.
//
// relief never uses binary floating point for amounts: every number of the rule
// language is an exact rational p/q with 64-bit terms, always kept in lowest
// terms with q > 0. Rationals (rather than fixed-point) keep a division exact,
// so that "loss / reference >= 50 %" is decided exactly at the boundary.
// Operations that would overflow 64 bits report it instead of wrapping.
#ifndef RELIEF_DECIMAL_HPP_
#define RELIEF_DECIMAL_HPP_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace relief {

class Decimal {
 public:
  constexpr Decimal() = default;
  constexpr Decimal(std::int64_t integer) : num_(integer) {}  // NOLINT: implicit by design

  // p/q in lowest terms; nullopt when q == 0.
  static std::optional<Decimal> Ratio(std::int64_t p, std::int64_t q);
  // units × 10^-places (1234, 2 → 12.34) in lowest terms, reduced by the
  // factors 2 and 5 alone (no GCD); nullopt unless 0 <= places <= 18.
  static std::optional<Decimal> FromScaled(std::int64_t units, int places);
  // cents / 100, without a general GCD.
  static Decimal FromCents(std::int64_t cents);

  // Parses "12", "-3.5", "1500.00", "0.125" and also "1 500,50" (French
  // grouping and decimal comma). Returns nullopt on anything else, including
  // exponents, "inf" or "nan".
  static std::optional<Decimal> Parse(std::string_view text);

  std::int64_t numerator() const { return num_; }
  std::int64_t denominator() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  bool is_zero() const { return num_ == 0; }
  int sign() const { return (num_ > 0) - (num_ < 0); }

  // Checked arithmetic: nullopt on overflow (and on division by zero).
  std::optional<Decimal> Add(Decimal other) const;
  std::optional<Decimal> Sub(Decimal other) const;
  std::optional<Decimal> Mul(Decimal other) const;
  std::optional<Decimal> Div(Decimal other) const;
  Decimal Negate() const;
  Decimal Abs() const { return num_ < 0 ? Negate() : *this; }

  // The value in cents when it is a whole number of cents that fits 64 bits
  // (the denominator divides 100), as every rounded amount of a result is;
  // nullopt otherwise. Cheaper than ToFixed(2) for a program that sums or
  // stores amounts as integers.
  std::optional<std::int64_t> Cents() const;

  // Rounding to a number of decimal places, half away from zero.
  std::optional<Decimal> Round(int places = 2) const;
  Decimal Floor() const;
  Decimal Ceil() const;

  // Exact decimal text when the expansion terminates within `max_places`
  // ("1500", "0.125"), else rounded half away from zero to `max_places`.
  std::string ToString(int max_places = 6) const;
  // Exactly `places` decimal places, rounded half away from zero ("1500.00").
  std::string ToFixed(int places) const;

  friend bool operator==(const Decimal&, const Decimal&) = default;
  friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

 private:
  friend struct DecimalAccess;
  constexpr Decimal(std::int64_t p, std::int64_t q, int) : num_(p), den_(q) {}

  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

}  // namespace relief

#endif  // RELIEF_DECIMAL_HPP_
