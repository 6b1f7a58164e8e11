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

// "Mesures COVID-19 … — novembre 2020 (au 30/11/2020) — règles occitanie 0.1.0".
std::string Heading(const Evaluation& e);
// "par mois", "en une fois", …: what one amount covers.
const char* CoverFrench(AmountPeriod per);
// "14 800 € par mois", "prêt jusqu'à 180 000 €", "montant à calculer par le conseiller".
std::string AmountFrench(const MeasureResult& r);
// "11 000 € par mois ; 500 € en une fois" (empty when there is no total).
std::string TotalsFrench(const std::vector<GrantTotal>& totals);
// The first reason of a refusal, worded ("Condition non remplie : …"), or "".
std::string FirstReason(const MeasureResult& r);
// "ÉLIGIBLE", "NON ÉLIGIBLE", "À DÉTERMINER", "NON APPLICABLE", "ERREUR".
const char* StatusFrench(Status s);
// "montant", "prêt maximal", "avance maximale": what the amount is.
const char* AmountWord(MeasureKind kind);
// " par mois", " pour la période de deux mois", " pour l'année", "".
const char* PerFrench(AmountPeriod per);
// "20 % du chiffre d'affaires de référence…, avec chiffre d'affaires de
// référence = 74 000,00 €" (empty when the amount was not computed).
std::string CalculationFrench(const MeasureResult& r);

}  // namespace relief::report

#endif  // RELIEF_REPORT_SUMMARY_MODEL_HPP_
