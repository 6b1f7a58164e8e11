// What every rendering for people says of an evaluation, before it is laid
// out: the measures grouped by status, the amounts and the totals of grants
// by what one amount covers, the questions that settle the most, the first
// reason of each refusal, and the details of one measure in French. The
// text summary, Markdown and HTML reports lay out the same model, so that
// they cannot disagree.
#ifndef RELIEF_REPORT_SUMMARY_MODEL_HPP_
#define RELIEF_REPORT_SUMMARY_MODEL_HPP_

#include <optional>
#include <string>
#include <vector>

#include "relief/result.hpp"

namespace relief::report {

// The sum of the eligible grants whose amount covers `per` (loans and
// advances are repaid: never added); no total once a sum overflows.
struct GrantTotal {
  AmountPeriod per = AmountPeriod::kOnce;
  std::optional<Decimal> total;
};

struct Summary {
  std::vector<const MeasureResult*> eligible, undetermined, ineligible;  // ineligible: and errors
  int not_applicable = 0;
  std::vector<GrantTotal> totals;             // by period, in AmountPeriod order
  std::vector<const MissingFact*> questions;  // the most useful first, at most kQuestionsShown
  std::size_t more_questions = 0;             // those left out
};

inline constexpr std::size_t kQuestionsShown = 5;

// `e` grouped; the pointers point into `e`.
Summary Summarize(const Evaluation& e);
// The measures whose details a document shows, grouped by status as the
// summary lists them: eligible, undetermined, then refused (the measures
// out of period or territory are only counted).
std::vector<const MeasureResult*> Detailed(const Summary& s);

// "Mesures COVID-19 … — novembre 2020 (au 30/11/2020) — règles occitanie 0.1.0".
std::string Heading(const Evaluation& e);
// "14 800 € par mois", "prêt jusqu'à 180 000 €", "montant à calculer par le conseiller".
std::string AmountFrench(const MeasureResult& r);
// "11 000 € par mois ; 500 € en une fois" (empty when there is no total).
std::string TotalsFrench(const std::vector<GrantTotal>& totals);
// The first reason of a refusal, worded ("Condition non remplie : …"), or "".
std::string FirstReason(const MeasureResult& r);
// "20 % du chiffre d'affaires de référence…, avec chiffre d'affaires de
// référence = 74 000,00 €" (empty when the amount was not computed). The
// words of the other reports (statuses, periods) are in report_words.hpp.
std::string CalculationFrench(const MeasureResult& r);

}  // namespace relief::report

#endif  // RELIEF_REPORT_SUMMARY_MODEL_HPP_
