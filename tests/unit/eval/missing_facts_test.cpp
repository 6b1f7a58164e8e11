// Three-valued (Kleene) logic and the exact set of missing facts
// (docs/rule-language.md §7 "Unknown"): pack "kleene", one measure per
// expression, and pack "questions" for the ranking across measures.
#include <gtest/gtest.h>

#include <chrono>

#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

using testing::Amount;
using testing::EvalMeasure;
using testing::Join;
using testing::Keys;
using testing::MissingKeys;
using testing::Status;

using KeySet = std::set<std::string>;

MeasureResult Kleene(std::string_view id, std::string_view profile) {
  return EvalMeasure("kleene", id, profile, "2020-11-15");
}

std::string Outcome0(const MeasureResult& m) { return OutcomeName(m.conditions.at(0).outcome); }

// ---- and / or / not ----------------------------------------------------------

TEST(EvalKleene, FalseAndUnknownIsFalse) {
  MeasureResult m = Kleene("et", "a: false");
  EXPECT_EQ(Outcome0(m), "unmet");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalKleene, TrueAndUnknownIsUnknown) {
  MeasureResult m = Kleene("et", "a: true");
  EXPECT_EQ(Outcome0(m), "unknown");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), KeySet{"b"});
  EXPECT_EQ(Status(Kleene("et", "{a: true, b: true}")), "eligible");
}

TEST(EvalKleene, TrueOrUnknownIsTrue) {
  MeasureResult m = Kleene("ou", "a: true");
  EXPECT_EQ(Outcome0(m), "met");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "100.00");
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalKleene, FalseOrUnknownIsUnknown) {
  MeasureResult m = Kleene("ou", "a: false");
  EXPECT_EQ(Outcome0(m), "unknown");
  EXPECT_EQ(MissingKeys(m), KeySet{"b"});
  MeasureResult both = Kleene("ou", "{}");
  EXPECT_EQ(MissingKeys(both), (KeySet{"a", "b"}));
  EXPECT_EQ(Status(Kleene("ou", "{a: false, b: false}")), "ineligible");
}

TEST(EvalKleene, NotUnknownIsUnknown) {
  MeasureResult m = Kleene("non", "{}");
  EXPECT_EQ(Outcome0(m), "unknown");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), KeySet{"b"});
  EXPECT_EQ(Status(Kleene("non", "b: false")), "eligible");
  EXPECT_EQ(Status(Kleene("non", "b: true")), "ineligible");
}

TEST(EvalKleene, AFactBehindAFalseAndIsNotAsked) {
  // (a and b) or d, with a false: b cannot change anything, d can.
  MeasureResult m = Kleene("ou_de_et", "a: false");
  EXPECT_EQ(Outcome0(m), "unknown");
  EXPECT_EQ(MissingKeys(m), KeySet{"d"});
  MeasureResult open = Kleene("ou_de_et", "a: true");
  EXPECT_EQ(MissingKeys(open), (KeySet{"b", "d"}));
  EXPECT_EQ(Status(Kleene("ou_de_et", "{a: false, d: true}")), "eligible");
}

TEST(EvalKleene, AFactBehindAFalseComparisonIsNotAsked) {
  MeasureResult low = Kleene("comparaison_inconnue", "x: 5");
  EXPECT_EQ(Status(low), "ineligible");
  EXPECT_TRUE(low.missing.empty());
  MeasureResult high = Kleene("comparaison_inconnue", "x: 20");
  EXPECT_EQ(Status(high), "undetermined");
  EXPECT_EQ(MissingKeys(high), KeySet{"y"});
  // The values read by the condition, unknown ones included.
  const std::vector<UsedValue>& values = high.conditions.at(0).values;
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].name, "x");
  EXPECT_EQ(values[0].value, "20 €");
  EXPECT_EQ(values[1].name, "y");
  EXPECT_EQ(values[1].value, "inconnu");
  EXPECT_NE(high.conditions.at(0).detail.view().find("montant y : inconnu"), std::string::npos)
      << high.conditions.at(0).detail;
}

TEST(EvalKleene, EveryRequirementIsEvaluatedAndAFalseOneDecides) {
  MeasureResult m = Kleene("deux_exigences", "a: false");
  EXPECT_EQ(Status(m), "ineligible");
  ASSERT_EQ(m.conditions.size(), 2u);
  EXPECT_EQ(OutcomeName(m.conditions[0].outcome), std::string("unmet"));
  EXPECT_EQ(OutcomeName(m.conditions[1].outcome), std::string("unknown"));
  EXPECT_TRUE(m.missing.empty());
  ASSERT_EQ(ReasonTexts(m).size(), 1u) << Join(ReasonTexts(m));
  EXPECT_NE(ReasonTexts(m)[0].find("Condition non remplie : exigence a"), std::string::npos) << ReasonTexts(m)[0];
  MeasureResult open = Kleene("deux_exigences", "a: true");
  EXPECT_EQ(Status(open), "undetermined");
  EXPECT_EQ(MissingKeys(open), KeySet{"b"});
  EXPECT_EQ(open.amount, std::nullopt);
}

TEST(EvalKleene, AConditionShowsTheTreeOfItsAndOrOperands) {
  MeasureResult m = Kleene("ou_de_et", "a: false");
  const ConditionResult& c = m.conditions.at(0);
  ASSERT_EQ(c.parts.size(), 2u);
  EXPECT_EQ(c.parts[0].expression, "(a and b)");
  EXPECT_EQ(OutcomeName(c.parts[0].outcome), std::string("unmet"));
  ASSERT_EQ(c.parts[0].parts.size(), 2u);
  EXPECT_EQ(c.parts[0].parts[0].expression, "a");
  EXPECT_EQ(OutcomeName(c.parts[0].parts[0].outcome), std::string("unmet"));
  EXPECT_EQ(c.parts[0].parts[1].expression, "b");
  EXPECT_EQ(OutcomeName(c.parts[0].parts[1].outcome), std::string("unknown"));
  EXPECT_EQ(c.parts[1].expression, "d");
  EXPECT_EQ(OutcomeName(c.parts[1].outcome), std::string("unknown"));
  ASSERT_EQ(c.parts[1].values.size(), 1u);
  EXPECT_EQ(c.parts[1].values[0].value, "inconnu");
  // A false "and" is explained by its false operand only, not by the unknown one.
  EXPECT_NE(c.parts[0].detail.view().find("fait a"), std::string::npos) << c.parts[0].detail;
  EXPECT_EQ(c.parts[0].detail.view().find("fait b"), std::string::npos) << c.parts[0].detail;
}

// ---- if / then / else ----------------------------------------------------------

TEST(EvalKleene, IfWithUnknownConditionAndEqualBranchesIsKnown) {
  MeasureResult m = Kleene("si_branches_egales", "{}");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(Amount(m), "100.00");
  EXPECT_TRUE(m.missing.empty());
}

TEST(EvalKleene, IfWithUnknownConditionAndDifferentBranchesIsUnknown) {
  MeasureResult m = Kleene("si_branches_differentes", "{}");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), KeySet{"b"});
  EXPECT_EQ(Amount(Kleene("si_branches_differentes", "b: true")), "100.00");
  EXPECT_EQ(Amount(Kleene("si_branches_differentes", "b: false")), "200.00");
}

TEST(EvalKleene, IfWithAKnownConditionAsksOnlyForTheBranchTaken) {
  MeasureResult then_branch = Kleene("si_condition_connue", "a: true");
  EXPECT_EQ(then_branch.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(then_branch), KeySet{"x"});
  MeasureResult else_branch = Kleene("si_condition_connue", "a: false");
  EXPECT_EQ(MissingKeys(else_branch), KeySet{"y"});
  EXPECT_EQ(Amount(Kleene("si_condition_connue", "{a: false, y: 12.5}")), "12.50");
}

TEST(EvalKleene, IfWithUnknownConditionAsksForItAndTheUnknownBranch) {
  EXPECT_EQ(MissingKeys(Kleene("si_branche_inconnue", "{}")), (KeySet{"b", "x"}));
  MeasureResult known_else = Kleene("si_branche_inconnue", "b: false");
  EXPECT_EQ(Amount(known_else), "200.00");
  EXPECT_TRUE(known_else.missing.empty());
  // Both branches are 200 €: the condition no longer matters.
  MeasureResult agree = Kleene("si_branche_inconnue", "x: 200");
  EXPECT_EQ(Amount(agree), "200.00");
  EXPECT_TRUE(agree.missing.empty());
}

TEST(EvalKleene, FunctionsOfAnUnknownAreUnknown) {
  MeasureResult m = Kleene("min_inconnu", "{}");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), KeySet{"x"});
  EXPECT_EQ(Amount(Kleene("min_inconnu", "x: 20000")), "10000.00");
  EXPECT_EQ(Amount(Kleene("min_inconnu", "x: 2000")), "2000.00");
}

TEST(EvalKleene, AFactGivenAsNullIsMissing) {
  MeasureResult m = Kleene("et", "{a: true, b: ~}");
  EXPECT_EQ(Status(m), "undetermined");
  EXPECT_EQ(MissingKeys(m), KeySet{"b"});
}

// ---- errors under unknown ---------------------------------------------------------

TEST(EvalKleene, AnErrorBehindAFalseAndIsNotEvaluated) {
  MeasureResult m = Kleene("erreur_derriere_faux", "{a: false, n: 0}");
  EXPECT_EQ(Status(m), "ineligible");
  EXPECT_EQ(m.error, "");
  EXPECT_EQ(Status(Kleene("erreur_derriere_faux", "{a: true, n: 0}")), "error");
}

TEST(EvalKleene, AnErrorIsNotHiddenByAnUnknownOperand) {
  // "b and 1 / n > 0" with b unknown and n = 0: the division is a bug in the rules.
  MeasureResult m = Kleene("erreur_et_inconnu", "n: 0");
  EXPECT_EQ(Status(m), "error");
  EXPECT_NE(m.error.find("division par zéro"), std::string::npos) << m.error;
}

TEST(EvalKleene, AnErrorInABranchOfAnUnknownIfIsNotHidden) {
  // "if b then 100 € / n else 100 €" with b unknown and n = 0: the rules hit a
  // division by zero, which is "reported with its location, never hidden".
  MeasureResult m = Kleene("erreur_si_inconnu", "n: 0");
  EXPECT_EQ(Status(m), "error") << "amount " << Amount(m) << ", missing " << Join(Keys(m.missing));
  EXPECT_NE(m.error.find("division par zéro"), std::string::npos) << m.error;
}

// ---- missing facts through a chain of values ----------------------------------------

TEST(MissingFacts, AreCollectedOnceThroughSharedValues) {
  // w22 = w21 + w21 = … = 2^22 × base_court, with base_court missing: every w
  // is unknown and the only fact to ask is base_court. Visiting each value
  // once takes 22 steps; visiting it once per use, 2^22 (about a second).
  const auto start = std::chrono::steady_clock::now();
  Evaluation e = testing::Eval("memo", "base: 1", "2020-11-15");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  const MeasureResult& m = testing::Measure(e, "chaine_courte");
  EXPECT_EQ(Status(m), "eligible");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), KeySet{"base_court"});
  EXPECT_EQ(Amount(testing::Measure(e, "chaine")), "1099511627776.00");
  EXPECT_LT(elapsed, std::chrono::milliseconds(200))
      << "missing facts are searched once per use of a value, not once per value: "
      << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count() << " ms";
}

TEST(MissingFacts, AreCollectedOnceThroughADeepChainOfValues) {
  MeasureResult m = EvalMeasure("memo", "chaine", "base_court: 1", "2020-11-15");
  EXPECT_EQ(m.amount, std::nullopt);
  EXPECT_EQ(MissingKeys(m), KeySet{"base"});
}

TEST(MissingFacts, CarryTheirLabelAndQuestion) {
  MeasureResult m = Kleene("et", "a: true");
  ASSERT_EQ(m.missing.size(), 1u);
  EXPECT_EQ(m.missing[0].fact, "b");
  EXPECT_EQ(m.missing[0].period, "");
  EXPECT_EQ(m.missing[0].Key(), "b");
  EXPECT_EQ(m.missing[0].label, "fait b");
  EXPECT_EQ(m.missing[0].question, "Le fait b est-il vrai ?");
}

// ---- ranked questions across measures (pack "questions") ---------------------------

TEST(MissingQuestions, TheFactThatSettlesMostMeasuresComesFirst) {
  Evaluation e = testing::Eval("questions", "{}", "2020-11-15");
  // q2 is missing in m1, m2 and m3; q3 in m2 and m3; q1 in m1 only.
  EXPECT_EQ(MissingKeys(testing::Measure(e, "m1")), (KeySet{"q1", "q2"}));
  EXPECT_EQ(MissingKeys(testing::Measure(e, "m2")), (KeySet{"q2", "q3"}));
  EXPECT_EQ(MissingKeys(testing::Measure(e, "m3")), (KeySet{"q2", "q3"}));
  EXPECT_TRUE(testing::Measure(e, "m4").missing.empty());
  EXPECT_EQ(Keys(e.questions), (std::vector<std::string>{"q2", "q3", "q1"}));
  ASSERT_EQ(e.questions.size(), 3u);
  EXPECT_EQ(e.questions[0].question, "Question 2 ?");
}

TEST(MissingQuestions, TiesKeepTheOrderOfTheMeasures) {
  Evaluation e = testing::Eval("questions", "q2: true", "2020-11-15");
  // m1 asks q1, m2 asks q3, m3 is eligible and its amount needs November 2019.
  EXPECT_EQ(Status(testing::Measure(e, "m3")), "eligible");
  EXPECT_EQ(Keys(e.questions), (std::vector<std::string>{"q1", "q3", "ca_mensuel.2019-11"}));
  ASSERT_EQ(e.questions.size(), 3u);
  EXPECT_EQ(e.questions[2].question, "Quel est le chiffre d'affaires HT du mois ? (novembre 2019)");
}

TEST(MissingQuestions, NoQuestionWhenEverythingIsKnown) {
  Evaluation e = testing::Eval("questions", "{q1: true, q2: true, q3: false, ca_mensuel: {2019-11: 10}}", "2020-11-15");
  EXPECT_TRUE(e.questions.empty()) << Join(Keys(e.questions));
  EXPECT_EQ(Status(testing::Measure(e, "m1")), "eligible");
  EXPECT_EQ(Status(testing::Measure(e, "m2")), "ineligible");
  EXPECT_EQ(Amount(testing::Measure(e, "m3")), "10.00");
}

}  // namespace
}  // namespace relief
