// What a rule pack declares, for forms, notebooks and bindings: its facts
// (the questions a profile answers) and its measures.
#ifndef RELIEF_INTROSPECTION_HPP_
#define RELIEF_INTROSPECTION_HPP_

#include <string>
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

}  // namespace relief

#endif  // RELIEF_INTROSPECTION_HPP_
