// Reasons are data (a code and operands); the French sentences are written
// by the report, from the operands alone.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "relief/report.hpp"

namespace relief {
namespace {

TEST(ReasonText, WordsEachCodeFromItsOperands) {
  EXPECT_EQ(
      ReasonText({ReasonCode::kConditionUnmet, {"Au plus 50 salariés", "effectif salarié : 60 ; au plus 50 requis"}}),
      "Condition non remplie : Au plus 50 salariés — effectif salarié : 60 ; au plus 50 requis.");
  EXPECT_EQ(ReasonText({ReasonCode::kCaseChosen, {"Fermeture"}}), "Cas retenu : Fermeture.");
  EXPECT_EQ(ReasonText({ReasonCode::kToVerify, {"Secteur", "secteur : inconnu"}}),
            "À vérifier : Secteur — secteur : inconnu.");
}

TEST(ReasonText, PeriodsAndDatesAreWrittenInFrench) {
  Reason r{ReasonCode::kOutOfPeriod,
           {"2020-04", "2020-04-30", "2020-03", "2020-06..2020-09", "2021-01-28..2021-05-09"}};
  EXPECT_EQ(ReasonText(r),
            "Hors période : aucune version de la mesure ne couvre avril 2020 (le 30/04/2020) ; périodes couvertes : "
            "mars 2020, juin 2020 à septembre 2020, du 28/01/2021 au 09/05/2021.");
}

TEST(ReasonText, EveryCodeHasADistinctNameAndSentence) {
  std::set<std::string> names, sentences;
  for (int c = 0; c <= static_cast<int>(ReasonCode::kRuleError); ++c) {
    const auto code = static_cast<ReasonCode>(c);
    EXPECT_TRUE(names.insert(ReasonCodeName(code)).second) << ReasonCodeName(code);
    std::string text = ReasonText({code, {"a", "b", "c"}});
    EXPECT_FALSE(text.empty());
    EXPECT_TRUE(sentences.insert(text).second) << text;
  }
  EXPECT_EQ(names.count("?"), 0u);
}

TEST(ReasonText, MissingOperandsNeverCrash) {
  for (int c = 0; c <= static_cast<int>(ReasonCode::kRuleError); ++c) {
    EXPECT_FALSE(ReasonText({static_cast<ReasonCode>(c), {}}).empty());
  }
}

}  // namespace
}  // namespace relief
