// ToJson: the whole evaluation for programs, written member by member
// (core/json_writer.hpp) in the order of the documented schema.
#include "core/json_writer.hpp"
#include "relief/report.hpp"

namespace relief {
namespace {

using internal::JsonWriter;

template <class Texts>
void TextsMember(JsonWriter& w, std::string_view name, const Texts& texts) {
  w.Key(name);
  w.BeginArray();
  for (const auto& text : texts) w.String(text);
  w.EndArray();
}

void MissingMember(JsonWriter& w, std::string_view name, const std::vector<MissingFact>& missing) {
  w.Key(name);
  w.BeginArray();
  for (const MissingFact& m : missing) {
    w.BeginObject();
    w.Member("fact", m.fact);
    if (!m.period.empty()) w.Member("period", m.period);
    w.Member("key", m.Key());
    w.Member("label", m.label);
    w.Member("question", m.question);
    w.EndObject();
  }
  w.EndArray();
}

void ValuesMember(JsonWriter& w, const std::vector<UsedValue>& used) {
  w.Key("values");
  w.BeginArray();
  for (const UsedValue& v : used) {
    w.BeginObject();
    w.Member("name", v.name);
    w.Member("label", v.label);
    w.Member("value", v.value);
    if (!v.source.empty()) w.Member("source", v.source);
    w.EndObject();
  }
  w.EndArray();
}

void ConditionsMember(JsonWriter& w, std::string_view name, const std::vector<ConditionResult>& conditions) {
  w.Key(name);
  w.BeginArray();
  for (const ConditionResult& c : conditions) {
    w.BeginObject();
    w.Member("label", c.label);
    w.Member("outcome", OutcomeName(c.outcome));
    w.MemberOrNull("detail", c.detail);
    w.Member("expression", c.expression);
    w.MemberOrNull("source", c.source);
    ValuesMember(w, c.values);
    TextsMember(w, "open_points", c.open_points);
    if (!c.parts.empty()) ConditionsMember(w, "parts", c.parts);
    w.EndObject();
  }
  w.EndArray();
}

void ComputationMember(JsonWriter& w, const MeasureResult& r) {
  w.Key("computation");
  w.BeginObject();
  w.Member("formula", r.amount_formula);
  w.Member("words", r.amount_formula_words);
  ValuesMember(w, r.amount_values);
  w.EndObject();
}

void ReasonsMembers(JsonWriter& w, const MeasureResult& r) {
  TextsMember(w, "reasons", ReasonTexts(r));
  w.Key("reason_codes");
  w.BeginArray();
  for (const Reason& reason : r.reasons) {
    w.BeginObject();
    w.Member("code", ReasonCodeName(reason.code));
    TextsMember(w, "operands", reason.operands);
    w.EndObject();
  }
  w.EndArray();
}

void CasesMember(JsonWriter& w, const std::vector<CaseResult>& cases) {
  w.Key("cases");
  w.BeginArray();
  for (const CaseResult& c : cases) {
    w.BeginObject();
    w.Member("id", c.id);
    w.Member("label", c.label);
    w.Member("outcome", OutcomeName(c.outcome));
    w.Key("chosen");
    w.Bool(c.chosen);
    w.MemberOrNull("detail", c.detail);
    w.MemberOrNull("source", c.source);
    w.EndObject();
  }
  w.EndArray();
}

void OptionsMember(JsonWriter& w, const std::vector<OptionResult>& options) {
  w.Key("options");
  w.BeginArray();
  for (const OptionResult& o : options) {
    w.BeginObject();
    w.Member("label", o.label);
    w.AmountMember("amount", o.amount);
    w.Key("chosen");
    w.Bool(o.chosen);
    w.MemberOrNull("source", o.source);
    w.EndObject();
  }
  w.EndArray();
}

void MeasureJson(JsonWriter& w, const MeasureResult& r) {
  w.BeginObject();
  w.Member("id", r.id);
  w.Member("title", r.title);
  w.Member("kind", MeasureKindName(r.kind));
  w.Member("issuer", r.issuer);
  w.Member("per", AmountPeriodName(r.per));
  w.Member("territory", r.territory);
  w.Member("status", StatusName(r.status));
  w.AmountMember("amount", r.amount);
  w.MemberOrNull("version", r.version);
  w.MemberOrNull("deadline", r.deadline ? r.deadline->ToString() : std::string());
  w.MemberOrNull("case", r.case_id);
  w.MemberOrNull("case_label", r.case_label);
  w.MemberOrNull("option", r.option);
  if (!r.amount_formula.empty()) ComputationMember(w, r);
  ReasonsMembers(w, r);
  MissingMember(w, "missing", r.missing);
  TextsMember(w, "sources", r.sources);
  TextsMember(w, "measure_sources", r.measure_sources);
  TextsMember(w, "open_points", r.open_points);
  ConditionsMember(w, "conditions", r.conditions);
  CasesMember(w, r.cases);
  OptionsMember(w, r.options);
  w.Member("apply", r.apply);
  w.MemberOrNull("error", r.error);
  w.EndObject();
}

}  // namespace

std::string ToJson(const Evaluation& e, int indent) {
  std::string out;
  JsonWriter w(out, indent);
  w.BeginObject();
  w.Key("pack");
  w.BeginObject();
  w.Member("name", e.pack.name);
  w.Member("version", e.pack.version);
  w.Member("digest", e.pack.digest);
  w.EndObject();
  w.Key("firm");
  w.BeginObject();
  for (const auto& [name, value] : e.firm) w.Member(name, value);
  w.EndObject();
  w.Member("date", e.date.ToString());
  w.Member("month", e.month.ToString());
  w.Key("measures");
  w.BeginArray();
  for (const MeasureResult& r : e.measures) MeasureJson(w, r);
  w.EndArray();
  MissingMember(w, "questions", e.questions);
  w.EndObject();
  return out += '\n';
}

}  // namespace relief
