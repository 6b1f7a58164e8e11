// RulePack::Facts() and Measures(): the declarations, for forms and bindings.
#include "relief/introspection.hpp"

#include "api/access.hpp"
#include "ir/types.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

// A bound as a profile would write it.
std::string BoundText(const std::optional<internal::Value>& bound) {
  if (!bound) return {};
  using Kind = internal::Value::Kind;
  switch (bound->kind) {
    case Kind::kNumber:
      return bound->number.ToString(12);
    case Kind::kDate:
      return bound->date().ToString();
    case Kind::kMonth:
      return bound->month().ToString();
    default:
      return {};
  }
}

FactDescription Describe(const internal::Program& p, const internal::FactInfo& f) {
  FactDescription d;
  d.name = f.name;
  d.base = std::string(internal::BaseTypeName(f.type.base));
  d.series = f.type.series == internal::SeriesKind::kMonthly  ? "monthly"
             : f.type.series == internal::SeriesKind::kYearly ? "yearly"
                                                              : "";
  d.type = d.series.empty() ? d.base : d.series + " " + d.base;
  d.label = f.label;
  d.question = f.question;
  d.source = f.source;
  d.unit = f.type.base == internal::BaseType::kMoney ? "€" : f.type.base == internal::BaseType::kPercentage ? "%" : "";
  if (f.type.base == internal::BaseType::kEnum) d.allowed_values = p.enums[f.type.id];
  if (f.in_list >= 0) d.list = p.lists[f.in_list].name;
  d.pattern = f.pattern ? f.pattern->text() : "";
  d.min = BoundText(f.min);
  d.max = BoundText(f.max);
  for (std::int32_t field : f.fields) d.fields.push_back(p.facts[field].name.substr(f.name.size() + 1));
  d.identifies = f.identifies;
  return d;
}

}  // namespace

std::vector<FactDescription> RulePack::Facts() const {
  std::vector<FactDescription> out;
  for (const internal::FactInfo& f : program_->facts) out.push_back(Describe(*program_, f));
  return out;
}

std::vector<MeasureDescription> RulePack::Measures() const {
  std::vector<MeasureDescription> out;
  for (const internal::MeasurePlan& m : program_->measures) {
    out.push_back({m.id, m.title, m.issuer, m.kind, m.per, m.territory, m.sources});
  }
  return out;
}

}  // namespace relief
