// Amount formulas in words: labels instead of names, the registry's wording
// for functions, parentheses where "et" or an operator could be misread.
#include <gtest/gtest.h>

#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

using testing::Eval;
using testing::Measure;

constexpr const char* kClosed =
    "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
    "1000}\n";

TEST(FormulaWords, NamesBecomeLabelsAndFunctionsTheirWording) {
  const Evaluation e = Eval("cases", kClosed, "2020-11-15");
  const MeasureResult& m = Measure(e, "fonds");
  ASSERT_EQ(m.amount_formula, "min(perte, 10 000 €)");
  EXPECT_EQ(m.amount_formula_words, "le plus petit de perte de chiffre d'affaires et 10 000 €");
}

TEST(FormulaWords, AnOperationAmongSeveralArgumentsIsParenthesised) {
  // The option "20 % of the reference turnover, within 200 000 €".
  const Evaluation e = Eval("cases",
                            "effectif: 10\ndate_creation: 2019-01-01\nsecteur: s1\nfermeture: {2020-11: aucune}\n"
                            "ca_mensuel: {2019-11: 80000, 2020-11: 0}\n",
                            "2020-11-15");
  const MeasureResult& m = Measure(e, "fonds");
  ASSERT_EQ(m.amount_formula, "min(20 % * ca_reference, 200 000 €)") << m.amount_formula;
  EXPECT_EQ(m.amount_formula_words, "le plus petit de (20 % × chiffre d'affaires de référence) et 200 000 €");
}

}  // namespace
}  // namespace relief
