// What an evaluation says about each measure: status, amount, reasons,
// conditions with their outcome, and the facts still missing.
#ifndef RELIEF_RESULT_HPP_
#define RELIEF_RESULT_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/decimal.hpp"
#include "relief/text.hpp"

namespace relief {

enum class Status { kEligible, kIneligible, kUndetermined, kNotApplicable, kError };
// "eligible", "ineligible", "undetermined", "not_applicable", "error".
const char* StatusName(Status status);

// The outcome of one condition or case under three-valued logic.
enum class Outcome { kMet, kUnmet, kUnknown, kError };
const char* OutcomeName(Outcome outcome);  // "met", "unmet", "unknown", "error"

// What kind of support a measure gives. A loan's amount is the maximum loan,
// an advance's the maximum advance; they do not add up with grants.
enum class MeasureKind {
  kGrant,
  kLoan,
  kRepayableAdvance,
  kExemption,
  kPaymentAid,
  kContributionReduction,
  kTaxCredit,
  kDeferral,
};
// "grant", "loan", "repayable_advance", "exemption", "payment_aid",
// "contribution_reduction", "tax_credit", "deferral" (as in rule files).
const char* MeasureKindName(MeasureKind kind);
std::optional<MeasureKind> MeasureKindNamed(std::string_view name);

// What one amount of a measure covers.
enum class AmountPeriod { kMonth, kTwoMonths, kYear, kOnce };
// "month", "two_months", "year", "once" (as in rule files).
const char* AmountPeriodName(AmountPeriod period);
std::optional<AmountPeriod> AmountPeriodNamed(std::string_view name);

// The texts of a result that come from the rule pack (ids, labels, sources,
// open points, questions, expression texts) are `Text`s (relief/text.hpp):
// shared with the pack (a short one held in the Text itself), not allocated,
// and kept alive by the result, which stays valid after its RulePack and
// its Profile are destroyed.
//
// The French texts of an explanation (a condition's or case's detail, a used
// value's value, the formula in words) are `Text`s built when first read
// (by a report, ToText, ToJson, a test), not by RulePack::Evaluate: a caller
// that reads statuses, amounts, reasons' codes and questions does not pay
// for them. Reading one is thread-safe; the first read of an evaluation's
// words evaluates its profile again (it is kept alive by the result).

// A named value an expression read, formatted in French ("42 %", "1 500,00 €").
struct UsedValue {
  Text name;    // "perte_pct", "ca_mensuel[2019-11]"
  Text label;   // "perte de chiffre d'affaires"
  Text value;   // "inconnu" when not known; built when first read
  Text source;  // for a parameter, the source of the value in force
};

struct ConditionResult {
  Text label;
  Text source;
  Outcome outcome = Outcome::kUnknown;
  Text detail;  // for an unmet condition: the value and what is required; built when first read
  Text expression;
  std::vector<UsedValue> values;
  std::vector<Text> open_points;
  // The operands of an "and" / "or" condition, each with its own outcome
  // (their label is their expression text).
  std::vector<ConditionResult> parts;
};

struct CaseResult {
  Text id;
  Text label;
  Text source;
  Outcome outcome = Outcome::kUnknown;
  Text detail;  // built when first read
  bool chosen = false;
};

struct OptionResult {
  Text label;
  Text source;
  std::optional<Decimal> amount;  // exact, before rounding to the cent
  bool chosen = false;
};

// A fact the profile does not give and that could change the outcome.
struct MissingFact {
  Text fact;           // "effectif", "ca_mensuel", "embauche.date"
  std::string period;  // "2019-11" for a monthly series element, "2019" for a yearly one
  Text label;
  Text question;

  // "ca_mensuel.2019-11" or "effectif": how tests and scripts name it.
  std::string Key() const { return period.empty() ? fact.str() : fact + "." + period; }
  // "ca_mensuel[2019-11]" or "effectif": the column of a table of firms that
  // gives it (relief batch, ProfileTable, Python frames).
  std::string Column() const { return period.empty() ? fact.str() : fact + "[" + period + "]"; }
  friend bool operator==(const MissingFact& a, const MissingFact& b) {
    return a.fact == b.fact && a.period == b.period;
  }
};

// Why a measure has its status, as data: a code and its operands. The
// wording belongs to a report (ReasonText in relief/report.hpp, in French),
// so that another language or a program reuses the same reasons. Operands
// are the pack's own texts (labels, written in the pack's language) and
// values in ISO form:
//   kOutOfPeriod        evaluated month "YYYY-MM", evaluated date
//                       "YYYY-MM-DD", then each period the measure covers
//                       ("2020-11", "2020-06..2020-09", "2021-01-28..2021-05-09")
//   kOutOfTerritory     territory label, why (the condition's detail)
//   kCaseChosen         case label
//   kCaseUndecided      —  (an earlier case depends on missing facts)
//   kBestOption         option label
//   kConditionMet       condition label
//   kAmountNeedsFacts   —  (facts are missing to compute the amount)
//   kAmountByAdvisor    —  (the rules leave the amount to the advisor)
//   kConditionUnmet     condition label, detail
//   kCaseNotApplicable  case label, detail
//   kTerritoryToVerify  territory label, detail
//   kToVerify           condition or case label, detail
//   kRuleError          where and what (MeasureResult::error)
// A detail is ConditionResult::detail: the values read and what the rule
// requires, in French.
enum class ReasonCode {
  kOutOfPeriod,
  kOutOfTerritory,
  kCaseChosen,
  kCaseUndecided,
  kBestOption,
  kConditionMet,
  kAmountNeedsFacts,
  kAmountByAdvisor,
  kConditionUnmet,
  kCaseNotApplicable,
  kTerritoryToVerify,
  kToVerify,
  kRuleError,
};
// "out_of_period", "out_of_territory", "case_chosen", …: the code in snake case.
const char* ReasonCodeName(ReasonCode code);

struct Reason {
  ReasonCode code = ReasonCode::kRuleError;
  std::vector<Text> operands;
  friend bool operator==(const Reason&, const Reason&) = default;
};

struct MeasureResult {
  Text id;
  Text title;
  Text issuer;
  MeasureKind kind = MeasureKind::kGrant;
  AmountPeriod per = AmountPeriod::kOnce;
  Text territory;
  Text apply;

  Status status = Status::kUndetermined;
  // Rounded to the cent (half away from zero). For a loan, the maximum loan.
  // Absent when not eligible, or eligible but needing a missing fact.
  std::optional<Decimal> amount;
  Text version;  // "2020-11" or "2020-06..2020-09", and its label if any
  std::optional<Date> deadline;
  Text case_id;  // the case that applied, when known
  Text case_label;
  Text option;  // the option chosen, when the case has options
  // How the amount was computed: the formula applied (of the case, or of the
  // option chosen) and the values it read.
  Text amount_formula;
  Text amount_formula_words;  // the same in French words, with labels; built when first read
  std::vector<UsedValue> amount_values;

  std::vector<Reason> reasons;  // in order; worded by ReasonText (relief/report.hpp)
  std::vector<ConditionResult> conditions;
  std::vector<CaseResult> cases;
  std::vector<OptionResult> options;
  std::vector<MissingFact> missing;
  // The texts of the version and case that applied (those an advisor
  // quotes); every text of the measure, all periods, is `measure_sources`.
  std::vector<Text> sources;
  std::vector<Text> measure_sources;
  std::vector<Text> open_points;  // what the sources leave open
  std::string error;              // for Status::kError: where and what
};

struct PackInfo {
  std::string name;
  std::string version;
  std::string title;
  std::string digest;  // SHA-256 of every file read, in load order
};

struct Evaluation {
  PackInfo pack;
  // The facts that identify the firm (declared `identifies: true`, e.g.
  // siren), as given in the profile: name and value.
  std::vector<std::pair<std::string, std::string>> firm;
  Date date;
  Month month;
  std::vector<MeasureResult> measures;  // every measure of the pack, in pack order
  // The missing facts of all measures, each once: the one missing in the
  // most measures first (an eligible measure whose amount needs it counts
  // too), ties in the order first met.
  std::vector<MissingFact> questions;
};

}  // namespace relief

#endif  // RELIEF_RESULT_HPP_
