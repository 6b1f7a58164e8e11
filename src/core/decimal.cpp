// Exact rational arithmetic. Intermediate results are computed on 128 bits and
// brought back to lowest terms before the 64-bit range check, so that
// products such as 20 % x 1 234 567.89 EUR stay exact.
#include "relief/decimal.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <numeric>

namespace relief {

__extension__ typedef __int128 Wide;

struct DecimalAccess {
  static Decimal Make(std::int64_t p, std::int64_t q) { return Decimal(p, q, 0); }
};

namespace {

constexpr Wide kMax = INT64_MAX;
constexpr Wide kMin = INT64_MIN;

Wide WideAbs(Wide v) { return v < 0 ? -v : v; }

// Binary GCD on 64 bits: no division at all, where Euclid's on 128 bits
// called __modti3 for every step (10 % of the batch path before).
std::uint64_t Gcd64(std::uint64_t a, std::uint64_t b) {
  if (a == 0) return b;
  if (b == 0) return a;
  const int shift = __builtin_ctzll(a | b);
  a >>= __builtin_ctzll(a);
  do {
    b >>= __builtin_ctzll(b);
    if (a > b) std::swap(a, b);
    b -= a;
  } while (b != 0);
  return a << shift;
}

Wide WideGcd(Wide a, Wide b) {
  a = WideAbs(a);
  b = WideAbs(b);
  constexpr Wide kMax64 = static_cast<Wide>(UINT64_MAX);
  if (a <= kMax64 && b <= kMax64) return Gcd64(static_cast<std::uint64_t>(a), static_cast<std::uint64_t>(b));
  while (b != 0) {
    Wide t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// a / b for b > 0, in 64 bits when both fit (__divti3 is several times
// slower than a 64-bit division).
Wide Quotient(Wide a, Wide b) {
  if (a >= kMin && a <= kMax && b <= kMax) return static_cast<std::int64_t>(a) / static_cast<std::int64_t>(b);
  return a / b;
}

std::optional<Decimal> FromWide(Wide p, Wide q) {
  if (q == 0) return std::nullopt;
  if (q < 0) {
    p = -p;
    q = -q;
  }
  if (q != 1) {
    Wide g = WideGcd(p, q);
    if (g > 1) {
      p = Quotient(p, g);
      q = Quotient(q, g);
    }
  }
  if (p > kMax || p < kMin || q > kMax) return std::nullopt;
  return DecimalAccess::Make(static_cast<std::int64_t>(p), static_cast<std::int64_t>(q));
}

bool MulOverflows(Wide a, Wide b, Wide* out) { return __builtin_mul_overflow(a, b, out); }

}  // namespace

std::optional<Decimal> Decimal::Ratio(std::int64_t p, std::int64_t q) { return FromWide(p, q); }

std::optional<Decimal> Decimal::FromScaled(std::int64_t units, int places) {
  if (places < 0 || places > 18) return std::nullopt;
  if (units == 0) return Decimal();
  static constexpr std::uint64_t kPow5[] = {
      1,          5,           25,           125,          625,          3125,      15625,
      78125,      390625,      1953125,      9765625,      48828125,     244140625, 1220703125,
      6103515625, 30517578125, 152587890625, 762939453125, 3814697265625};
  // 10^places = 2^places × 5^places; the units lose the factors they share.
  std::uint64_t u = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
  const int twos = std::min(__builtin_ctzll(u), places);
  u >>= twos;
  int fives = 0;
  while (fives < places && u % 5 == 0) {
    u /= 5;
    ++fives;
  }
  const auto num = static_cast<std::int64_t>(units < 0 ? 0 - u : u);
  return DecimalAccess::Make(num, static_cast<std::int64_t>(kPow5[places - fives] << (places - twos)));
}

Decimal Decimal::FromCents(std::int64_t cents) {
  // cents / 100 in lowest terms, 100 = 2^2 * 5^2, without a branch on the
  // value: the amounts of a file of firms vary, and a mispredicted branch
  // costs more than this arithmetic. `cents | 4` caps the factors of two at
  // two (and makes 0 / 100 come out as 0 / 1).
  const int twos = __builtin_ctzll(static_cast<std::uint64_t>(cents) | 4);
  const int fives = static_cast<int>(cents % 5 == 0) + static_cast<int>(cents % 25 == 0);
  const std::int64_t halved = cents >> twos;                            // exact: 2^twos divides cents
  const std::int64_t numerators[] = {halved, halved / 5, halved / 25};  // all three: cheaper than a branch
  constexpr std::int64_t kFivesLeft[] = {25, 5, 1};
  return DecimalAccess::Make(numerators[fives], (std::int64_t{4} >> twos) * kFivesLeft[fives]);
}

std::optional<std::int64_t> Decimal::Cents() const {
  // 100 / den for the denominators that divide 100, else 0: a table rather
  // than a division, whose latency would dominate.
  static constexpr auto kCentsPer = [] {
    std::array<std::int8_t, 101> per{};
    for (int den = 1; den <= 100; ++den) per[den] = static_cast<std::int8_t>(100 % den == 0 ? 100 / den : 0);
    return per;
  }();
  const std::int64_t per = den_ <= 100 ? kCentsPer[static_cast<std::size_t>(den_)] : 0;
  std::int64_t cents = 0;
  if (per == 0 || __builtin_mul_overflow(num_, per, &cents)) return std::nullopt;
  return cents;
}

std::optional<Decimal> Decimal::Parse(std::string_view text) {
  // Accept an optional sign, digit groups separated by spaces (plain, no-break
  // or narrow no-break), and one decimal separator ('.' or ',').
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  Wide p = 0, q = 1;
  bool any_digit = false, in_fraction = false;
  while (i < text.size()) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      if (MulOverflows(p, 10, &p)) return std::nullopt;
      p += c - '0';
      if (in_fraction && MulOverflows(q, 10, &q)) return std::nullopt;
      any_digit = true;
      ++i;
    } else if ((c == '.' || c == ',') && !in_fraction && any_digit) {
      in_fraction = true;
      ++i;
      if (i == text.size()) return std::nullopt;
    } else if (c == ' ' && any_digit && !in_fraction) {
      ++i;
    } else if (text.substr(i, 2) == "\xC2\xA0" && any_digit && !in_fraction) {
      i += 2;  // U+00A0 no-break space
    } else if (text.substr(i, 3) == "\xE2\x80\xAF" && any_digit && !in_fraction) {
      i += 3;  // U+202F narrow no-break space
    } else {
      return std::nullopt;
    }
  }
  if (!any_digit) return std::nullopt;
  return FromWide(negative ? -p : p, q);
}

std::optional<Decimal> Decimal::Add(Decimal o) const {
  if (den_ == o.den_) return FromWide(Wide(num_) + o.num_, den_);
  return FromWide(Wide(num_) * o.den_ + Wide(o.num_) * den_, Wide(den_) * o.den_);
}

// Not Add(o.Negate()): INT64_MIN has no 64-bit negation.
std::optional<Decimal> Decimal::Sub(Decimal o) const {
  if (den_ == o.den_) return FromWide(Wide(num_) - o.num_, den_);
  return FromWide(Wide(num_) * o.den_ - Wide(o.num_) * den_, Wide(den_) * o.den_);
}

std::optional<Decimal> Decimal::Mul(Decimal o) const { return FromWide(Wide(num_) * o.num_, Wide(den_) * o.den_); }

std::optional<Decimal> Decimal::Div(Decimal o) const {
  if (o.num_ == 0) return std::nullopt;
  return FromWide(Wide(num_) * o.den_, Wide(den_) * o.num_);
}

Decimal Decimal::Negate() const {
  // INT64_MIN has no negation; saturate one unit up (never reached by amounts).
  return Decimal(num_ == INT64_MIN ? INT64_MAX : -num_, den_, 0);
}

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
  if (a.den_ == b.den_) return a.num_ <=> b.num_;
  Wide l = Wide(a.num_) * b.den_, r = Wide(b.num_) * a.den_;
  return l <=> r;
}

namespace {
// floor(p / q) for q > 0.
Wide FloorDiv(Wide p, Wide q) {
  Wide d = p / q;
  if ((p % q != 0) && (p < 0)) --d;
  return d;
}
Wide Pow10(int n) {
  Wide r = 1;
  while (n-- > 0) r *= 10;
  return r;
}
// round(p / q) half away from zero, q > 0.
Wide RoundHalfAway(Wide p, Wide q) {
  Wide a = WideAbs(p);
  constexpr Wide kQuarter64 = static_cast<Wide>(UINT64_MAX / 4);
  if (a <= kQuarter64 && q <= kQuarter64) {  // 64-bit division, not __divti3
    const auto a64 = static_cast<std::uint64_t>(a), q64 = static_cast<std::uint64_t>(q);
    const Wide r = (2 * a64 + q64) / (2 * q64);
    return p < 0 ? -r : r;
  }
  Wide r = (2 * a + q) / (2 * q);
  return p < 0 ? -r : r;
}
std::string WideToString(Wide v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  std::string s;
  Wide a = WideAbs(v);
  while (a > 0) {
    s.push_back(char('0' + int(a % 10)));
    a /= 10;
  }
  if (neg) s.push_back('-');
  // Built from the last digit (inserting at the front trips GCC 12's
  // -Wrestrict at -O2, an error in the asan preset).
  std::reverse(s.begin(), s.end());
  return s;
}
}  // namespace

std::optional<Decimal> Decimal::Round(int places) const {
  Wide scale = Pow10(places);
  return FromWide(RoundHalfAway(Wide(num_) * scale, den_), scale);
}

Decimal Decimal::Floor() const { return Decimal(static_cast<std::int64_t>(FloorDiv(num_, den_)), 1, 0); }

Decimal Decimal::Ceil() const { return Negate().Floor().Negate(); }

std::string Decimal::ToFixed(int places) const {
  Wide scale = Pow10(places);
  Wide scaled = RoundHalfAway(Wide(num_) * scale, den_);
  bool neg = scaled < 0;
  std::string digits = WideToString(WideAbs(scaled));
  const std::size_t n = places <= 0 ? 0 : static_cast<std::size_t>(places);
  // Leading zeros, so that a digit comes before the point: "0.05", not ".05".
  std::string padded(digits.size() <= n ? n + 1 - digits.size() : 0, '0');
  padded += digits;
  // Appended piece by piece: GCC 12 reports false -Wrestrict on insert() at
  // -O2 (an error in the asan preset) and on `"-" + string` at -O3.
  std::string out;
  out.reserve(padded.size() + 2);
  if (neg) out += '-';
  out.append(padded, 0, padded.size() - n);
  if (n == 0) return out;
  out += '.';
  out.append(padded, padded.size() - n, n);
  return out;
}

std::string Decimal::ToString(int max_places) const {
  // Find the smallest number of places that represents the value exactly.
  for (int places = 0; places <= max_places; ++places) {
    if ((Wide(num_) * Pow10(places)) % den_ == 0) return ToFixed(places);
  }
  return ToFixed(max_places);
}

}  // namespace relief
