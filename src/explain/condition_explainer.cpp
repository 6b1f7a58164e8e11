// How one compiled expression is explained to an advisor: its text, the
// values it read, and why a condition is not met.
#include "explain/condition_explainer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "ir/value_format.hpp"

namespace relief::internal {

Outcome OutcomeOf(const Value& v) {
  if (v.is_error()) return Outcome::kError;
  if (v.unknown()) return Outcome::kUnknown;
  return v.boolean ? Outcome::kMet : Outcome::kUnmet;
}

std::string PeriodText(const FactInfo& fact, std::int32_t period) {
  return fact.type.series == SeriesKind::kMonthly ? Month::FromIndex(period).ToString() : std::to_string(period);
}

std::string PeriodFrench(const FactInfo& fact, std::int32_t period) {
  return fact.type.series == SeriesKind::kMonthly ? Month::FromIndex(period).ToFrench() : std::to_string(period);
}

namespace {

Code Flip(Code op) {
  switch (op) {
    case Code::kLt:
      return Code::kGt;
    case Code::kLe:
      return Code::kGe;
    case Code::kGt:
      return Code::kLt;
    case Code::kGe:
      return Code::kLe;
    default:
      return op;
  }
}

}  // namespace

std::string ConditionExplainer::Format(InstrId id) { return FormatValue(p_, ev_.Eval(id), p_.at(id).type); }

bool ConditionExplainer::IsNamed(InstrId id) const {
  Code c = p_.at(id).code;
  return c == Code::kFact || c == Code::kSeriesAt || c == Code::kValue || c == Code::kParam;
}

relief::Text ConditionExplainer::Text(InstrId id) const { return Share(p_.SourceText(id)); }

namespace {

// What a comparison's detail appends after a description (" ; au moins
// 50 % requis"), reserved with it so that the detail is one allocation.
constexpr std::size_t kRequirementReserve = 64;

// "label : value", built in place (a detail has one per value read).
std::string Labelled(std::string_view label, const std::string& value) {
  std::string out;
  out.reserve(label.size() + 3 + value.size() + kRequirementReserve);
  out += label;
  out += " : ";
  out += value;
  return out;
}

}  // namespace

std::string ConditionExplainer::Describe(InstrId id) {
  const Instr& in = p_.at(id);
  switch (in.code) {
    case Code::kFact:
      return Labelled(p_.facts[in.arg].label, Format(id));
    case Code::kSeriesAt: {
      Value index = ev_.Eval(p_.kid(in, 0));
      const FactInfo& f = p_.facts[in.arg];
      std::string period = index.known() ? PeriodFrench(f, index.period()) : Words(p_.kid(in, 0));
      return fmt::format("{} ({}) : {}", f.label, period, Format(id));
    }
    case Code::kValue:
      return Labelled(p_.values[in.arg].label, Format(id));
    case Code::kParam:
      return Labelled(p_.parameters[in.arg].label, Format(id));
    default:  // in words, never the expression's text: French text shows no internal names
      return Labelled(Words(id), Format(id));
  }
}

namespace {

// What a comparison with `op` requires, around the threshold's value: "au
// moins " … " requis". Dates and months read as moments ("avant le …").
std::pair<const char*, const char*> RequirementWords(Code op, BaseType base) {
  if (base == BaseType::kDate) {
    switch (op) {
      case Code::kLt:
        return {"avant le ", " requis"};
      case Code::kLe:
        return {"au plus tard le ", " requis"};
      case Code::kGt:
        return {"après le ", " requis"};
      case Code::kGe:
        return {"à partir du ", " requis"};
      default:
        break;
    }
  } else if (base == BaseType::kMonth) {
    switch (op) {
      case Code::kLt:
        return {"avant ", " requis"};
      case Code::kLe:
        return {"au plus tard en ", " requis"};
      case Code::kGt:
        return {"après ", " requis"};
      case Code::kGe:
        return {"à partir de ", " requis"};
      default:
        break;
    }
  }
  switch (op) {
    case Code::kLt:
      return {"moins de ", " requis"};
    case Code::kLe:
      return {"au plus ", " requis"};
    case Code::kGt:
      return {"plus de ", " requis"};
    case Code::kGe:
      return {"au moins ", " requis"};
    case Code::kEq:
      return {"« ", " » requis"};
    default:
      return {"autre que « ", " » requis"};
  }
}

}  // namespace

// Appends what the rule requires of the other side of a comparison. A named
// threshold shows its value, then what it is: "avant le 01/01/2019 (date de
// création limite) requis".
void ConditionExplainer::AppendRequirement(std::string& out, Code op, InstrId rhs) {
  const auto [before, after] = RequirementWords(op, p_.at(rhs).type.base);
  out += before;
  out += Format(rhs);
  if (IsNamed(rhs)) {
    out += " (";
    out += LabelOrName(rhs);
    out += ')';
  }
  out += after;
}

// Why the condition `id` is not met (or not known): the values read and
// what the rule requires, e.g. "perte de chiffre d'affaires : 42 % ; au
// moins 50 % requis".
std::string ConditionExplainer::Detail(InstrId id) {
  const Instr& in = p_.at(id);
  const Value v = ev_.Eval(id);
  if (v.is_error()) return ErrorText(v);
  switch (in.code) {
    case Code::kAnd:
    case Code::kOr:
      return LogicDetail(in, v);
    case Code::kLt:
    case Code::kLe:
    case Code::kGt:
    case Code::kGe:
    case Code::kEq:
    case Code::kNe: {
      InstrId a = p_.kid(in, 0), b = p_.kid(in, 1);
      Code op = in.code;
      if (!IsNamed(a) && IsNamed(b)) {
        std::swap(a, b);
        op = Flip(op);
      }
      std::string out = Describe(a);
      out += " ; ";
      AppendRequirement(out, op, b);
      return out;
    }
    case Code::kInList:
    case Code::kInSet:
    case Code::kNot:
      return MembershipDetail(in, v);
    case Code::kFact:
    case Code::kSeriesAt:
    case Code::kValue:
    case Code::kParam:
      return Describe(id);
    default:
      // In words with the labels, never the pack's identifiers (« code NAF
      // commence par "56" », not « starts_with(naf, "56") »).
      return fmt::format("« {} » : {}", Words(id), Format(id));
  }
}

// A false "and" is explained by its false operands alone; an unknown one
// (or any "or") by the operands that are not true. `detail_of(i)` is the
// detail of operand i.
template <typename DetailOf>
std::string ConditionExplainer::JoinDetails(const Instr& in, const Value& v, DetailOf detail_of) {
  std::string out;
  out.reserve(256);  // the details of two or three operands, without growing
  const char* separator = in.code == Code::kAnd ? " ; " : " ; ou ";
  bool first = true;
  for (std::size_t i = 0; i < in.kid_count; ++i) {
    Value kv = ev_.Eval(p_.kid(in, i));
    bool relevant = in.code == Code::kAnd && v.is_false() ? kv.is_false() : !kv.is_true();
    if (!relevant) continue;
    if (!first) out += separator;
    out += detail_of(i);
    first = false;
  }
  return out;
}

std::string ConditionExplainer::LogicDetail(const Instr& in, const Value& v) {
  return JoinDetails(in, v, [&](std::size_t i) { return Detail(p_.kid(in, i)); });
}

// x in list, x in [a, b], not …: what the value is and where it must (not)
// be.
std::string ConditionExplainer::MembershipDetail(const Instr& in, const Value& v) {
  if (in.code == Code::kInList) {
    InstrId lhs = p_.kid(in, 0);
    const ListInfo& list = p_.lists[in.arg];
    if (v.unknown() && ev_.Eval(lhs).known()) {
      return fmt::format("{} : classement seulement « possible » dans la liste « {} », à confirmer", Describe(lhs),
                         list.label);
    }
    return fmt::format("{} ; doit figurer dans la liste « {} »", Describe(lhs), list.label);
  }
  if (in.code == Code::kInSet) {
    std::vector<std::string> items;
    for (std::size_t i = 1; i < in.kid_count; ++i) items.push_back(Format(p_.kid(in, i)));
    return fmt::format("{} ; doit être parmi {}", Describe(p_.kid(in, 0)), fmt::join(items, ", "));
  }
  InstrId k = p_.kid(in, 0);  // not k
  const Instr& kin = p_.at(k);
  if (kin.code == Code::kInList) {
    return fmt::format("{} ; ne doit pas figurer dans la liste « {} »", Describe(p_.kid(kin, 0)),
                       p_.lists[kin.arg].label);
  }
  if (IsNamed(k)) return Describe(k) + " ; « non » requis";
  return fmt::format("« {} » ne doit pas être vérifié", Words(k));
}

std::string ConditionExplainer::ErrorText(const Value& v) const { return internal::ErrorText(p_, v); }

std::string ErrorText(const Program& program, const Value& v) {
  const Instr& in = program.at(v.integer);
  const ExprInfo& e = program.exprs[in.expr];
  const char* what = v.error == ErrorCode::kDivisionByZero     ? "division par zéro"
                     : v.error == ErrorCode::kNoParameterValue ? "paramètre sans valeur à cette date"
                     : v.error == ErrorCode::kDateOutOfRange   ? "date hors des années 1 à 9999"
                                                               : "dépassement de capacité";
  int column = e.location.column;
  if (e.offsets_exact) {
    for (std::size_t i = 0; i < in.span.begin && i < e.text.size(); ++i) {
      column += (static_cast<unsigned char>(e.text[i]) & 0xC0) != 0x80;
    }
  }
  return fmt::format("{} dans « {} » ({}:{}:{})", what, e.text.substr(in.span.begin, in.span.end - in.span.begin),
                     e.location.file, e.location.line, column);
}

}  // namespace relief::internal
