// ToJson: the whole evaluation for programs, written member by member
// (core/json_writer.hpp) in the order of the documented schema.
#include "core/json_writer.hpp"
#include "relief/report.hpp"

namespace relief {
namespace {

using internal::JsonWriter;

void Member(JsonWriter& w, std::string_view name, std::string_view text) {
  w.Key(name);
  w.String(text);
}

void MemberOrNull(JsonWriter& w, std::string_view name, std::string_view text) {
  w.Key(name);
  w.StringOrNull(text);
}

void AmountMember(JsonWriter& w, std::string_view name, const std::optional<Decimal>& amount) {
  w.Key(name);
  amount ? w.String(amount->ToFixed(2)) : w.Null();
}

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
    Member(w, "fact", m.fact);
    if (!m.period.empty()) Member(w, "period", m.period);
    Member(w, "key", m.Key());
    Member(w, "label", m.label);
    Member(w, "question", m.question);
    w.EndObject();
  }
  w.EndArray();
}

void ValuesMember(JsonWriter& w, const std::vector<UsedValue>& used) {
  w.Key("values");
  w.BeginArray();
  for (const UsedValue& v : used) {
    w.BeginObject();
    Member(w, "name", v.name);
    Member(w, "label", v.label);
    Member(w, "value", v.value);
    if (!v.source.empty()) Member(w, "source", v.source);
    w.EndObject();
  }
  w.EndArray();
}

void ConditionsMember(JsonWriter& w, std::string_view name, const std::vector<ConditionResult>& conditions) {
  w.Key(name);
  w.BeginArray();
  for (const ConditionResult& c : conditions) {
    w.BeginObject();
    Member(w, "label", c.label);
    Member(w, "outcome", OutcomeName(c.outcome));
    MemberOrNull(w, "detail", c.detail);
    Member(w, "expression", c.expression);
    MemberOrNull(w, "source", c.source);
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
  Member(w, "formula", r.amount_formula);
  Member(w, "words", r.amount_formula_words);
  ValuesMember(w, r.amount_values);
  w.EndObject();
}

void ReasonsMembers(JsonWriter& w, const MeasureResult& r) {
  TextsMember(w, "reasons", ReasonTexts(r));
  w.Key("reason_codes");
  w.BeginArray();
  for (const Reason& reason : r.reasons) {
    w.BeginObject();
    Member(w, "code", ReasonCodeName(reason.code));
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
    Member(w, "id", c.id);
    Member(w, "label", c.label);
    Member(w, "outcome", OutcomeName(c.outcome));
    w.Key("chosen");
    w.Bool(c.chosen);
    MemberOrNull(w, "detail", c.detail);
    MemberOrNull(w, "source", c.source);
    w.EndObject();
  }
  w.EndArray();
}

void OptionsMember(JsonWriter& w, const std::vector<OptionResult>& options) {
  w.Key("options");
  w.BeginArray();
  for (const OptionResult& o : options) {
    w.BeginObject();
    Member(w, "label", o.label);
    AmountMember(w, "amount", o.amount);
    w.Key("chosen");
    w.Bool(o.chosen);
    MemberOrNull(w, "source", o.source);
    w.EndObject();
  }
  w.EndArray();
}

void MeasureJson(JsonWriter& w, const MeasureResult& r) {
  w.BeginObject();
  Member(w, "id", r.id);
  Member(w, "title", r.title);
  Member(w, "kind", MeasureKindName(r.kind));
  Member(w, "issuer", r.issuer);
  Member(w, "per", AmountPeriodName(r.per));
  Member(w, "territory", r.territory);
  Member(w, "status", StatusName(r.status));
  AmountMember(w, "amount", r.amount);
  MemberOrNull(w, "version", r.version);
  MemberOrNull(w, "deadline", r.deadline ? r.deadline->ToString() : std::string());
  MemberOrNull(w, "case", r.case_id);
  MemberOrNull(w, "case_label", r.case_label);
  MemberOrNull(w, "option", r.option);
  if (!r.amount_formula.empty()) ComputationMember(w, r);
  ReasonsMembers(w, r);
  MissingMember(w, "missing", r.missing);
  TextsMember(w, "sources", r.sources);
  TextsMember(w, "measure_sources", r.measure_sources);
  TextsMember(w, "open_points", r.open_points);
  ConditionsMember(w, "conditions", r.conditions);
  CasesMember(w, r.cases);
  OptionsMember(w, r.options);
  Member(w, "apply", r.apply);
  MemberOrNull(w, "error", r.error);
  w.EndObject();
}

}  // namespace

std::string ToJson(const Evaluation& e, int indent) {
  std::string out;
  JsonWriter w(out, indent);
  w.BeginObject();
  w.Key("pack");
  w.BeginObject();
  Member(w, "name", e.pack.name);
  Member(w, "version", e.pack.version);
  Member(w, "digest", e.pack.digest);
  w.EndObject();
  w.Key("firm");
  w.BeginObject();
  for (const auto& [name, value] : e.firm) Member(w, name, value);
  w.EndObject();
  Member(w, "date", e.date.ToString());
  Member(w, "month", e.month.ToString());
  w.Key("measures");
  w.BeginArray();
  for (const MeasureResult& r : e.measures) MeasureJson(w, r);
  w.EndArray();
  MissingMember(w, "questions", e.questions);
  w.EndObject();
  return out += '\n';
}

}  // namespace relief
