#include <nlohmann/json.hpp>

#include "relief/report.hpp"

namespace relief {
namespace {

using Json = nlohmann::ordered_json;

Json MissingJson(const std::vector<MissingFact>& missing) {
  Json out = Json::array();
  for (const MissingFact& m : missing) {
    Json j = {{"fact", m.fact}};
    if (!m.period.empty()) j["period"] = m.period;
    j["key"] = m.Key();
    j["label"] = m.label;
    j["question"] = m.question;
    out.push_back(std::move(j));
  }
  return out;
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json ValuesJson(const std::vector<UsedValue>& used) {
  Json values = Json::array();
  for (const UsedValue& v : used) {
    Json value = {{"name", v.name}, {"label", v.label}, {"value", v.value}};
    if (!v.source.empty()) value["source"] = v.source;
    values.push_back(std::move(value));
  }
  return values;
}

Json ConditionsJson(const std::vector<ConditionResult>& conditions) {
  Json out = Json::array();
  for (const ConditionResult& c : conditions) {
    Json values = ValuesJson(c.values);
    Json j = {{"label", c.label},
              {"outcome", OutcomeName(c.outcome)},
              {"detail", OrNull(c.detail)},
              {"expression", c.expression},
              {"source", OrNull(c.source)},
              {"values", std::move(values)},
              {"open_points", c.open_points}};
    if (!c.parts.empty()) j["parts"] = ConditionsJson(c.parts);
    out.push_back(std::move(j));
  }
  return out;
}

Json MeasureJson(const MeasureResult& r) {
  Json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["kind"] = MeasureKindName(r.kind);
  j["issuer"] = r.issuer;
  j["per"] = AmountPeriodName(r.per);
  j["territory"] = r.territory;
  j["status"] = StatusName(r.status);
  j["amount"] = r.amount ? Json(r.amount->ToFixed(2)) : Json(nullptr);
  j["version"] = OrNull(r.version);
  j["deadline"] = r.deadline ? Json(r.deadline->ToString()) : Json(nullptr);
  j["case"] = OrNull(r.case_id);
  j["case_label"] = OrNull(r.case_label);
  j["option"] = OrNull(r.option);
  if (!r.amount_formula.empty()) {
    j["computation"] = {
        {"formula", r.amount_formula}, {"words", r.amount_formula_words}, {"values", ValuesJson(r.amount_values)}};
  }
  j["reasons"] = ReasonTexts(r);
  nlohmann::json codes = nlohmann::json::array();
  for (const Reason& reason : r.reasons) {
    codes.push_back({{"code", ReasonCodeName(reason.code)}, {"operands", reason.operands}});
  }
  j["reason_codes"] = codes;
  j["missing"] = MissingJson(r.missing);
  j["sources"] = r.sources;
  j["measure_sources"] = r.measure_sources;
  j["open_points"] = r.open_points;
  j["conditions"] = ConditionsJson(r.conditions);
  Json cases = Json::array();
  for (const CaseResult& c : r.cases) {
    cases.push_back({{"id", c.id},
                     {"label", c.label},
                     {"outcome", OutcomeName(c.outcome)},
                     {"chosen", c.chosen},
                     {"detail", OrNull(c.detail)},
                     {"source", OrNull(c.source)}});
  }
  j["cases"] = std::move(cases);
  Json options = Json::array();
  for (const OptionResult& o : r.options) {
    options.push_back({{"label", o.label},
                       {"amount", o.amount ? Json(o.amount->ToFixed(2)) : Json(nullptr)},
                       {"chosen", o.chosen},
                       {"source", OrNull(o.source)}});
  }
  j["options"] = std::move(options);
  j["apply"] = r.apply;
  j["error"] = OrNull(r.error);
  return j;
}

}  // namespace

std::string ToJson(const Evaluation& e, int indent) {
  Json j;
  j["pack"] = {{"name", e.pack.name}, {"version", e.pack.version}, {"digest", e.pack.digest}};
  Json firm = Json::object();
  for (const auto& [name, value] : e.firm) firm[name] = value;
  j["firm"] = std::move(firm);
  j["date"] = e.date.ToString();
  j["month"] = e.month.ToString();
  Json measures = Json::array();
  for (const MeasureResult& r : e.measures) measures.push_back(MeasureJson(r));
  j["measures"] = std::move(measures);
  j["questions"] = MissingJson(e.questions);
  // Profiles are checked to be UTF-8; replacing bad bytes is a last resort.
  return j.dump(indent, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace relief
