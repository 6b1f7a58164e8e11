#include "explain/measure_result.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "eval/decision.hpp"
#include "ir/value_format.hpp"

namespace relief::internal {
namespace {

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

class Explainer {
 public:
  explicit Explainer(Evaluator& ev) : ev_(ev), p_(ev.program()) { ev_.StartCollecting(); }

  MeasureResult Evaluate(const MeasurePlan& m);

 private:
  std::string Detail(InstrId id);
  std::string Describe(InstrId id);
  std::string Label(InstrId id) const;
  std::string Format(InstrId id) { return FormatValue(p_, ev_.Eval(id), p_.at(id).type); }
  std::string Text(InstrId id) const;
  std::string Requirement(Code op, InstrId rhs);
  void UsedValues(InstrId id, std::vector<UsedValue>& out);
  std::vector<ConditionResult> Parts(InstrId id);
  void AddMissing(InstrId id);
  std::string ParamSource(std::int32_t param) const;
  std::string ErrorText(const Value& v) const;
  void Options(const AmountPlan& plan, const Decision& d, MeasureResult& r);
  bool IsNamed(InstrId id) const {
    Code c = p_.at(id).code;
    return c == Code::kFact || c == Code::kSeriesAt || c == Code::kValue || c == Code::kParam;
  }

  Evaluator& ev_;
  const Program& p_;
  std::set<MissingKey> missing_;
};

std::string Explainer::Text(InstrId id) const {
  const Instr& in = p_.at(id);
  const std::string& text = p_.exprs[in.expr].text;
  return text.substr(in.span.begin, in.span.end - in.span.begin);
}

std::string Explainer::Label(InstrId id) const {
  const Instr& in = p_.at(id);
  switch (in.code) {
    case Code::kFact:
    case Code::kSeriesAt: return p_.facts[in.arg].label;
    case Code::kValue: return p_.values[in.arg].label;
    case Code::kParam: return p_.parameters[in.arg].label;
    default: return Text(id);
  }
}

std::string Explainer::Describe(InstrId id) {
  const Instr& in = p_.at(id);
  switch (in.code) {
    case Code::kFact: return fmt::format("{} : {}", p_.facts[in.arg].label, Format(id));
    case Code::kSeriesAt: {
      Value index = ev_.Eval(p_.kid(in, 0));
      const FactInfo& f = p_.facts[in.arg];
      std::string period = index.known() ? PeriodFrench(f, index.period()) : Text(p_.kid(in, 0));
      return fmt::format("{} ({}) : {}", f.label, period, Format(id));
    }
    case Code::kValue: return fmt::format("{} : {}", p_.values[in.arg].label, Format(id));
    case Code::kParam: return fmt::format("{} : {}", p_.parameters[in.arg].label, Format(id));
    default: return fmt::format("{} : {}", Text(id), Format(id));
  }
}

std::string Explainer::Requirement(Code op, InstrId rhs) {
  const Type t = p_.at(rhs).type;
  // A named threshold shows its value, then what it is: "avant le
  // 01/01/2019 (date de création limite) requis".
  std::string v = Format(rhs);
  if (IsNamed(rhs)) v += " (" + Label(rhs) + ")";
  if (t.base == BaseType::kDate) {
    switch (op) {
      case Code::kLt: return "avant le " + v + " requis";
      case Code::kLe: return "au plus tard le " + v + " requis";
      case Code::kGt: return "après le " + v + " requis";
      case Code::kGe: return "à partir du " + v + " requis";
      default: break;
    }
  } else if (t.base == BaseType::kMonth) {
    switch (op) {
      case Code::kLt: return "avant " + v + " requis";
      case Code::kLe: return "au plus tard en " + v + " requis";
      case Code::kGt: return "après " + v + " requis";
      case Code::kGe: return "à partir de " + v + " requis";
      default: break;
    }
  }
  switch (op) {
    case Code::kLt: return "moins de " + v + " requis";
    case Code::kLe: return "au plus " + v + " requis";
    case Code::kGt: return "plus de " + v + " requis";
    case Code::kGe: return "au moins " + v + " requis";
    case Code::kEq: return "« " + v + " » requis";
    default: return "autre que « " + v + " » requis";
  }
}

Code Flip(Code op) {
  switch (op) {
    case Code::kLt: return Code::kGt;
    case Code::kLe: return Code::kGe;
    case Code::kGt: return Code::kLt;
    case Code::kGe: return Code::kLe;
    default: return op;
  }
}

// Why the condition `id` is not met (or not known): the values read and
// what the rule requires, e.g. "perte de chiffre d'affaires : 42 % ; au
// moins 50 % requis".
std::string Explainer::Detail(InstrId id) {
  const Instr& in = p_.at(id);
  const Value v = ev_.Eval(id);
  if (v.is_error()) return ErrorText(v);
  switch (in.code) {
    case Code::kAnd:
    case Code::kOr: {
      // A false "and" is explained by its false operands alone; an unknown
      // one (or any "or") by the operands that are not true.
      std::vector<std::string> parts;
      for (std::size_t i = 0; i < in.kid_count; ++i) {
        InstrId k = p_.kid(in, i);
        Value kv = ev_.Eval(k);
        bool relevant = in.code == Code::kAnd && v.is_false() ? kv.is_false() : !kv.is_true();
        if (relevant) parts.push_back(Detail(k));
      }
      return fmt::format("{}", fmt::join(parts, in.code == Code::kAnd ? " ; " : " ; ou "));
    }
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
      return Describe(a) + " ; " + Requirement(op, b);
    }
    case Code::kInList: {
      InstrId lhs = p_.kid(in, 0);
      const ListInfo& list = p_.lists[in.arg];
      if (v.unknown() && ev_.Eval(lhs).known()) {
        return fmt::format("{} : classement seulement « possible » dans la liste « {} », à confirmer", Describe(lhs), list.label);
      }
      return fmt::format("{} ; doit figurer dans la liste « {} »", Describe(lhs), list.label);
    }
    case Code::kInSet: {
      std::vector<std::string> items;
      for (std::size_t i = 1; i < in.kid_count; ++i) items.push_back(Format(p_.kid(in, i)));
      return fmt::format("{} ; doit être parmi {}", Describe(p_.kid(in, 0)), fmt::join(items, ", "));
    }
    case Code::kNot: {
      InstrId k = p_.kid(in, 0);
      const Instr& kin = p_.at(k);
      if (kin.code == Code::kInList) {
        return fmt::format("{} ; ne doit pas figurer dans la liste « {} »", Describe(p_.kid(kin, 0)), p_.lists[kin.arg].label);
      }
      if (IsNamed(k)) return Describe(k) + " ; « non » requis";
      return fmt::format("« {} » ne doit pas être vérifié", Text(k));
    }
    case Code::kFact:
    case Code::kSeriesAt:
    case Code::kValue:
    case Code::kParam:
      return Describe(id);
    default:
      return fmt::format("« {} » : {}", Text(id), Format(id));
  }
}

void Explainer::UsedValues(InstrId id, std::vector<UsedValue>& out) {
  const Instr& in = p_.at(id);
  if (IsNamed(id)) {
    std::string name, label;
    switch (in.code) {
      case Code::kFact: name = p_.facts[in.arg].name, label = p_.facts[in.arg].label; break;
      case Code::kValue: name = p_.values[in.arg].name, label = p_.values[in.arg].label; break;
      case Code::kParam: name = p_.parameters[in.arg].name, label = p_.parameters[in.arg].label; break;
      default: {
        const FactInfo& f = p_.facts[in.arg];
        Value index = ev_.Eval(p_.kid(in, 0));
        name = f.name + "[" + (index.known() ? PeriodText(f, index.period()) : Text(p_.kid(in, 0))) + "]";
        label = f.label;
      }
    }
    for (const UsedValue& u : out) {
      if (u.name == name) return;
    }
    out.push_back({name, label, Format(id), in.code == Code::kParam ? ParamSource(in.arg) : ""});
    if (in.code != Code::kSeriesAt) return;
  }
  for (std::size_t i = 0; i < in.kid_count; ++i) UsedValues(p_.kid(in, i), out);
}

// The operands of a top-level "and"/"or", recursively, as a tree.
std::vector<ConditionResult> Explainer::Parts(InstrId id) {
  std::vector<ConditionResult> parts;
  const Instr& in = p_.at(id);
  if (in.code != Code::kAnd && in.code != Code::kOr) return parts;
  for (std::size_t i = 0; i < in.kid_count; ++i) {
    InstrId k = p_.kid(in, i);
    Value v = ev_.Eval(k);
    ConditionResult part;
    part.label = part.expression = Text(k);
    part.outcome = OutcomeOf(v);
    if (!v.is_true()) part.detail = Detail(k);
    UsedValues(k, part.values);
    part.parts = Parts(k);
    parts.push_back(std::move(part));
  }
  return parts;
}

void Explainer::AddMissing(InstrId id) { ev_.CollectMissing(id, missing_); }

std::string Explainer::ParamSource(std::int32_t param) const {
  const ParamInfo& p = p_.parameters[param];
  std::string source;
  for (std::size_t i = 0; i < p.values.size(); ++i) {
    if (!(ev_.date() < p.values[i].first)) source = p.sources[i];
  }
  return source;
}

std::string Explainer::ErrorText(const Value& v) const {
  const Instr& in = p_.at(v.integer);
  const ExprInfo& e = p_.exprs[in.expr];
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

// Every option of the plan applied, with its amount and whether it won.
void Explainer::Options(const AmountPlan& plan, const Decision& d, MeasureResult& r) {
  for (std::size_t i = 0; i < plan.options.size(); ++i) {
    const OptionPlan& o = plan.options[i];
    Value v = ev_.EvalExpr(o.amount);
    if (v.unknown()) AddMissing(p_.root(o.amount));
    OptionResult option{o.label, o.source, std::nullopt, static_cast<std::int32_t>(i) == d.option_index};
    if (v.known()) option.amount = v.number;
    if (option.chosen) r.option = o.label;
    r.options.push_back(std::move(option));
  }
}

MeasureResult Explainer::Evaluate(const MeasurePlan& m) {
  const Decision d = Decide(ev_, m);
  MeasureResult r;
  r.id = m.id;
  r.title = m.title;
  r.issuer = m.issuer;
  r.kind = m.kind;
  r.per = m.per;
  r.territory = m.territory;
  r.apply = m.apply;
  r.sources = m.sources;
  r.open_points = m.open_points;
  r.status = d.status;
  const VersionPlan* version = d.version;
  if (version == nullptr) {
    Reason out{ReasonCode::kOutOfPeriod, {ev_.month().ToString(), ev_.date().ToString()}};
    for (const VersionPlan& v : m.versions) out.operands.push_back(v.Period());
    r.reasons.push_back(std::move(out));
    return r;
  }
  r.version = version->Period();
  if (!version->label.empty()) r.version += " — " + version->label;
  r.deadline = version->deadline;
  if (!version->source.empty()) r.sources.push_back(version->source);
  r.open_points.insert(r.open_points.end(), version->open_points.begin(), version->open_points.end());
  if (d.out_of_territory) {
    r.reasons.push_back({ReasonCode::kOutOfTerritory, {m.territory, Detail(p_.root(m.territory_when))}});
    return r;
  }

  // Requirements, all shown so that the advisor sees each of them.
  for (const ConditionPlan& c : version->require) {
    const InstrId when = p_.root(c.when);
    Value v = ev_.Eval(when);
    ConditionResult cr{c.label, c.source, OutcomeOf(v), "", Text(when), {}, c.open_points, Parts(when)};
    UsedValues(when, cr.values);
    if (!v.is_true()) cr.detail = Detail(when);
    r.conditions.push_back(std::move(cr));
  }
  // Cases, in order, up to the first that holds.
  for (std::size_t i = 0; i < version->cases.size(); ++i) {
    const CasePlan& c = version->cases[i];
    Value v = c.when == kNoExpr ? Value::Bool(true) : ev_.EvalExpr(c.when);
    CaseResult cr{c.id, c.label, c.source, OutcomeOf(v), "", static_cast<std::int32_t>(i) == d.case_index};
    if (!v.is_true() && c.when != kNoExpr) cr.detail = Detail(p_.root(c.when));
    r.cases.push_back(std::move(cr));
    if (v.is_true()) break;
  }
  // The facts that could change the outcome: those on the unknown paths of
  // the territory, the requirements and the cases tried.
  if (r.status == Status::kEligible || r.status == Status::kUndetermined) {
    if (d.territory.unknown()) AddMissing(p_.root(m.territory_when));
    for (const ConditionPlan& c : version->require) {
      if (ev_.EvalExpr(c.when).unknown()) AddMissing(p_.root(c.when));
    }
    for (const CasePlan& c : version->cases) {
      if (c.when == kNoExpr) break;
      Value v = ev_.EvalExpr(c.when);
      if (v.unknown()) AddMissing(p_.root(c.when));
      if (v.is_true()) break;
    }
  }
  const CasePlan* chosen = d.case_index >= 0 ? &version->cases[d.case_index] : nullptr;
  if (chosen) {
    r.case_id = chosen->id;
    r.case_label = chosen->label;
    if (!chosen->source.empty()) r.sources.push_back(chosen->source);
    r.open_points.insert(r.open_points.end(), chosen->open_points.begin(), chosen->open_points.end());
  }
  const AmountPlan* amount_plan = d.amount_plan;
  if (amount_plan != nullptr) {
    if (amount_plan->amount != kNoExpr && ev_.EvalExpr(amount_plan->amount).unknown()) {
      AddMissing(p_.root(amount_plan->amount));
    }
    Options(*amount_plan, d, r);
    ExprId formula = amount_plan->amount != kNoExpr ? amount_plan->amount
                     : d.option_index >= 0          ? amount_plan->options[d.option_index].amount
                                                    : kNoExpr;
    if (formula != kNoExpr) {
      r.amount_formula = Text(p_.root(formula));
      UsedValues(p_.root(formula), r.amount_values);
    }
  }
  r.amount = d.amount;
  if (d.error.is_error()) r.error = ErrorText(d.error);
  if (d.rounding_overflow) r.error = "dépassement de capacité en arrondissant le montant au centime";

  // Reasons, in French.
  switch (r.status) {
    case Status::kEligible:
      if (chosen) r.reasons.push_back({ReasonCode::kCaseChosen, {chosen->label}});
      if (!chosen && !version->cases.empty())
        r.reasons.push_back({ReasonCode::kCaseUndecided, {}});
      if (!r.option.empty()) r.reasons.push_back({ReasonCode::kBestOption, {r.option}});
      for (const ConditionResult& c : r.conditions) r.reasons.push_back({ReasonCode::kConditionMet, {c.label}});
      if (!r.amount && amount_plan != nullptr && !amount_plan->empty())
        r.reasons.push_back({ReasonCode::kAmountNeedsFacts, {}});
      if (amount_plan != nullptr && amount_plan->empty())
        r.reasons.push_back({ReasonCode::kAmountByAdvisor, {}});
      break;
    case Status::kIneligible:
      for (const ConditionResult& c : r.conditions) {
        if (c.outcome == Outcome::kUnmet) r.reasons.push_back({ReasonCode::kConditionUnmet, {c.label, c.detail}});
      }
      if (std::none_of(r.conditions.begin(), r.conditions.end(),
                       [](const ConditionResult& c) { return c.outcome == Outcome::kUnmet; })) {
        for (const CaseResult& c : r.cases) {
          r.reasons.push_back({ReasonCode::kCaseNotApplicable, {c.label, c.detail}});
        }
      }
      break;
    case Status::kUndetermined:
      if (d.territory.unknown()) {
        r.reasons.push_back({ReasonCode::kTerritoryToVerify, {m.territory, Detail(p_.root(m.territory_when))}});
      }
      for (const ConditionResult& c : r.conditions) {
        if (c.outcome == Outcome::kUnknown) r.reasons.push_back({ReasonCode::kToVerify, {c.label, c.detail}});
      }
      for (const CaseResult& c : r.cases) {
        if (c.outcome == Outcome::kUnknown) r.reasons.push_back({ReasonCode::kToVerify, {c.label, c.detail}});
      }
      break;
    case Status::kError:
      r.reasons.push_back({ReasonCode::kRuleError, {r.error}});
      break;
    case Status::kNotApplicable:
      break;
  }

  for (const MissingKey& k : missing_) {
    const FactInfo& f = p_.facts[k.fact];
    MissingFact mf{f.name, k.has_period ? PeriodText(f, k.period) : "", f.label, f.question};
    if (k.has_period) mf.question += " (" + PeriodFrench(f, k.period) + ")";
    r.missing.push_back(std::move(mf));
  }
  return r;
}

}  // namespace

MeasureResult EvaluateMeasure(Evaluator& evaluator, const MeasurePlan& measure) {
  return Explainer(evaluator).Evaluate(measure);
}

Evaluation EvaluateAll(const Program& program, const ProfileData& profile, Date date) {
  Evaluation result;
  result.pack = program.info;
  result.date = date;
  result.month = date.month_of();
  for (const FactInfo& f : program.facts) {
    if (f.identifies && profile.scalars[f.slot].kind == Value::Kind::kString) {
      result.firm.emplace_back(f.name, std::string(profile.scalars[f.slot].text));
    }
  }
  Evaluator evaluator(program);
  evaluator.Reset(profile, date);
  for (const MeasurePlan& m : program.measures) result.measures.push_back(EvaluateMeasure(evaluator, m));
  result.questions = RankQuestions(result.measures);
  return result;
}

std::vector<MissingFact> RankQuestions(const std::vector<MeasureResult>& results) {
  std::vector<MissingFact> order;
  std::map<std::string, int> counts;
  for (const MeasureResult& r : results) {
    for (const MissingFact& m : r.missing) {
      if (counts[m.Key()]++ == 0) order.push_back(m);
    }
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const MissingFact& a, const MissingFact& b) { return counts[a.Key()] > counts[b.Key()]; });
  return order;
}

}  // namespace relief::internal
