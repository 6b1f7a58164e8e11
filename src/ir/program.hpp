// The rule pack as every phase after checking sees it.
//
// `Symbols` is what the checker produces: every declaration of the pack with
// its resolved type, and every expression of the pack by ExprId. `Program`
// adds what the compiler produces: the expressions flattened into one
// instruction array, whose operands are runs of indices in `kids`. Facts,
// values and parameters are resolved to indices, so evaluation never looks
// up a name.
#ifndef RELIEF_IR_PROGRAM_HPP_
#define RELIEF_IR_PROGRAM_HPP_

#include <algorithm>
#include <array>
#include <compare>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/text_span.hpp"
#include "ir/cell.hpp"
#include "ir/explain_layout.hpp"
#include "ir/pattern.hpp"
#include "ir/string_ids.hpp"
#include "ir/types.hpp"
#include "ir/value.hpp"
#include "relief/calendar.hpp"
#include "relief/diagnostic.hpp"
#include "relief/result.hpp"

namespace relief::internal {

// An expression of the pack (a condition, an amount, a value's formula, a
// fact's default): an index in Symbols::exprs.
using ExprId = std::int32_t;
inline constexpr ExprId kNoExpr = -1;

// An instruction: an index in Program::code.
using InstrId = std::int32_t;
inline constexpr InstrId kNoInstr = -1;

// A source expression, for explanations and error locations.
struct ExprInfo {
  std::string text;
  SourceLocation location;  // of the expression's first character
  bool offsets_exact = true;
};

struct FactInfo {
  std::string name;  // "embauche.date" for a record field
  std::string label, question, source;
  Type type;
  std::int32_t slot = -1;  // scalar or series slot in a profile
  ExprId default_expr = kNoExpr;
  std::optional<Value> min, max;  // bounds, of the fact's (element) type
  std::optional<Pattern> pattern;
  std::int32_t in_list = -1;               // the list its values must belong to
  std::vector<std::int32_t> fields;        // record: its fields' fact indices
  std::int32_t record = -1;                // field: its record's fact index
  bool identifies = false;                 // carried to the output, e.g. siren
  std::vector<std::int32_t> string_tests;  // the Program::string_tests on it
};

struct ListItemInfo {
  bool possible = false;  // graded "possible": membership is unknown
  std::string value;      // for a table (`lookup`), the code's value
};

struct ListInfo {
  std::string name, label, source;
  std::map<std::string, ListItemInfo, std::less<>> items;
  bool has_values = false;  // every item has a value: usable with lookup()
};

struct ParamInfo {
  std::string name, label;
  Type type;
  std::vector<std::pair<Date, Value>> values;  // by start date
  std::vector<std::string> sources;

  // The value in force at `date`, or null before the first one.
  const Value* At(Date date) const {
    const Value* current = nullptr;
    for (const auto& [from, value] : values) {
      if (from <= date) current = &value;
    }
    return current;
  }
  // The source of the value in force at `date`, or null before the first one.
  const std::string* SourceAt(Date date) const {
    const std::string* current = nullptr;
    for (std::size_t i = 0; i < values.size() && i < sources.size(); ++i) {
      if (values[i].first <= date) current = &sources[i];
    }
    return current;
  }
};

struct ValueInfo {
  std::string name, label;
  Type type;
  ExprId formula = kNoExpr;
};

// What the sources leave open; shown unless `when` (kNoExpr: always) is
// false for the firm.
struct OpenPointPlan {
  std::string text;
  ExprId when = kNoExpr;
};

struct ConditionPlan {
  std::string label, source;
  std::vector<OpenPointPlan> open_points;
  ExprId when = kNoExpr;
};

struct OptionPlan {
  std::string label, source;
  ExprId amount = kNoExpr;
};

struct AmountPlan {
  ExprId amount = kNoExpr;
  std::vector<OptionPlan> options;
  bool empty() const { return amount == kNoExpr && options.empty(); }
};

struct CasePlan {
  std::string id, label, source;
  std::vector<OpenPointPlan> open_points;
  ExprId when = kNoExpr;  // none: always
  AmountPlan amount;
};

struct VersionPlan {
  Date from, to;  // inclusive
  bool whole_months = true;
  std::string label, source;
  std::optional<Date> deadline;
  std::vector<ConditionPlan> require;
  std::vector<CasePlan> cases;
  AmountPlan amount;
  std::vector<OpenPointPlan> open_points;

  bool Covers(Date d) const { return !(d < from) && !(to < d); }
  // "2020-11", "2020-06..2020-09" or "2021-01-28..2021-05-09".
  std::string Period() const;
  // Period(), and it followed by " — " and the label if any, as an
  // explanation shows them: written once, when the pack is checked.
  std::string period, heading;
};

struct MeasurePlan {
  std::string id, title, issuer, apply;
  MeasureKind kind = MeasureKind::kGrant;
  AmountPeriod per = AmountPeriod::kOnce;
  std::string territory;
  ExprId territory_when = kNoExpr;
  std::vector<std::string> sources;
  std::vector<OpenPointPlan> open_points;
  std::vector<VersionPlan> versions;

  // The version applied at `date`: the last that covers it (null: none).
  const VersionPlan* InForce(Date date) const {
    const VersionPlan* found = nullptr;
    for (const VersionPlan& v : versions) {
      if (v.Covers(date)) found = &v;
    }
    return found;
  }
};

// The checked declarations of a pack.
struct Symbols {
  std::vector<ExprInfo> exprs;
  std::vector<std::vector<std::string>> enums;
  // The French label of each enum value, parallel to `enums` (empty when
  // the pack gives none: the code is shown).
  std::vector<std::vector<std::string>> enum_labels;
  std::vector<FactInfo> facts;
  std::unordered_map<std::string, std::int32_t> fact_index;  // top-level facts by name
  std::vector<ListInfo> lists;
  std::vector<ParamInfo> parameters;
  std::vector<ValueInfo> values;
  std::vector<MeasurePlan> measures;
  std::int32_t scalar_slots = 0;
  std::int32_t series_slots = 0;
  std::deque<std::string> strings;  // storage of string constants (stable addresses)

  std::string_view Intern(std::string text) { return strings.emplace_back(std::move(text)); }
};

enum class Code : std::uint8_t {
  kConst,
  kFact,
  kSeriesAt,
  kValue,
  kParam,
  kEvalMonth,
  kEvalDate,
  kNeg,
  kNot,
  kAnd,
  kOr,
  kAdd,
  kSub,
  kMul,
  kDiv,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kInList,
  kInSet,
  kIf,
  kCall,  // a built-in function (builtins/builtins.hpp)
};

// Whether a comparison instruction (kEq … kGe) holds for operands in
// `order`; both evaluators decide comparisons here.
inline bool OrderHolds(Code code, std::partial_ordering order) {
  switch (code) {
    case Code::kEq:
      return order == 0;
    case Code::kNe:
      return order != 0;
    case Code::kLt:
      return order < 0;
    case Code::kLe:
      return order <= 0;
    case Code::kGt:
      return order > 0;
    default:
      return order >= 0;
  }
}

struct Instr {
  Code code = Code::kConst;
  std::uint32_t kid_count = 0;
  std::uint32_t first_kid = 0;  // into Program::kids
  std::int32_t arg = -1;        // fact, value, parameter or list index
  std::int16_t builtin = -1;    // kCall: the function's index in Builtins()
  Value constant;               // kConst
  Type type;
  ExprId expr = kNoExpr;  // the source expression
  TextSpan span;          // within that expression's text
};

// A built-in on strings called on one string fact without default and on
// constants, such as `starts_with(naf, "47")`: its result depends on the
// fact's text alone, so profile/ computes it once, when the profile is read,
// into a cell after the scalars' (ProfileData::cells, at scalar_slots + its
// index), and the batch machines load that cell as they load a fact instead
// of reading the text at every evaluation (a profile's texts are cache lines
// away from its cells). The Value evaluator still calls the built-in.
struct StringTest {
  static constexpr std::size_t kMaxArgs = 4;
  std::int32_t fact = -1;                                          // FactInfo index
  Cell (*call)(std::span<const std::string_view> args) = nullptr;  // the built-in's on_strings
  std::vector<std::string_view> args;  // the constants' texts (in the program); the fact's place left empty
  std::uint32_t fact_arg = 0;          // the fact's place

  // The test on `text`, the fact's.
  Cell Of(std::string_view text) const {
    std::array<std::string_view, kMaxArgs> with{};
    std::copy(args.begin(), args.end(), with.begin());
    with[fact_arg] = text;
    return call({with.data(), args.size()});
  }
};

// The compiled pack: what the evaluator runs. Immutable once built.
struct Program : Symbols {
  PackInfo info;
  std::vector<std::string> pack_directories;  // imports first, the pack itself last
  std::vector<Instr> code;
  std::vector<InstrId> kids;
  // Dense, for the evaluator's hot path: the root instruction of each
  // expression (by ExprId), of each value's formula and each fact's default
  // (kNoInstr when none).
  std::vector<InstrId> roots;
  std::vector<InstrId> value_roots;
  std::vector<InstrId> default_roots;
  // What an explanation of each version shows, by measure then version
  // (ir/explain_layout.hpp).
  std::vector<std::vector<VersionLayout>> explain_layouts;
  ExplainBounds explain_bounds;

  // Interned strings, so that the evaluators compare codes as integers:
  // every list item code and string constant of the program has an id from
  // 1, which a string Value carries in `integer` (0: not interned, a text
  // that no list or constant holds). Built by compile/, read by profile/
  // when a string fact is stored.
  StringIds string_ids;
  // By list, then by string id (0 included: no string has it): kNotMember,
  // kMember or kPossibleMember.
  std::vector<std::vector<std::uint8_t>> list_membership;
  static constexpr std::uint8_t kNotMember = 0, kMember = 1, kPossibleMember = 2;

  std::int32_t StringId(std::string_view text) const { return string_ids.Find(text); }
  // Membership of an interned string in a list (not interned, id 0: not a
  // member, as every list's row 0 says).
  std::uint8_t Membership(std::int32_t list, std::int32_t string_id) const {
    return list_membership[static_cast<std::size_t>(list)][static_cast<std::size_t>(string_id)];
  }

  // Built-ins on one string fact and constants, computed when a profile is
  // read (StringTest), and the calls that read each, by instruction.
  std::vector<StringTest> string_tests;
  std::vector<std::pair<InstrId, std::int32_t>> string_test_calls;  // sorted by instruction
  // The cells of a profile: its scalars', then its string tests'.
  std::size_t cell_count() const { return static_cast<std::size_t>(scalar_slots) + string_tests.size(); }
  // The string test `call` (an instruction) reads, or -1.
  std::int32_t StringTestOf(InstrId call) const {
    auto it = std::lower_bound(string_test_calls.begin(), string_test_calls.end(), std::pair{call, std::int32_t{-1}});
    return it != string_test_calls.end() && it->first == call ? it->second : -1;
  }

  const Instr& at(InstrId id) const { return code[static_cast<std::size_t>(id)]; }
  InstrId kid(const Instr& instr, std::size_t i) const { return kids[instr.first_kid + i]; }
  InstrId root(ExprId expr) const { return roots[static_cast<std::size_t>(expr)]; }
  // The source text of an instruction: a slice of its expression's text.
  std::string_view SourceText(InstrId id) const {
    const Instr& in = at(id);
    return std::string_view(exprs[static_cast<std::size_t>(in.expr)].text)
        .substr(in.span.begin, in.span.end - in.span.begin);
  }
};

}  // namespace relief::internal

#endif  // RELIEF_IR_PROGRAM_HPP_
