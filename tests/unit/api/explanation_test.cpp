// An Explanation's views say what RulePack::Evaluate's result says, field
// by field, and its copy into an Evaluation is that result.
#include "relief/explanation.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "relief/report.hpp"
#include "relief/rule_pack.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

// The example firms, and firms that give some facts or none.
std::vector<Profile> Firms(const RulePack& pack) {
  std::vector<Profile> firms = testing::ExampleFirms(pack);
  for (const char* text :
       {"{}", "effectif: 5\n", "effectif: 12\ndate_creation: 2020-02-10\nfermeture: {2020-11: totale}\n"}) {
    firms.push_back(pack.ReadProfile(text, "partial.yaml").profile.value());
  }
  return firms;
}

template <class Each>
void EveryFirmEveryMonth(const RulePack& pack, Each each) {
  for (const Profile& firm : Firms(pack)) {
    for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(1)) {
      each(firm, month.LastDay());
    }
  }
}

TEST(Explanation, CopiedIsWhatRulePackEvaluateGives) {
  const RulePack pack = testing::BundledPack();
  int checked = 0;
  EveryFirmEveryMonth(pack, [&](const Profile& firm, Date date) {
    EXPECT_EQ(ToJson(pack.Explain(firm, date).ToEvaluation()), ToJson(pack.Evaluate(firm, date))) << date.ToString();
    ++checked;
  });
  EXPECT_EQ(checked, 11 * 22);
}

// One requirement reading the same month twice (at 2020-11, `mois - 12` is
// 2019-11), an and of three operands.
const PackFiles kSeriesPack = {
    {"essai/pack.yaml", "pack:\n  name: essai\n  version: 1.0.0\n  title: Essai\n"},
    {"essai/faits.yaml", R"(facts:
  ca_mensuel:
    type: monthly money
    label: chiffre d'affaires mensuel
    question: Quel est le chiffre d'affaires HT du mois ?
  effectif:
    type: integer
    label: effectif salarié
    question: Quel est l'effectif salarié ?
)"},
    {"essai/mesures.yaml", R"(measures:
  aide:
    title: Aide de test
    issuer: Tests
    kind: grant
    per: month
    territory: {label: France entière}
    apply: Sans objet
    sources: [Source de test]
    versions:
      - months: {from: 2020-01, to: 2021-12}
        source: Version de test
        require:
          - label: chiffre d'affaires et effectif
            source: Article de test
            when: ca_mensuel[mois - 12] >= 1000 € and ca_mensuel[2019-11] >= 1000 € and effectif <= 10
        amount: 100 €
)"},
};

std::vector<std::string> Names(const UsedValueList& values) {
  std::vector<std::string> names;
  for (const UsedValueView v : values) names.push_back(v.name());
  EXPECT_EQ(values.size(), names.size());
  return names;
}

TEST(Explanation, ASeriesElementReadTwiceIsListedOnce) {
  const RulePack pack = RulePack::Load(kSeriesPack, "essai").value();
  const Profile firm = pack.ReadProfile("ca_mensuel: {2019-11: 1500, 2019-12: 800}\neffectif: 12\n").value();
  const Explanation november = pack.Explain(firm, *Date::Parse("2020-11-30"));
  const ConditionView c = november.measure(0).conditions()[0];
  EXPECT_EQ(Names(c.values()), (std::vector<std::string>{"ca_mensuel[2019-11]", "effectif"}));
  const Explanation december = pack.Explain(firm, *Date::Parse("2020-12-31"));
  EXPECT_EQ(Names(december.measure(0).conditions()[0].values()),
            (std::vector<std::string>{"ca_mensuel[2019-12]", "ca_mensuel[2019-11]", "effectif"}));
}

TEST(Explanation, ARequirementShowsItsOperandsOutcomesAndWords) {
  const RulePack pack = RulePack::Load(kSeriesPack, "essai").value();
  const Profile firm = pack.ReadProfile("ca_mensuel: {2019-11: 1500}\neffectif: 12\n").value();
  const Explanation e = pack.Explain(firm, *Date::Parse("2020-11-30"));
  ASSERT_EQ(e.measure_count(), 1u);
  const MeasureView m = e.measure(0);
  EXPECT_EQ(m.id(), "aide");
  EXPECT_EQ(m.status(), Status::kIneligible);
  EXPECT_EQ(m.amount(), std::nullopt);
  const ConditionView c = m.conditions()[0];
  EXPECT_EQ(c.label(), "chiffre d'affaires et effectif");
  EXPECT_EQ(c.source(), "Article de test");
  EXPECT_EQ(c.outcome(), Outcome::kUnmet);
  const ViewList<ConditionView> parts = c.parts();
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].outcome(), Outcome::kMet);
  EXPECT_EQ(parts[1].outcome(), Outcome::kMet);
  EXPECT_EQ(parts[2].outcome(), Outcome::kUnmet);
  EXPECT_EQ(parts[2].label(), "effectif <= 10");
  EXPECT_EQ(parts[2].source(), "");
  EXPECT_FALSE(parts[0].has_detail());
  EXPECT_EQ(parts[0].detail(), "");
  EXPECT_EQ(parts[2].detail(), "effectif salarié : 12 ; au plus 10 requis");
  EXPECT_EQ(c.detail(), parts[2].detail());  // a false "and" is explained by its false operands
  EXPECT_EQ(Names(parts[2].values()), std::vector<std::string>{"effectif"});
  EXPECT_EQ((*parts[2].values().begin()).value(), "12");
  ASSERT_EQ(m.reasons().size(), 1u);
  const ReasonView r = m.reasons()[0];
  EXPECT_EQ(r.code(), ReasonCode::kConditionUnmet);
  ASSERT_EQ(r.operand_count(), 2u);
  EXPECT_EQ(r.operand(0), "chiffre d'affaires et effectif");
  EXPECT_EQ(r.operand(1), c.detail());
  EXPECT_THROW(r.operand(2), std::out_of_range);
  EXPECT_THROW(e.measure(1), std::out_of_range);
}

TEST(Explanation, OutlivesItsPackAndProfileAndIsEmptyByDefault) {
  Explanation e;
  EXPECT_EQ(e.measure_count(), 0u);
  EXPECT_TRUE(e.measures().empty());
  EXPECT_TRUE(e.questions().empty());
  EXPECT_TRUE(e.ToEvaluation().measures.empty());
  {
    const RulePack pack = RulePack::Load(kSeriesPack, "essai").value();
    e = pack.Explain(pack.ReadProfile("effectif: 3\n").value(), *Date::Parse("2020-11-30"));
  }
  const MeasureView m = e.measure(0);
  EXPECT_EQ(m.status(), Status::kUndetermined);
  EXPECT_EQ(m.title(), "Aide de test");
  std::vector<std::string> asked;
  for (const MissingFactView q : e.questions()) asked.push_back(q.Column() + " | " + q.question());
  EXPECT_EQ(
      asked,
      (std::vector<std::string>{"ca_mensuel[2019-11] | Quel est le chiffre d'affaires HT du mois ? (novembre 2019)"}));
  EXPECT_EQ(m.conditions()[0].parts()[0].detail(),
            "chiffre d'affaires mensuel (novembre 2019) : inconnu ; au moins 1 000 € requis");
}

// The views say what the copied result says, field by field: the words
// they build when called, and the reasons' operands, are the result's.
void ExpectSame(const ConditionView& view, const ConditionResult& r) {
  EXPECT_EQ(view.label(), r.label);
  EXPECT_EQ(view.source(), r.source);
  EXPECT_EQ(view.outcome(), r.outcome);
  EXPECT_EQ(view.expression(), r.expression);
  EXPECT_EQ(view.detail(), r.detail);
  std::vector<std::string> values, expected;
  for (const UsedValueView v : view.values())
    values.push_back(v.name() + "=" + v.value() + "@" + std::string(v.source()));
  for (const UsedValue& v : r.values) expected.push_back(v.name + "=" + v.value.str() + "@" + v.source.str());
  EXPECT_EQ(values, expected);
  ASSERT_EQ(view.parts().size(), r.parts.size());
  for (std::size_t i = 0; i < r.parts.size(); ++i) ExpectSame(view.parts()[i], r.parts[i]);
}

void ExpectSame(const MeasureView& view, const MeasureResult& r) {
  EXPECT_EQ(view.status(), r.status);
  EXPECT_EQ(view.amount(), r.amount);
  EXPECT_EQ(view.amount_formula_words(), r.amount_formula_words);
  EXPECT_EQ(view.error(), r.error);
  ASSERT_EQ(view.conditions().size(), r.conditions.size());
  for (std::size_t i = 0; i < r.conditions.size(); ++i) ExpectSame(view.conditions()[i], r.conditions[i]);
  ASSERT_EQ(view.cases().size(), r.cases.size());
  for (std::size_t i = 0; i < r.cases.size(); ++i) EXPECT_EQ(view.cases()[i].detail(), r.cases[i].detail);
  ASSERT_EQ(view.reasons().size(), r.reasons.size());
  for (std::size_t i = 0; i < r.reasons.size(); ++i) {
    const ReasonView reason = view.reasons()[i];
    EXPECT_EQ(reason.code(), r.reasons[i].code);
    ASSERT_EQ(reason.operand_count(), r.reasons[i].operands.size());
    for (std::size_t k = 0; k < reason.operand_count(); ++k) EXPECT_EQ(reason.operand(k), r.reasons[i].operands[k]);
  }
  ASSERT_EQ(view.missing().size(), r.missing.size());
  for (std::size_t i = 0; i < r.missing.size(); ++i) {
    EXPECT_EQ(view.missing()[i].Key(), r.missing[i].Key());
    EXPECT_EQ(view.missing()[i].question(), r.missing[i].question);
  }
}

TEST(Explanation, ViewsSayWhatTheCopySays) {
  const RulePack pack = testing::BundledPack();
  std::size_t conditions = 0;
  for (const Profile& firm : Firms(pack)) {
    for (Month month = *Month::Parse("2020-03"); month <= *Month::Parse("2021-12"); month = *month.Add(3)) {
      const Explanation e = pack.Explain(firm, month.LastDay());
      const Evaluation copy = e.ToEvaluation();
      ASSERT_EQ(e.measure_count(), copy.measures.size());
      for (std::size_t m = 0; m < copy.measures.size(); ++m) {
        SCOPED_TRACE(copy.measures[m].id.str() + " at " + month.ToString());
        ExpectSame(e.measure(m), copy.measures[m]);
        conditions += copy.measures[m].conditions.size();
      }
    }
  }
  EXPECT_GT(conditions, 500u);  // the comparison is not of empty lists
}

}  // namespace
}  // namespace relief
