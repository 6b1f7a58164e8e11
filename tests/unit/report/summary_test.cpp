// The summary for advisors: grants added up by what one amount covers, loans
// and advances never added to them, refused measures with their first reason.
#include <gtest/gtest.h>

#include "relief/report.hpp"

namespace relief {
namespace {

MeasureResult Measure(std::string title, Status status, MeasureKind kind, AmountPeriod per,
                      std::optional<Decimal> amount) {
  MeasureResult r;
  r.id = title;
  r.title = std::move(title);
  r.status = status;
  r.kind = kind;
  r.per = per;
  r.amount = amount;
  return r;
}

Evaluation Sample() {
  Evaluation e;
  e.pack = {"occitanie", "1.0.0", "Mesures", "sha256:0"};
  e.date = *Date::Parse("2020-11-30");
  e.month = e.date.month_of();
  e.measures.push_back(Measure("Fonds", Status::kEligible, MeasureKind::kGrant, AmountPeriod::kMonth, Decimal(10000)));
  e.measures.push_back(
      Measure("Aide loyer", Status::kEligible, MeasureKind::kGrant, AmountPeriod::kMonth, Decimal(1000)));
  e.measures.push_back(Measure("Chèque", Status::kEligible, MeasureKind::kGrant, AmountPeriod::kOnce, Decimal(500)));
  e.measures.push_back(Measure("PGE", Status::kEligible, MeasureKind::kLoan, AmountPeriod::kOnce, Decimal(180000)));
  MeasureResult refused =
      Measure("TNS", Status::kIneligible, MeasureKind::kContributionReduction, AmountPeriod::kYear, {});
  refused.reasons.push_back({ReasonCode::kConditionUnmet, {"Travailleur indépendant", "statut : salarié"}});
  e.measures.push_back(refused);
  e.measures.push_back(
      Measure("Coûts fixes", Status::kNotApplicable, MeasureKind::kGrant, AmountPeriod::kTwoMonths, {}));
  e.questions.push_back({"effectif", "", "effectif", "Combien de salariés ?"});
  return e;
}

TEST(Summary, GrantsAreAddedUpByPeriodAndLoansApart) {
  const std::string s = ToSummary(Sample());
  EXPECT_NE(s.find("ÉLIGIBLE (4)"), std::string::npos) << s;
  EXPECT_NE(s.find("PGE : prêt jusqu'à 180 000 €"), std::string::npos) << s;
  EXPECT_NE(s.find("Total des aides (hors prêts et avances) : 11 000 € par mois ; 500 € en une fois"),
            std::string::npos)
      << s;
}

TEST(Summary, RefusedMeasuresGiveTheirFirstReason) {
  const std::string s = ToSummary(Sample());
  EXPECT_NE(s.find("✗ TNS — Condition non remplie : Travailleur indépendant — statut : salarié."), std::string::npos)
      << s;
  EXPECT_NE(s.find("Non applicables à cette date ou sur ce territoire : 1 mesure."), std::string::npos) << s;
}

TEST(Summary, QuestionsAreListedWhenSomethingIsUndetermined) {
  Evaluation e = Sample();
  e.measures.push_back(
      Measure("Activité partielle", Status::kUndetermined, MeasureKind::kPaymentAid, AmountPeriod::kMonth, {}));
  const std::string s = ToSummary(e);
  EXPECT_NE(s.find("À DÉTERMINER (1)"), std::string::npos) << s;
  EXPECT_NE(s.find("1. Combien de salariés ?"), std::string::npos) << s;
}

}  // namespace
}  // namespace relief
