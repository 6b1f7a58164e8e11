// The compiled, immutable form of a rule pack: what the evaluator runs.
//
// Expressions are flattened into one instruction array; an instruction's
// operands are a run of indices in `kids`. Facts, values and parameters are
// resolved to indices at load time, so evaluation never looks up a name.
#ifndef RELIEF_COMPILE_PROGRAM_HPP_
#define RELIEF_COMPILE_PROGRAM_HPP_

#include <deque>
#include <map>
#include <optional>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include "check/types.hpp"
#include "eval/value.hpp"
#include "expr/ast.hpp"
#include "relief/diagnostic.hpp"
#include "relief/result.hpp"

namespace relief::internal {

enum class Code : std::uint8_t {
  kConst, kFact, kSeriesAt, kValue, kParam, kEvalMonth, kEvalDate,
  kNeg, kNot, kAnd, kOr, kAdd, kSub, kMul, kDiv,
  kEq, kNe, kLt, kLe, kGt, kGe, kInList, kInSet, kIf,
  kMin, kMax, kAbs, kRound, kFloor, kCeil, kStartsWith,
  kAddDays, kAddMonths, kDaysBetween, kMonthOf, kYearOf, kFirstDay, kLastDay, kDaysInMonth,
  kSum, kAverage, kValueAt, kAddYears, kLookup,
};

using InstrId = std::int32_t;
inline constexpr InstrId kNoInstr = -1;

struct Instr {
  Code code = Code::kConst;
  std::uint32_t kid_count = 0;
  std::uint32_t first_kid = 0;  // into Program::kids
  std::int32_t arg = -1;        // fact, value, parameter or list index
  Value constant;               // kConst
  Type type;
  std::uint32_t expr = 0;       // into Program::exprs: the source expression
  expr::Span span;              // within that expression's text
};

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
  std::int32_t slot = -1;          // scalar or series slot in a profile
  InstrId default_root = kNoInstr;
  std::optional<Value> min, max;   // bounds, of the fact's (element) type
  std::optional<std::regex> pattern;
  std::string pattern_text;
  std::int32_t in_list = -1;  // the list its values must belong to
  std::vector<std::int32_t> fields;  // record: its fields' fact indices
  std::int32_t record = -1;          // field: its record's fact index
  bool identifies = false;           // carried to the output, e.g. siren
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
};

struct ValueInfo {
  std::string name, label;
  Type type;
  InstrId root = kNoInstr;
};

struct ConditionPlan {
  std::string label, source;
  std::vector<std::string> open_points;
  InstrId when = kNoInstr;
};

struct OptionPlan {
  std::string label, source;
  InstrId amount = kNoInstr;
};

struct AmountPlan {
  InstrId amount = kNoInstr;
  std::vector<OptionPlan> options;
  bool empty() const { return amount == kNoInstr && options.empty(); }
};

struct CasePlan {
  std::string id, label, source;
  std::vector<std::string> open_points;
  InstrId when = kNoInstr;  // none: always
  AmountPlan amount;
};

struct VersionPlan {
  Date from, to;  // inclusive
  bool whole_months = true;
  std::string label, source;
  std::optional<Date> deadline;

  bool Covers(Date d) const { return !(d < from) && !(to < d); }
  // "2020-11", "2020-06..2020-09" or "2021-01-28..2021-05-09".
  std::string Period() const;
  // "novembre 2020", "juin 2020 à septembre 2020", "du 28/01/2021 au 09/05/2021".
  std::string PeriodFrench() const;
  std::vector<ConditionPlan> require;
  std::vector<CasePlan> cases;
  AmountPlan amount;
  std::vector<std::string> open_points;
};

struct MeasurePlan {
  std::string id, title, issuer, kind, per, apply;
  std::string territory;
  InstrId territory_when = kNoInstr;
  std::vector<std::string> sources, open_points;
  std::vector<VersionPlan> versions;
};

struct Program {
  PackInfo info;
  std::vector<std::string> pack_directories;  // imports first, the pack itself last
  std::vector<Instr> code;
  std::vector<InstrId> kids;
  std::vector<ExprInfo> exprs;
  std::vector<std::vector<std::string>> enums;
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

  const Instr& at(InstrId id) const { return code[static_cast<std::size_t>(id)]; }
  InstrId kid(const Instr& instr, std::size_t i) const { return kids[instr.first_kid + i]; }
};

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_PROGRAM_HPP_
