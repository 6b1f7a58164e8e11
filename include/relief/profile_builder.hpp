// Building a profile from typed values, without writing YAML:
//
//   relief::ProfileBuilder b(pack);
//   b.Set("effectif", relief::FactValue::Integer(9));
//   b.Set("loyer_mensuel_ht", relief::FactValue::Number("1500.00"));
//   b.SetSeries("ca_mensuel", "2020-11", relief::FactValue::Number("4200"));
//   b.Set("embauche.date", relief::FactValue::OfDate(*relief::Date::Parse("2021-01-04")));
//   relief::Profile profile = b.Build().value();  // throws with every problem
//
// Each call is checked against the fact's declaration exactly as the YAML /
// JSON reader checks a field (the reader is built on the same code): an
// unknown fact (with "did you mean"), a value of the wrong type, out of its
// bounds or not in its list is refused with a diagnostic naming the fact;
// later calls go on, so that one Build() reports every problem.
#ifndef RELIEF_PROFILE_BUILDER_HPP_
#define RELIEF_PROFILE_BUILDER_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {

// A value for a fact, before it is checked against the fact's type.
class FactValue {
 public:
  enum class Kind { kText, kNumber, kInteger, kBoolean, kDate, kMonth };

  // Text read by the fact's type, as a YAML profile is: "1 500,50 €",
  // "60 %", "2020-11-15", an enum value, a string.
  static FactValue Text(std::string text) { return FactValue(Kind::kText, std::move(text)); }
  // An exact decimal from its text ("1500.50", "1 500,50"; docs/profiles.md):
  // only for numeric facts.
  static FactValue Number(std::string text) { return FactValue(Kind::kNumber, std::move(text)); }
  static FactValue Integer(std::int64_t n) { return FactValue(Kind::kInteger, std::to_string(n)); }
  static FactValue Boolean(bool b) { return FactValue(Kind::kBoolean, b ? "true" : "false"); }
  static FactValue OfDate(Date d) { return FactValue(Kind::kDate, d.ToString()); }
  static FactValue OfMonth(Month m) { return FactValue(Kind::kMonth, m.ToString()); }

  Kind kind() const { return kind_; }
  // The value as profile text ("2020-11-15", "true", "42").
  const std::string& text() const { return text_; }

 private:
  FactValue(Kind kind, std::string text) : kind_(kind), text_(std::move(text)) {}
  Kind kind_;
  std::string text_;
};

class ProfileBuilder {
 public:
  explicit ProfileBuilder(const RulePack& pack);
  ~ProfileBuilder();
  ProfileBuilder(ProfileBuilder&&) noexcept;
  ProfileBuilder& operator=(ProfileBuilder&&) noexcept;

  // Sets a fact, or a record's field written "record.field". False, with a
  // diagnostic, when it is refused. Setting a fact twice keeps the last value.
  bool Set(std::string_view fact, const FactValue& value);
  // Sets one element of a series: `period` is a month "2020-11" for a
  // monthly series, a year "2019" for a yearly one.
  bool SetSeries(std::string_view fact, std::string_view period, const FactValue& value);

  bool ok() const { return !HasErrors(diagnostics_); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  // The profile when every call succeeded; else no profile and every error.
  ProfileResult Build() const;

 private:
  bool Refuse(std::string message);
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace relief

#endif  // RELIEF_PROFILE_BUILDER_HPP_
