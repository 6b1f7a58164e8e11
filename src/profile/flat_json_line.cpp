#include "profile/flat_json_line.hpp"

#include <array>
#include <cstring>

#include "core/limits.hpp"
#include "profile/number_text.hpp"

namespace relief::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Where a scalar token of JSON ends: simdjson's structural characters and
// whitespace.
constexpr auto kEndsToken = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view(" \t\r\n,:{}[]\"")) t[c] = true;
  return t;
}();

// Whether the whitespace from `p` holds a newline. simdjson's path takes a
// number's raw text up to the next structural character and trims only
// ' ', '\t' and '\r' from its end: after a newline, its text is not the
// token, so such a line is left to it.
bool NewlineAfter(const char* p, const char* end) {
  for (; p != end && IsSpace(*p); ++p) {
    if (*p == '\n') return true;
  }
  return false;
}
bool EndsToken(char c) { return kEndsToken[static_cast<unsigned char>(c)]; }

// The bytes of a word that end an ASCII string without escapes: a quote, a
// backslash, a control character or a byte of 0x80 or more (the high bit of
// each such byte set). Bytes are in memory order (little-endian words).
std::uint64_t StringStops(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  auto zero = [](std::uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const std::uint64_t control = (word - 0x20 * kOnes) & ~word & kHigh;  // bytes below 0x20
  return zero(word ^ ('"' * kOnes)) | zero(word ^ ('\\' * kOnes)) | control | (word & kHigh);
}

class FlatLine {
 public:
  FlatLine(std::string_view line, FlatLineState& state) : p_(line.data()), end_(line.data() + line.size()), s_(state) {}

  bool Read() {
    if (!Eat('{')) return false;
    if (Eat('}')) return AtEnd();
    for (std::size_t position = 0;; ++position) {
      if (!Field(position)) return false;
      if (Eat(',')) continue;
      return Eat('}') && AtEnd();
    }
  }

 private:
  // The common case, no space, in one comparison: every space is below
  // '!', and the byte at the end of the line is readable.
  void SkipSpace() {
    while (static_cast<unsigned char>(*p_) <= ' ' && p_ != end_ && IsSpace(*p_)) ++p_;
  }
  bool Eat(char c) {
    // The common case, `c` next, first: the byte at the end is readable.
    if (*p_ == c && p_ != end_) [[likely]] {
      ++p_;
      return true;
    }
    SkipSpace();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }
  // The text of a string whose opening quote was eaten, if it is ASCII
  // without escapes or control characters (what needs no unescaping nor a
  // check of its UTF-8); the closing quote is eaten.
  // Eight bytes at a time: the line has readable bytes past its end.
  bool String(std::string_view& text) {
    const char* const start = p_;
    for (;; p_ += 8) {
      if (p_ >= end_) return false;
      std::uint64_t word;
      std::memcpy(&word, p_, sizeof(word));
      if (const std::uint64_t stops = StringStops(word)) {
        p_ += __builtin_ctzll(stops) / 8;
        if (p_ >= end_ || *p_ != '"') return false;
        text = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
    }
  }
  // "key": value, at `position` in the object.
  bool Field(std::size_t position) {
    if (!Eat('"')) return false;
    std::int32_t fact = s_.order.Guess(position, p_);
    if (fact >= 0) {
      p_ += s_.order.names[static_cast<std::size_t>(fact)].size();  // the name and its quote
      if (p_ > end_) return false;
    } else {
      std::string_view key;
      if (!String(key)) return false;
      fact = s_.writer.Find(key).fact;
      s_.order.Remember(position, fact);
      if (fact < 0) return false;
    }
    const FlatFact how = s_.facts[static_cast<std::size_t>(fact)];
    if (how.read == FlatFact::Read::kNone) return false;
    std::uint32_t& seen = s_.seen[static_cast<std::size_t>(fact)];
    if (seen == s_.stamp) return false;
    seen = s_.stamp;
    if (!Eat(':')) return false;
    return Value(fact, how);
  }
  // A scalar value for `fact`: null leaves it unknown.
  bool Value(std::int32_t fact, FlatFact how) {
    SkipSpace();
    if (p_ == end_) return false;
    const char first = *p_;
    if (how.read == FlatFact::Read::kNumber && (first == '-' || (first >= '0' && first <= '9'))) {
      // Read once, as SetPlain reads it: the token ends where the number does.
      std::optional<PlainNumber> n = ScanPlainNumberAt(p_, end_, how.number, NumberSource::kJsonLine);
      return n && (p_ == end_ || EndsToken(*p_)) && !NewlineAfter(p_, end_) && s_.writer.SetNumber(fact, *n);
    }
    std::string_view text;
    if (*p_ == '"') {
      ++p_;
      if (!String(text) || text.size() > limits::kMaxScalarBytes) return false;
    } else {
      const char* const start = p_;
      while (p_ != end_ && !EndsToken(*p_)) ++p_;
      text = std::string_view(start, static_cast<std::size_t>(p_ - start));
      if (NewlineAfter(p_, end_)) return false;
      if (text == "null") return true;
      if (text.empty() || (first != '-' && (first < '0' || first > '9') && text != "true" && text != "false")) {
        return false;
      }
    }
    return s_.writer.SetPlain(fact, text);
  }

  const char* p_;
  const char* const end_;
  FlatLineState& s_;
};

}  // namespace

std::vector<FlatFact> FlatFacts(const Program& program) {
  std::vector<FlatFact> facts;
  for (const FactInfo& fact : program.facts) {
    FlatFact& how = facts.emplace_back();
    if (fact.type.is_series() || fact.type.base == BaseType::kRecord) continue;
    const std::optional<NumberKind> number = NumberKindOf(fact.type.base);
    how.read = number ? FlatFact::Read::kNumber : FlatFact::Read::kText;
    how.number = number.value_or(NumberKind::kNumber);
  }
  return facts;
}

bool ReadFlatLine(std::string_view line, FlatLineState state) { return FlatLine(line, state).Read(); }

}  // namespace relief::internal
