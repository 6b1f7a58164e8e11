// Evaluation of the small test packs of tests/packs/: statuses, amounts to the
// cent, cases, options, conditions, reasons, versions, territory, parameters,
// values and imports (docs/rule-language.md). Missing facts under Kleene
// logic are in missing_facts_test.cpp, the JSON report in report_test.cpp.
#include <gtest/gtest.h>

#include <chrono>

#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

using testing::Amount;
using testing::Case;
using testing::Condition;
using testing::Contains;
using testing::D;
using testing::Eval;
using testing::EvalMeasure;
using testing::Join;
using testing::LocationOf;
using testing::Measure;
using testing::MissingKeys;
using testing::Pack;
using testing::PackDir;
using testing::Status;

using Keys = std::set<std::string>;

std::string OutcomeOf(const ConditionResult& c) { return OutcomeName(c.outcome); }
std::string OutcomeOf(const CaseResult& c) { return OutcomeName(c.outcome); }

// ---- Literals and exact arithmetic (pack "arithmetic") ---------------------

TEST(EvalLiterals, EveryLiteralKindEvaluatesToItsValue) {
  MeasureResult m = EvalMeasure("arithmetic", "litteraux", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "8.03");
  ASSERT_EQ(m.conditions.size(), 12u);
  for (const ConditionResult& c : m.conditions) {
    EXPECT_EQ(OutcomeOf(c), "met") << c.label << ": " << c.expression << " — " << c.detail;
  }
}

TEST(EvalArithmetic, DecimalArithmeticIsExact) {
  MeasureResult m = EvalMeasure("arithmetic", "decimaux_exacts", "{}", "2020-11-15");
  for (const ConditionResult& c : m.conditions) {
    EXPECT_EQ(OutcomeOf(c), "met") << c.label << ": " << c.expression << " — " << c.detail;
  }
  EXPECT_EQ(Status(m), "eligible");
  // 0.1 € + 0.2 € is exactly 0.30 €.
  ASSERT_TRUE(m.amount);
  EXPECT_EQ(*m.amount, *Decimal::Parse("0.3"));
  EXPECT_EQ(Amount(m), "0.30");
}

TEST(EvalArithmetic, TwentyPercentIsExactBeforeTheFinalRounding) {
  MeasureResult m = EvalMeasure("arithmetic", "vingt_pourcent", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "246913.58");
  ASSERT_EQ(m.options.size(), 2u);
  // Options keep the exact amount: 20 % of 1 234 567.89 € is 246 913.578 €.
  ASSERT_TRUE(m.options[0].amount);
  EXPECT_EQ(*m.options[0].amount, *Decimal::Parse("246913.578"));
  EXPECT_TRUE(m.options[0].chosen);
  ASSERT_TRUE(m.options[1].amount);
  EXPECT_EQ(*m.options[1].amount, Decimal(0));
  EXPECT_FALSE(m.options[1].chosen);
  EXPECT_EQ(m.option, "20 % du montant");
}

TEST(EvalArithmetic, AThirdIsRoundedToTheCentHalfAwayFromZero) {
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "tiers", "montant: 100", "2020-11-15")), "33.33");
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "tiers", "montant: 200", "2020-11-15")), "66.67");
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "tiers", "montant: 0.02", "2020-11-15")), "0.01");
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "tiers", "montant: \"1 000,00 €\"", "2020-11-15")), "333.33");
}

TEST(EvalArithmetic, AmountsAreRoundedOnlyOnceAtTheEnd) {
  // Three exact thirds add up to the whole; three rounded thirds do not.
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "trois_tiers", "montant: 100", "2020-11-15")), "100.00");
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "tiers_arrondi", "montant: 100", "2020-11-15")), "99.99");
  // 1.005 € is exactly half a cent above 1.00 € (not 1.00499… as in binary floating point).
  EXPECT_EQ(Amount(EvalMeasure("arithmetic", "demi_centime", "{}", "2020-11-15")), "1.01");
}

TEST(EvalArithmetic, RoundFloorCeilAbsMinMax) {
  MeasureResult m = EvalMeasure("arithmetic", "arrondis", "{}", "2020-11-15");
  ASSERT_EQ(m.conditions.size(), 22u);
  for (const ConditionResult& c : m.conditions) {
    EXPECT_EQ(OutcomeOf(c), "met") << c.label << ": " << c.expression << " — " << c.detail;
  }
  EXPECT_EQ(Status(m), "eligible");
}

TEST(EvalArithmetic, EveryComparisonIsTrueOrFalseAsWritten) {
  MeasureResult m = EvalMeasure("arithmetic", "comparaisons", "{}", "2020-11-15");
  int unmet = 0;
  for (const ConditionResult& c : m.conditions) {
    const bool expect_true = c.label.view().starts_with("vrai");
    EXPECT_EQ(OutcomeOf(c), expect_true ? "met" : "unmet") << c.label << ": " << c.expression;
    unmet += !expect_true;
  }
  EXPECT_EQ(m.conditions.size(), 25u);
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.amount, std::nullopt);
  // One reason per unmet condition.
  EXPECT_EQ(static_cast<int>(ReasonTexts(m).size()), unmet) << Join(ReasonTexts(m));
  EXPECT_NE(Condition(m, "faux montants <").detail.view().find("moins de 1 500 € requis"), std::string::npos)
      << Condition(m, "faux montants <").detail;
  EXPECT_NE(Condition(m, "faux dates <=").detail.view().find("au plus tard le 29/02/2020 requis"), std::string::npos)
      << Condition(m, "faux dates <=").detail;
  EXPECT_NE(Condition(m, "faux mois >").detail.view().find("après janvier 2020 requis"), std::string::npos)
      << Condition(m, "faux mois >").detail;
  EXPECT_EQ(Condition(m, "vrai ==").detail, "");
}

// ---- Errors: division by zero, overflow -------------------------------------

TEST(EvalErrors, DivisionByZeroInAnAmountIsAnErrorWithItsLocation) {
  Evaluation e = Eval("arithmetic", "{montant: 100, diviseur: 0}", "2020-11-15");
  const MeasureResult& m = Measure(e, "division_montant");
  EXPECT_EQ(Status(m), "error");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_NE(m.error.find("division par zéro"), std::string::npos) << m.error;
  EXPECT_NE(m.error.find("« montant / diviseur »"), std::string::npos) << m.error;
  const std::string where = LocationOf(PackDir("arithmetic") + "/mesures.yaml", "montant / diviseur");
  EXPECT_NE(m.error.find(where), std::string::npos) << m.error << " (expected " << where << ")";
  EXPECT_TRUE(Contains(ReasonTexts(m), "Erreur dans les règles")) << Join(ReasonTexts(m));
  // The error stays with its measure.
  EXPECT_EQ(Status(Measure(e, "litteraux")), "eligible");
  EXPECT_EQ(Amount(Measure(e, "tiers")), "33.33");
}

TEST(EvalErrors, DivisionByANonZeroNumberIsNotAnError) {
  MeasureResult m = EvalMeasure("arithmetic", "division_montant", "{montant: 100, diviseur: 8}", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "12.50");
  EXPECT_EQ(m.error, "");
}

TEST(EvalErrors, DivisionByZeroInAConditionIsAnError) {
  MeasureResult m = EvalMeasure("arithmetic", "division_condition", "{montant: 100, diviseur: 0}", "2020-11-15");
  EXPECT_EQ(Status(m), "error");
  ASSERT_EQ(m.conditions.size(), 1u);
  EXPECT_EQ(OutcomeOf(m.conditions[0]), "error");
  EXPECT_NE(m.error.find("division par zéro"), std::string::npos) << m.error;
  const std::string where = LocationOf(PackDir("arithmetic") + "/mesures.yaml", "montant / diviseur > 1 €");
  EXPECT_NE(m.error.find(where), std::string::npos) << m.error << " (expected " << where << ")";
}

TEST(EvalErrors, ADivisionGuardedByAFalseAndIsNotEvaluated) {
  MeasureResult m = EvalMeasure("arithmetic", "division_gardee", "{montant: 100, diviseur: 0}", "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.error, "");
  ASSERT_EQ(m.conditions.size(), 1u);
  EXPECT_EQ(OutcomeOf(m.conditions[0]), "unmet");
  EXPECT_EQ(Status(EvalMeasure("arithmetic", "division_gardee", "{montant: 100, diviseur: 2}", "2020-11-15")),
            "eligible");
}

TEST(EvalErrors, OverflowIsAnErrorNotAWrappedNumber) {
  MeasureResult m = EvalMeasure("arithmetic", "depassement", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "error");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_NE(m.error.find("dépassement de capacité"), std::string::npos) << m.error;
}

TEST(EvalErrors, OverflowWhenRoundingTheFinalAmountIsNotHidden) {
  // 9e18 € / 7 is exact, but in cents it no longer fits: the amount cannot be given. That is an
  // overflow like any other, not an eligible measure whose amount "needs missing information".
  MeasureResult m = EvalMeasure("arithmetic", "depassement_arrondi", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "error") << "amount " << Amount(m) << ", missing " << m.missing.size() << ", reasons "
                                << Join(ReasonTexts(m));
  EXPECT_NE(m.error.find("dépassement de capacité"), std::string::npos) << m.error;
  EXPECT_FALSE(Contains(ReasonTexts(m), "des informations manquent")) << Join(ReasonTexts(m));
}

TEST(EvalErrors, AnAmountWhoseCentsDoNotFit64BitsIsAnError) {
  // 10^17 € is a Decimal, but not 10^19 cents: every path holds amounts as 64-bit cents
  // (OutcomeColumns), so the limit is the same everywhere and is not a silent wrap.
  MeasureResult m = EvalMeasure("arithmetic", "depassement_centimes", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "error");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_NE(m.error.find("dépassement de capacité"), std::string::npos) << m.error;
}

// ---- Functions, mois, date_evaluation (pack "functions") ---------------------

TEST(EvalFunctions, DateFunctions) {
  MeasureResult m = EvalMeasure("functions", "dates", "{}", "2020-11-15");
  ASSERT_EQ(m.conditions.size(), 18u);
  for (const ConditionResult& c : m.conditions) {
    EXPECT_EQ(OutcomeOf(c), "met") << c.label << ": " << c.expression << " — " << c.detail;
  }
  EXPECT_EQ(Status(m), "eligible");
}

TEST(EvalFunctions, StartsWith) {
  EXPECT_EQ(Status(EvalMeasure("functions", "code_commerce", "naf: 47.11B", "2020-11-15")), "eligible");
  MeasureResult no = EvalMeasure("functions", "code_commerce", "naf: 56.10A", "2020-11-15");
  EXPECT_EQ(Status(no), "ineligible");
  EXPECT_EQ(OutcomeOf(no.conditions.at(0)), "unmet");
  MeasureResult unknown = EvalMeasure("functions", "code_commerce", "{}", "2020-11-15");
  EXPECT_EQ(Status(unknown), "undetermined");
  EXPECT_EQ(MissingKeys(unknown), Keys{"naf"});
}

TEST(EvalFunctions, MoisAndDateEvaluationFollowTheEvaluatedDate) {
  // 1 500 € × (days elapsed since the first of the month) / (days in the month).
  MeasureResult nov = EvalMeasure("functions", "periode_evaluee", "{}", "2020-11-15");
  EXPECT_EQ(Status(nov), "eligible");
  EXPECT_EQ(Amount(nov), "700.00");                                                               // 1500 × 14 / 30
  EXPECT_EQ(Amount(EvalMeasure("functions", "periode_evaluee", "{}", "2021-02-15")), "750.00");   // × 14 / 28
  EXPECT_EQ(Amount(EvalMeasure("functions", "periode_evaluee", "{}", "2020-02-29")), "1448.28");  // × 28 / 29
  EXPECT_EQ(Amount(EvalMeasure("functions", "periode_evaluee", "{}", "2020-12-01")), "0.00");
}

// ---- Series and records (pack "series") -------------------------------------

constexpr const char* kSeriesProfile = R"(
ca_mensuel:
  2019-10: 1000
  2019-11: 1100
  2019-12: 1300
  2020-11: 400
ca_annuel:
  2018: 12000
  2019: 13200
)";

TEST(EvalSeries, RelativeIndexIsTheSameMonthOfThePreviousYear) {
  EXPECT_EQ(Amount(EvalMeasure("series", "reference_relative", kSeriesProfile, "2020-11-15")), "1100.00");
  EXPECT_EQ(Amount(EvalMeasure("series", "reference_relative", kSeriesProfile, "2020-12-01")), "1300.00");
  EXPECT_EQ(Amount(EvalMeasure("series", "reference_relative", kSeriesProfile, "2020-10-31")), "1000.00");
  EXPECT_EQ(Amount(EvalMeasure("series", "mois_courant", kSeriesProfile, "2020-11-30")), "400.00");
}

TEST(EvalSeries, RelativeIndexToAMonthNotGivenIsMissing) {
  MeasureResult m = EvalMeasure("series", "reference_relative", kSeriesProfile, "2021-01-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"ca_mensuel.2020-01"});
  ASSERT_EQ(m.missing.size(), 1u);
  EXPECT_EQ(m.missing[0].fact, "ca_mensuel");
  EXPECT_EQ(m.missing[0].period, "2020-01");
  EXPECT_EQ(m.missing[0].label, "chiffre d'affaires mensuel");
  EXPECT_EQ(m.missing[0].question, "Quel est le chiffre d'affaires HT du mois ? (janvier 2020)");
}

TEST(EvalSeries, AbsoluteIndexDoesNotMoveWithTheMonth) {
  for (const char* date : {"2020-11-15", "2021-06-01"}) {
    MeasureResult m = EvalMeasure("series", "reference_absolue", kSeriesProfile, date);
    EXPECT_EQ(Status(m), "eligible") << date;
    EXPECT_EQ(Amount(m), "1100.00") << date;
    ASSERT_EQ(m.conditions.size(), 1u);
    ASSERT_EQ(m.conditions[0].values.size(), 1u);
    EXPECT_EQ(m.conditions[0].values[0].name, "ca_mensuel[2019-11]");
    EXPECT_EQ(m.conditions[0].values[0].label, "chiffre d'affaires mensuel");
    EXPECT_EQ(m.conditions[0].values[0].value, "1 100 €");
  }
}

TEST(EvalSeries, AFailedSeriesConditionExplainsTheMonthAndThreshold) {
  MeasureResult m = EvalMeasure("series", "reference_absolue", "ca_mensuel: {2019-11: 999.5}", "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  const std::string& detail = m.conditions.at(0).detail;
  EXPECT_NE(detail.find("chiffre d'affaires mensuel (novembre 2019) : 999,50 €"), std::string::npos) << detail;
  EXPECT_NE(detail.find("au moins 1 000 € requis"), std::string::npos) << detail;
}

TEST(EvalSeries, YearlyIndex) {
  EXPECT_EQ(Amount(EvalMeasure("series", "annuel", kSeriesProfile, "2020-11-15")), "1100.00");
  EXPECT_EQ(Amount(EvalMeasure("series", "annee_precedente", kSeriesProfile, "2020-06-15")), "13200.00");
  MeasureResult next = EvalMeasure("series", "annee_precedente", kSeriesProfile, "2021-03-15");
  EXPECT_EQ(next.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(next), Keys{"ca_annuel.2020"});
  ASSERT_EQ(next.missing.size(), 1u);
  EXPECT_EQ(next.missing[0].period, "2020");
}

std::string TwelveMonthsOf2019(const std::set<int>& skip) {
  std::string yaml = "ca_mensuel:\n";
  for (int month = 1; month <= 12; ++month) {
    char key[8];
    std::snprintf(key, sizeof key, "2019-%02d", month);
    yaml += std::string("  ") + key + ": " + (skip.count(month) ? "~" : std::to_string(100 * month)) + "\n";
  }
  return yaml;
}

TEST(EvalSeries, SumOverTwelveMonths) {
  MeasureResult m = EvalMeasure("series", "somme_2019", TwelveMonthsOf2019({}), "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "7800.00");  // 100 × (1 + … + 12)
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalSeries, SumWithMissingMonthsIsUnknownAndListsExactlyThoseMonths) {
  MeasureResult one = EvalMeasure("series", "somme_2019", TwelveMonthsOf2019({5}), "2020-11-15");
  EXPECT_EQ(one.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(one), Keys{"ca_mensuel.2019-05"});
  MeasureResult two = EvalMeasure("series", "somme_2019", TwelveMonthsOf2019({1, 12}), "2020-11-15");
  EXPECT_EQ(two.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(two), (Keys{"ca_mensuel.2019-01", "ca_mensuel.2019-12"}));
}

TEST(EvalSeries, AverageOverARangeOfMonths) {
  // (1000 + 1100 + 1300) / 3 = 1133.333…
  EXPECT_EQ(Amount(EvalMeasure("series", "moyenne_t4_2019", kSeriesProfile, "2020-11-15")), "1133.33");
  EXPECT_EQ(Amount(EvalMeasure("series", "moyenne_glissante", kSeriesProfile, "2020-01-15")), "1133.33");
  MeasureResult m = EvalMeasure("series", "moyenne_glissante", kSeriesProfile, "2020-02-15");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"ca_mensuel.2020-01"});
}

TEST(EvalSeries, SumOverYears) {
  EXPECT_EQ(Amount(EvalMeasure("series", "somme_annuelle", kSeriesProfile, "2020-11-15")), "25200.00");
  MeasureResult m = EvalMeasure("series", "somme_annuelle", "ca_annuel: {2019: 13200}", "2020-11-15");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"ca_annuel.2018"});
}

TEST(EvalSeries, MonthlyEnumSeries) {
  const char* profile = "fermeture: {2020-11: totale, 2020-12: partielle}";
  EXPECT_EQ(Status(EvalMeasure("series", "fermeture_totale", profile, "2020-11-15")), "eligible");
  MeasureResult dec = EvalMeasure("series", "fermeture_totale", profile, "2020-12-15");
  EXPECT_EQ(Status(dec), "ineligible");
  const std::string& detail = dec.conditions.at(0).detail;
  EXPECT_NE(detail.find("interdiction d'accueil du public (décembre 2020) : partielle"), std::string::npos) << detail;
  EXPECT_NE(detail.find("« totale » requis"), std::string::npos) << detail;
  MeasureResult jan = EvalMeasure("series", "fermeture_totale", profile, "2021-01-15");
  EXPECT_EQ(Status(jan), "undetermined");
  EXPECT_EQ(MissingKeys(jan), Keys{"fermeture.2021-01"});
  ASSERT_EQ(jan.missing.size(), 1u);
  EXPECT_NE(jan.missing[0].question.view().find("(janvier 2021)"), std::string::npos) << jan.missing[0].question;
}

TEST(EvalSeries, AnUnknownIndexAsksForTheIndexNotTheSeries) {
  MeasureResult m = EvalMeasure("series", "index_inconnu", kSeriesProfile, "2020-11-15");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"mois_reference"});
  std::string with_index = std::string(kSeriesProfile) + "mois_reference: 2019-12\n";
  EXPECT_EQ(Amount(EvalMeasure("series", "index_inconnu", with_index, "2020-11-15")), "1300.00");
}

TEST(EvalRecords, FieldsAreReadAndMissingFieldsAreNamedWithTheirRecord) {
  EXPECT_EQ(
      Amount(EvalMeasure("series", "aide_embauche", "embauche: {date: 2020-09-01, age_salarie: 22}", "2020-11-15")),
      "4000.00");
  MeasureResult partial = EvalMeasure("series", "aide_embauche", "embauche: {age_salarie: 22}", "2020-11-15");
  EXPECT_EQ(Status(partial), "undetermined");
  EXPECT_EQ(MissingKeys(partial), Keys{"embauche.date"});
  ASSERT_EQ(partial.missing.size(), 1u);
  EXPECT_EQ(partial.missing[0].question, "À quelle date le contrat commence-t-il ?");
  MeasureResult old =
      EvalMeasure("series", "aide_embauche", "embauche: {date: 2020-09-01, age_salarie: 30}", "2020-11-15");
  EXPECT_EQ(Status(old), "ineligible");
  EXPECT_NE(Condition(old, "Salarié de moins de 26 ans").detail.view().find("âge du salarié : 30 ; moins de 26 requis"),
            std::string::npos)
      << Condition(old, "Salarié de moins de 26 ans").detail;
  MeasureResult early =
      EvalMeasure("series", "aide_embauche", "embauche: {date: 2020-07-31, age_salarie: 22}", "2020-11-15");
  EXPECT_NE(Condition(early, "Embauche à partir du 1er août 2020").detail.view().find("à partir du 01/08/2020 requis"),
            std::string::npos)
      << Condition(early, "Embauche à partir du 1er août 2020").detail;
}

TEST(EvalRecords, AFieldBelowItsMinimumIsAProfileError) {
  ProfileResult p = Pack("series").ReadProfile("embauche: {age_salarie: 15}");
  EXPECT_FALSE(p.ok());
  ASSERT_FALSE(p.diagnostics.empty());
  EXPECT_NE(p.diagnostics[0].message.find("below the minimum"), std::string::npos) << p.diagnostics[0].message;
}

// ---- Lists (pack "lists") ----------------------------------------------------

TEST(EvalLists, NamedListItemIsTrue) {
  MeasureResult m = EvalMeasure("lists", "liste_nommee", "naf: 56.10A", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "1000.00");
  EXPECT_EQ(Status(EvalMeasure("lists", "hors_liste", "naf: 56.10A", "2020-11-15")), "ineligible");
}

TEST(EvalLists, CodeOutsideTheListIsFalseAndSaysWhichList) {
  MeasureResult m = EvalMeasure("lists", "liste_nommee", "naf: 47.11B", "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_NE(m.conditions.at(0).detail.view().find("doit figurer dans la liste « secteurs S1 »"), std::string::npos)
      << m.conditions.at(0).detail;
  MeasureResult out = EvalMeasure("lists", "hors_liste", "naf: 47.11B", "2020-11-15");
  EXPECT_EQ(Status(out), "eligible");
  EXPECT_EQ(Amount(out), "500.00");
  MeasureResult in = EvalMeasure("lists", "hors_liste", "naf: 56.10A", "2020-11-15");
  EXPECT_NE(in.conditions.at(0).detail.view().find("ne doit pas figurer dans la liste « secteurs S1 »"),
            std::string::npos)
      << in.conditions.at(0).detail;
}

TEST(EvalLists, PossibleItemIsUndeterminedAndAsksNoFact) {
  MeasureResult m = EvalMeasure("lists", "liste_nommee", "naf: 78.10Z", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(OutcomeOf(m.conditions.at(0)), "unknown");
  EXPECT_NE(m.conditions.at(0).detail.view().find("possible"), std::string::npos) << m.conditions.at(0).detail;
  // The code is known: there is nothing to ask, the advisor decides.
  EXPECT_TRUE(m.missing.empty()) << testing::Join(testing::Keys(m.missing));
  // not unknown is unknown.
  EXPECT_EQ(Status(EvalMeasure("lists", "hors_liste", "naf: 78.10Z", "2020-11-15")), "undetermined");
}

TEST(EvalLists, MissingCodeIsAsked) {
  MeasureResult m = EvalMeasure("lists", "liste_nommee", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), Keys{"naf"});
}

TEST(EvalLists, ListLiteral) {
  EXPECT_EQ(Status(EvalMeasure("lists", "liste_litterale", "departement: \"34\"", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "liste_litterale", "departement: \"66\"", "2020-11-15")), "eligible");
  MeasureResult no = EvalMeasure("lists", "liste_litterale", "departement: \"31\"", "2020-11-15");
  EXPECT_EQ(Status(no), "ineligible");
  EXPECT_NE(no.conditions.at(0).detail.view().find("doit être parmi"), std::string::npos) << no.conditions.at(0).detail;
  MeasureResult unknown = EvalMeasure("lists", "liste_litterale", "{}", "2020-11-15");
  EXPECT_EQ(Status(unknown), "undetermined");
  EXPECT_EQ(MissingKeys(unknown), Keys{"departement"});
}

TEST(EvalLists, EnumInAListLiteral) {
  EXPECT_EQ(Status(EvalMeasure("lists", "forme_en_liste", "forme: sas", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "forme_en_liste", "forme: sarl", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "forme_en_liste", "forme: eurl", "2020-11-15")), "ineligible");
}

TEST(EvalLists, ListLiteralOfThreeHundredItemsFindsTheLastOnes) {
  EXPECT_EQ(Status(EvalMeasure("lists", "grande_liste", "code: \"000\"", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "grande_liste", "code: \"254\"", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "grande_liste", "code: \"299\"", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("lists", "grande_liste", "code: \"300\"", "2020-11-15")), "ineligible");
}

// ---- Parameters (pack "parameters") -----------------------------------------

TEST(EvalParameters, TheValueInForceAtTheEvaluatedDateApplies) {
  const char* profile = "montant: 10000";
  // 10 % until 2020-07-14, 20 % from 2020-07-15; capped at 1 500 €, then 3 000 € from 2021.
  EXPECT_EQ(Amount(EvalMeasure("parameters", "aide_taux", profile, "2020-01-01")), "1000.00");
  EXPECT_EQ(Amount(EvalMeasure("parameters", "aide_taux", profile, "2020-07-14")), "1000.00");
  EXPECT_EQ(Amount(EvalMeasure("parameters", "aide_taux", profile, "2020-07-15")), "1500.00");
  EXPECT_EQ(Amount(EvalMeasure("parameters", "aide_taux", profile, "2020-12-31")), "1500.00");
  EXPECT_EQ(Amount(EvalMeasure("parameters", "aide_taux", profile, "2021-01-01")), "2000.00");
}

TEST(EvalParameters, BeforeTheFirstValueIsAnErrorNeverZero) {
  MeasureResult m = EvalMeasure("parameters", "aide_taux", "montant: 10000", "2019-12-31");
  EXPECT_EQ(Status(m), "error");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_NE(m.error.find("paramètre sans valeur à cette date"), std::string::npos) << m.error;
  EXPECT_NE(m.error.find("« taux »"), std::string::npos) << m.error;
  const std::string where = LocationOf(PackDir("parameters") + "/parametres.yaml", "taux * montant");
  EXPECT_NE(m.error.find(where), std::string::npos) << m.error << " (expected " << where << ")";
}

TEST(EvalParameters, DatedBooleanInACondition) {
  EXPECT_EQ(Status(EvalMeasure("parameters", "dispositif", "{}", "2020-09-30")), "eligible");
  MeasureResult closed = EvalMeasure("parameters", "dispositif", "{}", "2020-10-01");
  EXPECT_EQ(Status(closed), "ineligible");
  // The value read carries the source of the value in force.
  ASSERT_EQ(closed.conditions.at(0).values.size(), 1u);
  EXPECT_EQ(closed.conditions.at(0).values[0].name, "dispositif_ouvert");
  EXPECT_EQ(closed.conditions.at(0).values[0].value, "non");
  EXPECT_EQ(closed.conditions.at(0).values[0].source, "Arrêté de clôture de test");
  MeasureResult open = EvalMeasure("parameters", "dispositif", "{}", "2020-09-30");
  ASSERT_EQ(open.conditions.at(0).values.size(), 1u);
  EXPECT_EQ(open.conditions.at(0).values[0].value, "oui");
  EXPECT_EQ(open.conditions.at(0).values[0].source, "Décret de test n° 1");
  MeasureResult before = EvalMeasure("parameters", "dispositif", "{}", "2019-06-15");
  EXPECT_EQ(Status(before), "error");
  EXPECT_EQ(OutcomeOf(before.conditions.at(0)), "error");
}

TEST(EvalParameters, AFalseBooleanParameterIsExplainedByItsLabel) {
  // Facts and values are described by their label ("effectif salarié : 60"); so is a parameter
  // compared to something (Describe), but a bare boolean parameter shows its identifier.
  MeasureResult closed = EvalMeasure("parameters", "dispositif", "{}", "2020-10-01");
  EXPECT_NE(closed.conditions.at(0).detail.view().find("dispositif ouvert : non"), std::string::npos)
      << closed.conditions.at(0).detail;
}

// ---- Values and fact defaults (pack "values") --------------------------------

TEST(EvalValues, NamedValuesAreComputedOncePerEvaluation) {
  // v40 = v39 + v39 = … = 2^40 × base: linear with memoization, 2^40 steps without.
  const auto start = std::chrono::steady_clock::now();
  Evaluation e = Eval("memo", "{base: 1, base_court: 0.5}", "2020-11-15");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const MeasureResult& m = Measure(e, "chaine");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "1099511627776.00");
  EXPECT_EQ(Amount(Measure(e, "chaine_courte")), "2097152.00");  // 2^22 × 0.5
  EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(EvalValues, FactDefaultAppliesWhenTheProfileIsSilent) {
  MeasureResult m = EvalMeasure("values", "secteur_s1", "naf: 56.10A", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "1000.00");
  EXPECT_EQ(Status(EvalMeasure("values", "secteur_s1", "naf: 47.11B", "2020-11-15")), "ineligible");
  MeasureResult zero = EvalMeasure("values", "sans_salarie", "{}", "2020-11-15");
  EXPECT_EQ(Status(zero), "eligible");
  EXPECT_TRUE(zero.missing.empty());
}

TEST(EvalValues, TheProfileOverridesAFactDefault) {
  EXPECT_EQ(Status(EvalMeasure("values", "secteur_s1", "{naf: 56.10A, secteur: autre}", "2020-11-15")), "ineligible");
  EXPECT_EQ(Status(EvalMeasure("values", "secteur_s1", "{naf: 47.11B, secteur: s1}", "2020-11-15")), "eligible");
  EXPECT_EQ(Status(EvalMeasure("values", "sans_salarie", "effectif: 3", "2020-11-15")), "ineligible");
}

TEST(EvalValues, AnUndeterminedDefaultStillAsksTheFact) {
  MeasureResult none = EvalMeasure("values", "secteur_s1", "{}", "2020-11-15");
  EXPECT_EQ(Status(none), "undetermined");
  EXPECT_EQ(MissingKeys(none), (Keys{"naf", "secteur"}));
  // A "possible" code leaves the default unknown: only the sector itself is asked.
  MeasureResult possible = EvalMeasure("values", "secteur_s1", "naf: 78.10Z", "2020-11-15");
  EXPECT_EQ(Status(possible), "undetermined");
  EXPECT_EQ(MissingKeys(possible), Keys{"secteur"});
}

// ---- Versions (pack "versions") ---------------------------------------------

TEST(EvalVersions, AMonthBetweenVersionsIsNotApplicableWithItsReason) {
  MeasureResult m = EvalMeasure("versions", "mesure_versionnee", "{}", "2020-04-15");
  EXPECT_EQ(Status(m), "not_applicable");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(m.version, "");
  ASSERT_EQ(ReasonTexts(m).size(), 1u);
  EXPECT_NE(ReasonTexts(m)[0].find("avril 2020"), std::string::npos) << ReasonTexts(m)[0];
  EXPECT_NE(ReasonTexts(m)[0].find("mars 2020, juin 2020 à septembre 2020, novembre 2020"), std::string::npos)
      << ReasonTexts(m)[0];
  EXPECT_EQ(Status(EvalMeasure("versions", "mesure_versionnee", "{}", "2020-10-01")), "not_applicable");
  EXPECT_EQ(Status(EvalMeasure("versions", "mesure_versionnee", "{}", "2020-12-01")), "not_applicable");
  EXPECT_EQ(Status(EvalMeasure("versions", "mesure_versionnee", "{}", "2020-02-29")), "not_applicable");
}

TEST(EvalVersions, TheVersionOfTheMonthApplies) {
  MeasureResult march = EvalMeasure("versions", "mesure_versionnee", "{}", "2020-03-10");
  EXPECT_EQ(Status(march), "eligible");
  EXPECT_EQ(Amount(march), "1500.00");
  EXPECT_EQ(march.version, "2020-03 — premier confinement");
  ASSERT_TRUE(march.deadline);
  EXPECT_EQ(march.deadline->ToString(), "2020-04-30");
  EXPECT_TRUE(Contains(march.measure_sources, "Ordonnance de test") && !Contains(march.sources, "Ordonnance de test"));
  EXPECT_TRUE(Contains(march.sources, "Décret de mars"));
  EXPECT_FALSE(Contains(march.sources, "Décret d'été"));
  EXPECT_TRUE(Contains(march.open_points, "Point ouvert de mars"));

  for (const char* date : {"2020-06-01", "2020-07-31", "2020-09-30"}) {
    MeasureResult summer = EvalMeasure("versions", "mesure_versionnee", "{}", date);
    EXPECT_EQ(Amount(summer), "1000.00") << date;
    EXPECT_EQ(summer.version, "2020-06..2020-09") << date;
    EXPECT_FALSE(summer.deadline) << date;
    EXPECT_FALSE(Contains(summer.open_points, "Point ouvert de mars")) << date;
  }
  MeasureResult november = EvalMeasure("versions", "mesure_versionnee", "{}", "2020-11-30");
  EXPECT_EQ(Amount(november), "10000.00");
  EXPECT_EQ(november.version, "2020-11 — reconfinement");
}

// ---- Territory (pack "territory") -------------------------------------------

TEST(EvalTerritory, InsideTheTerritory) {
  MeasureResult m = EvalMeasure("territory", "aide_regionale", "{region: \"76\", effectif: 5}", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "2000.00");
  EXPECT_EQ(m.territory, "Occitanie");
}

TEST(EvalTerritory, OutsideTheTerritoryIsNotApplicable) {
  Evaluation e = Eval("territory", "{region: \"11\", effectif: 5}", "2020-11-15");
  const MeasureResult& m = Measure(e, "aide_regionale");
  EXPECT_EQ(Status(m), "not_applicable");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_TRUE(Contains(ReasonTexts(m), "Hors territoire")) << Join(ReasonTexts(m));
  EXPECT_TRUE(Contains(ReasonTexts(m), "Occitanie")) << Join(ReasonTexts(m));
  EXPECT_TRUE(Contains(ReasonTexts(m), "code région : 11")) << Join(ReasonTexts(m));
  EXPECT_TRUE(m.missing.empty());
  EXPECT_EQ(Status(Measure(e, "aide_nationale")), "eligible");
  // Outside the territory nothing else is asked.
  MeasureResult silent = EvalMeasure("territory", "aide_regionale", "region: \"11\"", "2020-11-15");
  EXPECT_EQ(Status(silent), "not_applicable");
  EXPECT_TRUE(silent.missing.empty());
}

TEST(EvalTerritory, UnknownTerritoryIsUndeterminedAndAsksTheRegion) {
  MeasureResult m = EvalMeasure("territory", "aide_regionale", "effectif: 5", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"region"});
  MeasureResult both = EvalMeasure("territory", "aide_regionale", "{}", "2020-11-15");
  EXPECT_EQ(Status(both), "undetermined");
  EXPECT_EQ(MissingKeys(both), (Keys{"effectif", "region"}));
}

TEST(EvalTerritory, UnknownTerritoryAndAFalseRequirementIsIneligibleAndAsksNothing) {
  // unknown ∧ false = false: the region cannot change the outcome, so it is not asked.
  MeasureResult m = EvalMeasure("territory", "aide_regionale", "effectif: 20", "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(MissingKeys(m), Keys{}) << "a fact that cannot change the outcome is never asked";
}

// ---- Requirements, cases, options (pack "cases") -----------------------------

constexpr const char* kFirm = "effectif: 10\ndate_creation: 2019-01-01\n";

std::string Firm(const std::string& more) { return std::string(kFirm) + more; }

TEST(EvalCases, FirstCaseThatHoldsApplies) {
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: 1000}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.case_id, "fermeture");
  EXPECT_EQ(m.case_label, "Interdiction d'accueil du public");
  EXPECT_EQ(Amount(m), "7000.00");
  EXPECT_EQ(m.option, "");
  EXPECT_TRUE(m.options.empty());
  // Cases after the chosen one are not evaluated.
  ASSERT_EQ(m.cases.size(), 1u);
  EXPECT_TRUE(m.cases[0].chosen);
  EXPECT_EQ(OutcomeOf(m.cases[0]), "met");
  EXPECT_TRUE(m.missing.empty());
  ASSERT_TRUE(m.deadline);
  EXPECT_EQ(m.deadline->ToString(), "2021-02-28");
  EXPECT_EQ(m.kind, MeasureKind::kGrant);
  EXPECT_EQ(m.per, AmountPeriod::kMonth);
  EXPECT_EQ(m.issuer, "État (test)");
  EXPECT_EQ(m.apply, "Demande en ligne");
  EXPECT_EQ(m.version, "2020-11");
}

TEST(EvalCases, SourcesAndOpenPointsOfTheMeasureVersionAndChosenCase) {
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: 1000}\n"),
                  "2020-11-15");
  EXPECT_TRUE(Contains(m.measure_sources, "Ordonnance de test") && !Contains(m.sources, "Ordonnance de test"))
      << Join(m.sources);
  EXPECT_TRUE(Contains(m.sources, "Décret de novembre")) << Join(m.sources);
  EXPECT_TRUE(Contains(m.sources, "Décret de novembre, art. 3")) << Join(m.sources);
  EXPECT_FALSE(Contains(m.sources, "art. 4")) << Join(m.sources);
  EXPECT_FALSE(Contains(m.sources, "art. 5")) << Join(m.sources);
  EXPECT_TRUE(Contains(m.open_points, "Point ouvert de la mesure")) << Join(m.open_points);
  EXPECT_TRUE(Contains(m.open_points, "Point ouvert de la fermeture")) << Join(m.open_points);
}

TEST(EvalCases, RequirementsAreAllListedWithOutcomeDetailAndValues) {
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: 1000}\n"),
                  "2020-11-15");
  ASSERT_EQ(m.conditions.size(), 2u);
  const ConditionResult& headcount = m.conditions[0];
  EXPECT_EQ(headcount.label, "Au plus 50 salariés");
  EXPECT_EQ(OutcomeOf(headcount), "met");
  EXPECT_EQ(headcount.detail, "");
  EXPECT_EQ(headcount.source, "Décret de novembre, art. 1");
  EXPECT_EQ(headcount.expression, "effectif <= 50");
  ASSERT_EQ(headcount.values.size(), 1u);
  EXPECT_EQ(headcount.values[0].name, "effectif");
  EXPECT_EQ(headcount.values[0].label, "effectif salarié");
  EXPECT_EQ(headcount.values[0].value, "10");
  const ConditionResult& created = m.conditions[1];
  EXPECT_EQ(created.expression, "date_creation < 2020-09-30");
  ASSERT_EQ(created.values.size(), 1u);
  EXPECT_EQ(created.values[0].value, "01/01/2019");
  EXPECT_EQ(created.open_points, std::vector<std::string>{"Point ouvert de la date de création"});
  EXPECT_TRUE(Contains(ReasonTexts(m), "Cas retenu : Interdiction d'accueil du public.")) << Join(ReasonTexts(m));
  EXPECT_TRUE(Contains(ReasonTexts(m), "Condition remplie : Au plus 50 salariés.")) << Join(ReasonTexts(m));
}

TEST(EvalCases, AFalseRequirementMakesTheMeasureIneligibleWithItsDetail) {
  MeasureResult m = EvalMeasure("cases", "fonds",
                                "effectif: 60\ndate_creation: 2020-10-01\nfermeture: {2020-11: totale}\nca_mensuel: "
                                "{2019-11: 8000, 2020-11: 1000}\n",
                                "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.amount, std::nullopt);
  ASSERT_EQ(m.conditions.size(), 2u);
  EXPECT_EQ(OutcomeOf(m.conditions[0]), "unmet");
  EXPECT_EQ(m.conditions[0].detail, "effectif salarié : 60 ; au plus 50 requis");
  EXPECT_EQ(m.conditions[0].values.at(0).value, "60");
  EXPECT_EQ(OutcomeOf(m.conditions[1]), "unmet");
  EXPECT_EQ(m.conditions[1].detail, "date de début d'activité : 01/10/2020 ; avant le 30/09/2020 requis");
  EXPECT_TRUE(Contains(ReasonTexts(m),
                       "Condition non remplie : Au plus 50 salariés — effectif salarié : 60 ; au plus 50 requis."))
      << Join(ReasonTexts(m));
  EXPECT_TRUE(Contains(ReasonTexts(m), "Condition non remplie : Activité débutée avant le 30 septembre 2020"))
      << Join(ReasonTexts(m));
  EXPECT_FALSE(Contains(ReasonTexts(m), "Cas non applicable")) << Join(ReasonTexts(m));
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalCases, BestOfOptionsChoosesTheLargestAndShowsEveryAmount) {
  MeasureResult m = EvalMeasure(
      "cases", "fonds",
      Firm("fermeture: {2020-11: aucune}\nsecteur: s1\nca_mensuel: {2019-11: 60000, 2020-11: 10000}\n"), "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.case_id, "s1");
  ASSERT_EQ(m.cases.size(), 2u);
  EXPECT_EQ(OutcomeOf(Case(m, "fermeture")), "unmet");
  EXPECT_FALSE(Case(m, "fermeture").chosen);
  EXPECT_TRUE(Case(m, "s1").chosen);
  // Loss 50 000 € capped at 10 000 €, against 20 % of 60 000 € = 12 000 €.
  ASSERT_EQ(m.options.size(), 2u);
  EXPECT_EQ(m.options[0].label, "Perte dans la limite de 10 000 €");
  ASSERT_TRUE(m.options[0].amount);
  EXPECT_EQ(m.options[0].amount->ToFixed(2), "10000.00");
  EXPECT_FALSE(m.options[0].chosen);
  ASSERT_TRUE(m.options[1].amount);
  EXPECT_EQ(m.options[1].amount->ToFixed(2), "12000.00");
  EXPECT_TRUE(m.options[1].chosen);
  EXPECT_EQ(m.options[1].source, "Décret de novembre, art. 4, II");
  EXPECT_EQ(m.option, "20 % du chiffre d'affaires de référence");
  EXPECT_EQ(Amount(m), "12000.00");
  EXPECT_TRUE(Contains(ReasonTexts(m), "Option la plus favorable : 20 % du chiffre d'affaires de référence."))
      << Join(ReasonTexts(m));
  EXPECT_TRUE(Contains(m.sources, "Décret de novembre, art. 4")) << Join(m.sources);

  MeasureResult small = EvalMeasure(
      "cases", "fonds",
      Firm("fermeture: {2020-11: aucune}\nsecteur: s1\nca_mensuel: {2019-11: 20000, 2020-11: 5000}\n"), "2020-11-15");
  EXPECT_EQ(small.option, "Perte dans la limite de 10 000 €");
  EXPECT_EQ(Amount(small), "10000.00");
  EXPECT_TRUE(small.options.at(0).chosen);
  EXPECT_EQ(small.options.at(1).amount->ToFixed(2), "4000.00");
}

TEST(EvalCases, AFailedThresholdExplainsTheValueAndWhatIsRequired) {
  // A 42 % loss: no case holds.
  MeasureResult m =
      EvalMeasure("cases", "fonds",
                  Firm("fermeture: {2020-11: aucune}\nsecteur: autre\nca_mensuel: {2019-11: 10000, 2020-11: 5800}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.amount, std::nullopt);
  ASSERT_EQ(m.cases.size(), 3u);
  for (const CaseResult& c : m.cases) {
    EXPECT_EQ(OutcomeOf(c), "unmet") << c.id;
    EXPECT_FALSE(c.chosen) << c.id;
  }
  const std::string& loss = Case(m, "perte").detail;
  EXPECT_NE(loss.find("42 %"), std::string::npos) << loss;
  EXPECT_NE(loss.find("au moins 50 % requis"), std::string::npos) << loss;
  EXPECT_EQ(loss, "taux de perte de chiffre d'affaires : 42 % ; au moins 50 % requis");
  const std::string& s1 = Case(m, "s1").detail;
  EXPECT_NE(s1.find("secteur : autre ; « s1 » requis"), std::string::npos) << s1;
  EXPECT_NE(s1.find("42 %"), std::string::npos) << s1;
  const std::string& closure = Case(m, "fermeture").detail;
  EXPECT_NE(closure.find("aucune"), std::string::npos) << closure;
  EXPECT_TRUE(Contains(ReasonTexts(m),
                       "Cas non applicable : Perte d'au moins 50 % — taux de perte de chiffre d'affaires : 42 % ; au "
                       "moins 50 % requis."))
      << Join(ReasonTexts(m));
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalCases, ThresholdsAreDecidedExactly) {
  // Exactly 50 %: the case holds; 49.99 % does not.
  MeasureResult half =
      EvalMeasure("cases", "fonds",
                  Firm("fermeture: {2020-11: aucune}\nsecteur: autre\nca_mensuel: {2019-11: 10000, 2020-11: 5000}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(half), "eligible");
  EXPECT_EQ(half.case_id, "perte");
  EXPECT_EQ(Amount(half), "1500.00");
  MeasureResult below =
      EvalMeasure("cases", "fonds",
                  Firm("fermeture: {2020-11: aucune}\nsecteur: autre\nca_mensuel: {2019-11: 10000, 2020-11: 5001}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(below), "ineligible");
  EXPECT_NE(Case(below, "perte").detail.view().find("49,99 %"), std::string::npos) << Case(below, "perte").detail;
}

TEST(EvalCases, AnEligibleMeasureWhoseAmountNeedsAMissingFactHasANullAmount) {
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: totale}\nca_mensuel: {2020-11: 1000}\n"), "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.case_id, "fermeture");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), Keys{"ca_mensuel.2019-11"});
  EXPECT_TRUE(Contains(ReasonTexts(m), "Montant à déterminer")) << Join(ReasonTexts(m));
}

TEST(EvalCases, AnUnknownCaseBeforeATrueOneLeavesTheCaseOpen) {
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("secteur: s1\nca_mensuel: {2019-11: 60000, 2020-11: 10000}\n"), "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.case_id, "");
  EXPECT_EQ(m.amount, std::nullopt);
  ASSERT_EQ(m.cases.size(), 2u);
  EXPECT_EQ(OutcomeOf(Case(m, "fermeture")), "unknown");
  EXPECT_EQ(OutcomeOf(Case(m, "s1")), "met");
  EXPECT_FALSE(Case(m, "s1").chosen);
  EXPECT_EQ(MissingKeys(m), Keys{"fermeture.2020-11"});
  EXPECT_TRUE(Contains(ReasonTexts(m), "Cas à déterminer")) << Join(ReasonTexts(m));
}

TEST(EvalCases, AnUnknownRequirementWithATrueCaseIsUndetermined) {
  MeasureResult m = EvalMeasure(
      "cases", "fonds",
      "date_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: 1000}\n",
      "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(OutcomeOf(m.conditions.at(0)), "unknown");
  EXPECT_EQ(MissingKeys(m), Keys{"effectif"});
  EXPECT_TRUE(Contains(ReasonTexts(m), "À vérifier : Au plus 50 salariés")) << Join(ReasonTexts(m));
  ASSERT_EQ(m.missing.size(), 1u);
  EXPECT_EQ(m.missing[0].question, "Quel est l'effectif salarié ?");
}

TEST(EvalCases, AnUnknownRequirementWithEveryCaseFalseIsIneligibleAndAsksNothing) {
  MeasureResult m = EvalMeasure("cases", "fonds",
                                "date_creation: 2019-01-01\nfermeture: {2020-11: aucune}\nsecteur: autre\nca_mensuel: "
                                "{2019-11: 10000, 2020-11: 5800}\n",
                                "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_TRUE(m.missing.empty()) << testing::Join(testing::Keys(m.missing));
}

TEST(EvalCases, AFalseAndAnUnknownRequirementIsIneligibleAndAsksNothing) {
  MeasureResult m = EvalMeasure(
      "cases", "fonds", "effectif: 60\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: 1000}\n",
      "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(OutcomeOf(m.conditions.at(0)), "unmet");
  EXPECT_EQ(OutcomeOf(m.conditions.at(1)), "unknown");
  EXPECT_TRUE(m.missing.empty()) << testing::Join(testing::Keys(m.missing));
}

TEST(EvalCases, AnEmptyProfileAsksEveryFactOnTheUnknownPath) {
  MeasureResult m = EvalMeasure("cases", "fonds", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), (Keys{"effectif", "date_creation", "ca_mensuel.2019-11", "ca_mensuel.2020-11",
                                  "fermeture.2020-11", "secteur"}));
  // Never a fact that no rule of the measure reads.
  EXPECT_FALSE(MissingKeys(m).count("aide_specifique"));
}

TEST(EvalCases, AFactHiddenBehindAFalseAndIsNotAsked) {
  // 10 % loss: "secteur == s1 and perte_pct >= 50 %" is false whatever the sector.
  MeasureResult m =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: aucune}\nca_mensuel: {2019-11: 10000, 2020-11: 9000}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(OutcomeOf(Case(m, "s1")), "unmet");
  EXPECT_TRUE(m.missing.empty()) << testing::Join(testing::Keys(m.missing));
  // 60 % loss: the sector now decides between the s1 case and the loss case.
  MeasureResult open =
      EvalMeasure("cases", "fonds", Firm("fermeture: {2020-11: aucune}\nca_mensuel: {2019-11: 10000, 2020-11: 4000}\n"),
                  "2020-11-15");
  EXPECT_EQ(Status(open), "eligible");
  EXPECT_EQ(OutcomeOf(Case(open, "s1")), "unknown");
  EXPECT_EQ(MissingKeys(open), Keys{"secteur"});
}

TEST(EvalCases, ACaseWithoutConditionIsTheLastResort) {
  MeasureResult big = EvalMeasure("cases", "avec_cas_par_defaut", "effectif: 60", "2020-11-15");
  EXPECT_EQ(big.case_id, "grande");
  EXPECT_EQ(Amount(big), "5000.00");
  MeasureResult small = EvalMeasure("cases", "avec_cas_par_defaut", "effectif: 5", "2020-11-15");
  EXPECT_EQ(Status(small), "eligible");
  EXPECT_EQ(small.case_id, "autre");
  EXPECT_EQ(Amount(small), "1000.00");
  ASSERT_EQ(small.cases.size(), 2u);
  EXPECT_TRUE(Case(small, "autre").chosen);
  EXPECT_EQ(OutcomeOf(Case(small, "autre")), "met");
  MeasureResult unknown = EvalMeasure("cases", "avec_cas_par_defaut", "{}", "2020-11-15");
  EXPECT_EQ(Status(unknown), "eligible");
  EXPECT_EQ(unknown.case_id, "");
  EXPECT_EQ(unknown.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(unknown), Keys{"effectif"});
}

TEST(EvalCases, AnUnknownOptionLeavesTheAmountOpen) {
  MeasureResult m = EvalMeasure("cases", "options_inconnues", "{}", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.kind, MeasureKind::kLoan);
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(m.option, "");
  ASSERT_EQ(m.options.size(), 2u);
  ASSERT_TRUE(m.options[0].amount);
  EXPECT_EQ(m.options[0].amount->ToFixed(2), "10000.00");
  EXPECT_FALSE(m.options[1].amount);
  EXPECT_FALSE(m.options[0].chosen);
  EXPECT_FALSE(m.options[1].chosen);
  EXPECT_EQ(MissingKeys(m), Keys{"aide_specifique"});

  MeasureResult more = EvalMeasure("cases", "options_inconnues", "aide_specifique: 25000", "2020-11-15");
  EXPECT_EQ(more.option, "Aide spécifique");
  EXPECT_EQ(Amount(more), "25000.00");
  MeasureResult less = EvalMeasure("cases", "options_inconnues", "aide_specifique: 5000", "2020-11-15");
  EXPECT_EQ(less.option, "Forfait");
  EXPECT_EQ(Amount(less), "10000.00");
}

TEST(EvalCases, ACaseWithoutAnAmountLeavesItToTheAdvisor) {
  MeasureResult m = EvalMeasure("cases", "montant_du_conseiller", "effectif: 5", "2020-11-15");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.case_id, "petite");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_TRUE(m.missing.empty());
  EXPECT_TRUE(Contains(ReasonTexts(m), "Montant non calculé par les règles")) << Join(ReasonTexts(m));
  EXPECT_FALSE(Contains(ReasonTexts(m), "des informations manquent")) << Join(ReasonTexts(m));
  EXPECT_EQ(Status(EvalMeasure("cases", "montant_du_conseiller", "effectif: 11", "2020-11-15")), "ineligible");
}

TEST(EvalCases, AnIneligibleMeasureReportsNoCase) {
  // docs/rule-language.md §8: "`case` and `option` when they applied". A false requirement makes
  // the measure ineligible: the closure case holds, but nothing applied.
  MeasureResult m = EvalMeasure(
      "cases", "fonds",
      "effectif: 60\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000}\n",
      "2020-11-15");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.case_id, "");
  EXPECT_EQ(m.case_label, "");
  for (const CaseResult& c : m.cases) EXPECT_FALSE(c.chosen) << c.id;
}

TEST(EvalCases, EveryMeasureIsReportedInPackOrder) {
  const RulePack& pack = Pack("cases");
  EXPECT_EQ(pack.MeasureIds(),
            (std::vector<std::string>{"fonds", "avec_cas_par_defaut", "options_inconnues", "montant_du_conseiller"}));
  Evaluation e = Eval("cases", "{}", "2020-11-15");
  ASSERT_EQ(e.measures.size(), 4u);
  EXPECT_EQ(e.measures[0].id, "fonds");
  EXPECT_EQ(e.measures[1].id, "avec_cas_par_defaut");
  EXPECT_EQ(e.measures[2].id, "options_inconnues");
  EXPECT_EQ(e.measures[3].id, "montant_du_conseiller");
  EXPECT_EQ(e.date, D("2020-11-15"));
  EXPECT_EQ(e.month.ToString(), "2020-11");
  EXPECT_EQ(e.pack.name, "cases");
  EXPECT_EQ(e.pack.version, "2.1.0");
}

// ---- Imports (packs "base" and "regional") -----------------------------------

TEST(EvalImports, APackSeesTheFactsListsAndValuesItImports) {
  const RulePack& regional = Pack("regional");
  EXPECT_EQ(regional.info().name, "regional");
  EXPECT_EQ(regional.info().version, "0.2.0");
  EXPECT_EQ(regional.MeasureIds(), (std::vector<std::string>{"aide_nationale", "aide_regionale"}));
  Evaluation e = Eval("regional", "{effectif: 5, departement: \"31\"}", "2020-11-15");
  EXPECT_EQ(Amount(Measure(e, "aide_nationale")), "1500.00");
  EXPECT_EQ(Amount(Measure(e, "aide_regionale")), "3000.00");
  Evaluation paris = Eval("regional", "{effectif: 5, departement: \"75\"}", "2020-11-15");
  EXPECT_EQ(Status(Measure(paris, "aide_nationale")), "eligible");
  EXPECT_EQ(Status(Measure(paris, "aide_regionale")), "not_applicable");
  Evaluation big = Eval("regional", "{effectif: 20, departement: \"31\"}", "2020-11-15");
  const MeasureResult& m = Measure(big, "aide_regionale");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_NE(m.conditions.at(0).detail.view().find("entreprise de moins de 11 salariés : non"), std::string::npos)
      << m.conditions.at(0).detail;
}

TEST(EvalImports, TheImportedPackAloneHasOnlyItsOwnMeasures) {
  const RulePack& base = Pack("base");
  EXPECT_EQ(base.info().name, "base");
  EXPECT_EQ(base.MeasureIds(), std::vector<std::string>{"aide_nationale"});
  EXPECT_EQ(base.info().digest.rfind("sha256:", 0), 0u) << base.info().digest;
  EXPECT_EQ(base.info().digest.size(), 7u + 64u);
  EXPECT_NE(base.info().digest, Pack("regional").info().digest);
}

TEST(EvalApi, AProfileReadAgainstAnotherPackIsRefused) {
  Profile profile = testing::ReadOrThrow(Pack("base"), "effectif: 5");
  EXPECT_THROW((void)Pack("regional").Evaluate(profile, D("2020-11-15")), relief::Error);
}

TEST(EvalApi, TheIdentifyingFactIsCarriedToTheResult) {
  Evaluation e = Eval("cases", "{siren: \"123456789\", effectif: 5}", "2020-11-15");
  ASSERT_EQ(e.firm.size(), 1u);
  EXPECT_EQ(e.firm[0].first, "siren");
  EXPECT_EQ(e.firm[0].second, "123456789");
  EXPECT_TRUE(Eval("cases", "effectif: 5", "2020-11-15").firm.empty());
  // The SIREN is not used by rules: it is never asked.
  EXPECT_FALSE(Contains(testing::Keys(Eval("cases", "{}", "2020-11-15").questions), "siren"));
}

TEST(EvalApi, TheSamePackEvaluatesTheSameProfileIdentically) {
  const RulePack& pack = Pack("cases");
  Profile profile = testing::ReadOrThrow(pack, Firm("fermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000}\n"));
  Evaluation first = pack.Evaluate(profile, D("2020-11-15"));
  Evaluation second = pack.Evaluate(profile, D("2020-11-15"));
  ASSERT_EQ(first.measures.size(), second.measures.size());
  for (std::size_t i = 0; i < first.measures.size(); ++i) {
    EXPECT_EQ(first.measures[i].status, second.measures[i].status);
    EXPECT_EQ(first.measures[i].amount, second.measures[i].amount);
    EXPECT_EQ(first.measures[i].missing, second.measures[i].missing);
    EXPECT_EQ(first.measures[i].reasons, second.measures[i].reasons);
  }
}

}  // namespace
}  // namespace relief
