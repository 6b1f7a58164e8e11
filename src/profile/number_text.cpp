#include "profile/number_text.hpp"

#include <fmt/format.h>

namespace relief::internal {
namespace {

constexpr std::string_view kSpaces[] = {" ", "\xC2\xA0", "\xE2\x80\xAF"};  // space, no-break, narrow no-break

// The length of the space at the start of `s`, 0 if none.
std::size_t SpaceAt(std::string_view s) {
  for (std::string_view sp : kSpaces) {
    if (s.starts_with(sp)) return sp.size();
  }
  return 0;
}

std::string_view TrimSpaces(std::string_view s) {
  while (std::size_t n = SpaceAt(s)) s.remove_prefix(n);
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view sp : kSpaces) {
      if (s.ends_with(sp)) {
        s.remove_suffix(sp.size());
        trimmed = true;
      }
    }
  }
  return s;
}

// The text as quoted in a message: at most 40 bytes, cut on a character.
std::string Echo(std::string_view text) {
  if (text.size() <= 40) return std::string(text);
  std::size_t n = 40;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return std::string(text.substr(0, n)) + "…";
}

std::size_t DigitRun(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && plain_number::IsAsciiDigit(s[n])) ++n;
  return n;
}

// The number's digits as "-123.45" for Decimal::Parse, its integer part's
// length without separators, and its decimals; nullopt if not the grammar.
struct Scanned {
  std::string plain;
  std::size_t integer_digits = 0;
  bool grouped = false;
  std::size_t decimals = 0;
};

std::optional<Scanned> Scan(std::string_view s) {
  Scanned out;
  if (s.starts_with("-")) {
    out.plain = "-";
    s.remove_prefix(1);
  }
  std::size_t n = DigitRun(s);
  if (n == 0) return std::nullopt;
  out.plain.append(s.substr(0, n));
  out.integer_digits = n;
  s.remove_prefix(n);
  while (std::size_t sp = SpaceAt(s)) {  // groups of three after one to three digits
    std::size_t group = DigitRun(s.substr(sp));
    if (n > 3 || group != 3) return std::nullopt;
    out.grouped = true;
    out.plain.append(s.substr(sp, 3));
    out.integer_digits += 3;
    s.remove_prefix(sp + 3);
    n = 3;
  }
  if (!s.empty() && (s[0] == '.' || s[0] == ',')) {
    out.decimals = DigitRun(s.substr(1));
    if (out.decimals == 0) return std::nullopt;
    out.plain += '.';
    out.plain.append(s.substr(1, out.decimals));
    s.remove_prefix(1 + out.decimals);
  }
  if (!s.empty()) return std::nullopt;
  return out;
}

const char* Expected(NumberKind kind) {
  switch (kind) {
    case NumberKind::kMoney:
      return "expected an amount in euros (\"1500\", \"1 500,50\", \"1500.50 €\": spaces between thousands, "
             "'.' or ',' before at most two decimals)";
    case NumberKind::kPercentage:
      return "expected a percentage (\"60 %\", \"12,5 %\") or a fraction (0.6)";
    case NumberKind::kInteger:
      return "expected an integer (\"12\", \"1 500\")";
    case NumberKind::kNumber:
      break;
  }
  return "expected a number (\"12\", \"1 500\", \"0.125\")";
}

}  // namespace

std::optional<PlainNumber> ScanPlainNumber(std::string_view s, NumberKind kind) {
  const char* p = s.data();
  const char* const end = p + s.size();
  std::optional<PlainNumber> n = ScanPlainNumberAt(p, end, kind, NumberSource::kText);
  if (p != end) return std::nullopt;  // more than the number
  return n;
}

std::optional<Decimal> ParsePlainNumber(std::string_view text, NumberKind kind) {
  std::optional<PlainNumber> n = ScanPlainNumber(text, kind);
  if (!n) return std::nullopt;
  return Decimal::FromScaled(n->units, n->places);
}

ParsedNumber ParseProfileNumber(std::string_view text, NumberKind kind) {
  if (std::optional<Decimal> plain = ParsePlainNumber(text, kind)) return {plain, {}};
  auto fail = [&](std::string why) {
    return ParsedNumber{std::nullopt, fmt::format("{}, found '{}'", why, Echo(text))};
  };
  std::string_view s = TrimSpaces(text);
  bool percent = false;
  if (kind == NumberKind::kMoney && s.ends_with("\xE2\x82\xAC")) {  // "1 500 €"
    s = TrimSpaces(s.substr(0, s.size() - 3));
  } else if (kind == NumberKind::kPercentage && s.ends_with("%")) {  // "60 %"
    s = TrimSpaces(s.substr(0, s.size() - 1));
    percent = true;
  }
  std::optional<Scanned> scanned = Scan(s);
  if (!scanned) return fail(Expected(kind));
  const std::string_view digits = std::string_view(scanned->plain).substr(scanned->plain[0] == '-' ? 1 : 0);
  if (scanned->decimals == 3 && !scanned->grouped && scanned->integer_digits <= 3 && !digits.starts_with("0")) {
    // "1,500" is 1500 in English and 1.5 in French; "4.200" the reverse.
    std::string whole = scanned->plain;
    whole.erase(whole.find('.'), 1);
    const char mark = s[s.find_first_of(".,")];
    return fail(
        fmt::format("ambiguous number: '{}' followed by three digits may group thousands or mark decimals; "
                    "write {} (or group thousands with a space) or {}",
                    mark, whole, Decimal::Parse(scanned->plain).value_or(Decimal()).ToString()));
  }
  if (kind == NumberKind::kMoney && scanned->decimals > 2) {
    return fail(fmt::format("too many decimals: {}", Expected(kind)));
  }
  std::optional<Decimal> value = Decimal::Parse(scanned->plain);
  if (value && kind == NumberKind::kInteger && !value->is_integer()) return fail(Expected(kind));
  if (value && percent) value = value->Div(100);
  if (!value) return fail(fmt::format("a number too large: {}", Expected(kind)));
  return {value, {}};
}

}  // namespace relief::internal
