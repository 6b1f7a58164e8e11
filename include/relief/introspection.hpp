// What a rule pack declares, for forms, notebooks, bindings and the HTML
// catalogue: its facts (the questions a profile answers), its measures, and
// in detail (RulePack::Description) each measure's versions with their
// conditions and amounts in French, its parameters, values and lists.
#ifndef RELIEF_INTROSPECTION_HPP_
#define RELIEF_INTROSPECTION_HPP_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "relief/result.hpp"

namespace relief {

struct FactDescription {
  std::string name;    // "effectif"; a record field is "embauche.date"
  std::string type;    // as written in the pack: "money", "monthly money", "enum"
  std::string base;    // boolean integer decimal percentage money date month string enum record
  std::string series;  // "monthly", "yearly", or "" for a single value
  std::string label, question, source;
  std::string unit;                         // "€" for money, "%" for a percentage, else ""
  std::vector<std::string> allowed_values;  // an enum's values, in declaration order
  std::string list;                         // a string fact whose values must be codes of this list
  std::string pattern;                      // a string fact's regular expression, if any
  std::string min, max;                     // bounds as profile text ("0", "2020-01-01"), "" when none
  std::vector<std::string> fields;          // a record's field names ("date", not "embauche.date")
  bool identifies = false;                  // carried to the output (siren)
};

struct MeasureDescription {
  std::string id, title, issuer;
  MeasureKind kind = MeasureKind::kGrant;  // MeasureKindName: grant, loan, …
  AmountPeriod per = AmountPeriod::kOnce;  // AmountPeriodName: month, two_months, year, once
  std::string territory;
  std::vector<std::string> sources;
};

// An expression of the pack: its source text and the same in French words,
// with the labels of the facts, values and parameters it reads
// ("le plus petit de 20 % × chiffre d'affaires de référence et 200 000 €").
struct ExpressionDescription {
  std::string text;
  std::string words;
};

// What the sources leave open, and for which firms it is shown (`when`;
// none: every firm).
struct OpenPointDescription {
  std::string text;
  std::optional<ExpressionDescription> when;
};

struct ConditionDescription {
  std::string label, source;
  ExpressionDescription when;
  std::vector<OpenPointDescription> open_points;
};

struct OptionDescription {
  std::string label, source;
  ExpressionDescription amount;
};

// An amount: one formula, or options of which the most favourable applies.
struct AmountDescription {
  std::optional<ExpressionDescription> amount;
  std::vector<OptionDescription> options;
};

struct CaseDescription {
  std::string id, label, source;
  std::optional<ExpressionDescription> when;  // none: the case always applies
  AmountDescription amount;
  std::vector<OpenPointDescription> open_points;
};

struct VersionDescription {
  Date from, to;       // inclusive
  std::string period;  // "2020-11", "2020-06..2020-09", "2021-01-28..2021-05-09"
  std::string label, source;
  std::optional<Date> deadline;
  std::vector<ConditionDescription> conditions;
  std::vector<CaseDescription> cases;  // in order: the first that holds applies
  AmountDescription amount;            // when there is no case
  std::vector<OpenPointDescription> open_points;
};

struct MeasureDetail {
  MeasureDescription measure;
  std::string apply;                               // how to apply, in French
  std::optional<ExpressionDescription> territory;  // the territory's condition
  std::vector<OpenPointDescription> open_points;
  std::vector<VersionDescription> versions;  // by date
};

struct ParameterDescription {
  std::string name, label, type, unit;
  // Each value with the date it is in force from, formatted in French.
  std::vector<std::pair<Date, std::string>> values;
  std::vector<std::string> sources;
};

struct ValueDescription {
  std::string name, label, type, unit;
  ExpressionDescription formula;
};

struct ListItemDescription {
  std::string code;
  std::string value;      // for a table, the code's value; else ""
  bool possible = false;  // graded "possible": membership is to be checked
};

struct ListDescription {
  std::string name, label, source;
  std::vector<ListItemDescription> items;  // in code order
};

// Everything a pack declares, for documentation (the HTML catalogue).
struct PackDescription {
  PackInfo info;
  std::vector<FactDescription> facts;
  std::vector<MeasureDetail> measures;  // in pack order
  std::vector<ParameterDescription> parameters;
  std::vector<ValueDescription> values;
  std::vector<ListDescription> lists;
};

}  // namespace relief

#endif  // RELIEF_INTROSPECTION_HPP_
