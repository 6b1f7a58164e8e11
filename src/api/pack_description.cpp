// RulePack::Description(): every declaration of the pack in detail, with each
// expression both as written and in French words, for the HTML catalogue.
// No profile is read: the words are those of the rules, not of a firm.
#include "api/access.hpp"
#include "explain/condition_explainer.hpp"
#include "ir/value_format.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

using internal::ExprId;
using internal::kNoExpr;

class Describer {
 public:
  explicit Describer(const internal::Program& p)
      : p_(p), ev_(p), words_(ev_, internal::ConditionExplainer::WordsOnly{}) {}

  ExpressionDescription Expression(ExprId expr) {
    const internal::InstrId root = p_.root(expr);
    return {p_.exprs[expr].text, words_.Words(root)};
  }
  std::optional<ExpressionDescription> Optional(ExprId expr) {
    return expr == kNoExpr ? std::nullopt : std::optional(Expression(expr));
  }

  std::vector<OpenPointDescription> OpenPoints(const std::vector<internal::OpenPointPlan>& points) {
    std::vector<OpenPointDescription> out;
    out.reserve(points.size());
    for (const internal::OpenPointPlan& p : points) out.push_back({p.text, Optional(p.when)});
    return out;
  }

  AmountDescription Amount(const internal::AmountPlan& a) {
    AmountDescription d{Optional(a.amount), {}};
    for (const internal::OptionPlan& o : a.options) d.options.push_back({o.label, o.source, Expression(o.amount)});
    return d;
  }

  VersionDescription Version(const internal::VersionPlan& v) {
    VersionDescription d{v.from,     v.to, v.Period(), v.label,          v.source,
                         v.deadline, {},   {},         Amount(v.amount), OpenPoints(v.open_points)};
    for (const internal::ConditionPlan& c : v.require) {
      d.conditions.push_back({c.label, c.source, Expression(c.when), OpenPoints(c.open_points)});
    }
    for (const internal::CasePlan& c : v.cases) {
      d.cases.push_back({c.id, c.label, c.source, Optional(c.when), Amount(c.amount), OpenPoints(c.open_points)});
    }
    return d;
  }

  MeasureDetail Measure(const internal::MeasurePlan& m) {
    MeasureDetail d{{m.id, m.title, m.issuer, m.kind, m.per, m.territory, m.sources},
                    m.apply,
                    Optional(m.territory_when),
                    OpenPoints(m.open_points),
                    {}};
    for (const internal::VersionPlan& v : m.versions) d.versions.push_back(Version(v));
    return d;
  }

  ValueDescription Value(const internal::ValueInfo& v) {
    return {v.name, v.label, internal::TypeName(v.type, p_.enums), Unit(v.type), Expression(v.formula)};
  }

  ParameterDescription Parameter(const internal::ParamInfo& param) const {
    ParameterDescription d{param.name,       param.label, internal::TypeName(param.type, p_.enums),
                           Unit(param.type), {},          param.sources};
    for (const auto& [from, value] : param.values) {
      d.values.emplace_back(from, internal::FormatValue(p_, value, param.type));
    }
    return d;
  }

  static ListDescription List(const internal::ListInfo& list) {
    ListDescription d{list.name, list.label, list.source, {}};
    for (const auto& [code, item] : list.items) d.items.push_back({code, item.value, item.possible});
    return d;
  }

 private:
  static std::string Unit(internal::Type t) {
    return t.base == internal::BaseType::kMoney ? "€" : t.base == internal::BaseType::kPercentage ? "%" : "";
  }

  const internal::Program& p_;
  internal::Evaluator ev_;  // never run: the explainer needs one to exist
  internal::ConditionExplainer words_;
};

}  // namespace

PackDescription RulePack::Description() const {
  const internal::Program& p = *program_;
  Describer describe(p);
  PackDescription d{p.info, Facts(), {}, {}, {}, {}};
  for (const internal::MeasurePlan& m : p.measures) d.measures.push_back(describe.Measure(m));
  for (const internal::ParamInfo& param : p.parameters) d.parameters.push_back(describe.Parameter(param));
  for (const internal::ValueInfo& v : p.values) d.values.push_back(describe.Value(v));
  for (const internal::ListInfo& list : p.lists) d.lists.push_back(Describer::List(list));
  return d;
}

}  // namespace relief
