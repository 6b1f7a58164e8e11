// The names of the public enumerations (relief/result.hpp), as rule files,
// test files and the JSON report write them: one table per enumeration.
#include "core/result_names.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "relief/result.hpp"

namespace relief {
namespace {

template <class Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<Status, 5> kStatuses{{{Status::kEligible, "eligible"},
                                          {Status::kIneligible, "ineligible"},
                                          {Status::kUndetermined, "undetermined"},
                                          {Status::kNotApplicable, "not_applicable"},
                                          {Status::kError, "error"}}};
constexpr NameTable<Outcome, 4> kOutcomes{
    {{Outcome::kMet, "met"}, {Outcome::kUnmet, "unmet"}, {Outcome::kUnknown, "unknown"}, {Outcome::kError, "error"}}};
constexpr NameTable<MeasureKind, 8> kKinds{{{MeasureKind::kGrant, "grant"},
                                            {MeasureKind::kLoan, "loan"},
                                            {MeasureKind::kRepayableAdvance, "repayable_advance"},
                                            {MeasureKind::kExemption, "exemption"},
                                            {MeasureKind::kPaymentAid, "payment_aid"},
                                            {MeasureKind::kContributionReduction, "contribution_reduction"},
                                            {MeasureKind::kTaxCredit, "tax_credit"},
                                            {MeasureKind::kDeferral, "deferral"}}};
constexpr NameTable<AmountPeriod, 4> kPeriods{{{AmountPeriod::kMonth, "month"},
                                               {AmountPeriod::kTwoMonths, "two_months"},
                                               {AmountPeriod::kYear, "year"},
                                               {AmountPeriod::kOnce, "once"}}};

constexpr NameTable<ReasonCode, 13> kReasonCodes{{{ReasonCode::kOutOfPeriod, "out_of_period"},
                                                  {ReasonCode::kOutOfTerritory, "out_of_territory"},
                                                  {ReasonCode::kCaseChosen, "case_chosen"},
                                                  {ReasonCode::kCaseUndecided, "case_undecided"},
                                                  {ReasonCode::kBestOption, "best_option"},
                                                  {ReasonCode::kConditionMet, "condition_met"},
                                                  {ReasonCode::kAmountNeedsFacts, "amount_needs_facts"},
                                                  {ReasonCode::kAmountByAdvisor, "amount_by_advisor"},
                                                  {ReasonCode::kConditionUnmet, "condition_unmet"},
                                                  {ReasonCode::kCaseNotApplicable, "case_not_applicable"},
                                                  {ReasonCode::kTerritoryToVerify, "territory_to_verify"},
                                                  {ReasonCode::kToVerify, "to_verify"},
                                                  {ReasonCode::kRuleError, "rule_error"}}};

template <class Enum, std::size_t N>
const char* NameOf(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <class Enum, std::size_t N>
std::optional<Enum> Named(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (name == n) return e;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::vector<std::string_view> Names(const NameTable<Enum, N>& table) {
  std::vector<std::string_view> names;
  for (const auto& entry : table) names.emplace_back(entry.second);
  return names;
}

}  // namespace

std::vector<std::string_view> StatusNames() { return Names(kStatuses); }
std::vector<std::string_view> MeasureKindNames() { return Names(kKinds); }
std::optional<Status> StatusNamed(std::string_view name) { return Named(kStatuses, name); }
std::vector<std::string_view> AmountPeriodNames() { return Names(kPeriods); }

const char* StatusName(Status s) { return NameOf(kStatuses, s); }
const char* OutcomeName(Outcome o) { return NameOf(kOutcomes, o); }
const char* ReasonCodeName(ReasonCode c) { return NameOf(kReasonCodes, c); }
const char* MeasureKindName(MeasureKind k) { return NameOf(kKinds, k); }
std::optional<MeasureKind> MeasureKindNamed(std::string_view name) { return Named(kKinds, name); }
const char* AmountPeriodName(AmountPeriod p) { return NameOf(kPeriods, p); }
std::optional<AmountPeriod> AmountPeriodNamed(std::string_view name) { return Named(kPeriods, name); }

}  // namespace relief
