// Versions bounded by dates within a month, parameters read at another date
// than the evaluated one, and year arithmetic on dates.
#include "unit/eval/eval_test_util.hpp"

namespace relief::testing {
namespace {

TEST(EvalDatedVersions, AVersionStartsAndEndsOnTheDayItSays) {
  EXPECT_EQ(Status(EvalMeasure("dated", "guichet", "{}", "2021-01-27")), "not_applicable");
  EXPECT_EQ(Amount(EvalMeasure("dated", "guichet", "{}", "2021-01-28")), "500.00");
  EXPECT_EQ(Amount(EvalMeasure("dated", "guichet", "{}", "2021-05-09")), "500.00");
  MeasureResult m = EvalMeasure("dated", "guichet", "{}", "2021-05-10");
  EXPECT_EQ(Amount(m), "600.00");
  EXPECT_EQ(m.version, "2021-05-10..2021-07-31");
  MeasureResult after = EvalMeasure("dated", "guichet", "{}", "2021-08-01");
  EXPECT_EQ(Status(after), "not_applicable");
  EXPECT_NE(ReasonTexts(after).at(0).find("du 28/01/2021 au 09/05/2021"), std::string::npos)
      << ReasonTexts(after).at(0);
}

TEST(EvalValueAt, TheParameterIsReadAtTheGivenDate) {
  // 20.40 € is above 2 × 10.15 € (SMIC of 2020) but below 2 × 10.25 € (2021):
  // the hiring date decides, whatever the evaluated date.
  const char* hired_2020 = "{date_embauche: 2020-12-15, salaire_horaire: 20.40}";
  const char* hired_2021 = "{date_embauche: 2021-01-04, salaire_horaire: 20.40}";
  EXPECT_EQ(Status(EvalMeasure("dated", "plafond_a_l_embauche", hired_2020, "2021-03-01")), "ineligible");
  EXPECT_EQ(Status(EvalMeasure("dated", "plafond_a_l_embauche", hired_2021, "2021-03-01")), "eligible");
  MeasureResult unknown = EvalMeasure("dated", "plafond_a_l_embauche", "{salaire_horaire: 20.40}", "2021-03-01");
  EXPECT_EQ(Status(unknown), "undetermined");
  EXPECT_EQ(MissingKeys(unknown), (std::set<std::string>{"date_embauche"}));
}

TEST(EvalAddYears, EighteenthBirthday) {
  EXPECT_EQ(Status(EvalMeasure("dated", "majeur_a_l_embauche",
                               "{date_naissance: 2002-03-15, date_embauche: 2020-03-15}", "2020-06-01")),
            "eligible");
  EXPECT_EQ(Status(EvalMeasure("dated", "majeur_a_l_embauche",
                               "{date_naissance: 2002-03-15, date_embauche: 2020-03-14}", "2020-06-01")),
            "ineligible");
}

TEST(EvalAddYears, TwentyNinthOfFebruaryBecomesFirstOfMarch) {
  // Born 29/02/2004: 18 on 01/03/2022 (2022 is a common year).
  EXPECT_EQ(Status(EvalMeasure("dated", "majeur_a_l_embauche",
                               "{date_naissance: 2004-02-29, date_embauche: 2022-02-28}", "2021-06-01")),
            "ineligible");
  EXPECT_EQ(Status(EvalMeasure("dated", "majeur_a_l_embauche",
                               "{date_naissance: 2004-02-29, date_embauche: 2022-03-01}", "2021-06-01")),
            "eligible");
}

}  // namespace
}  // namespace relief::testing
