// A condition's detail is French text for the advisor: an operand that is no
// named fact, value or parameter (a function call, the evaluated date) is
// written in words with labels, never as the expression's source text.
#include <gtest/gtest.h>

#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

PackFiles Pack() {
  return {{"p/pack.yaml", "pack:\n  name: p\n  version: 1.0.0\n  title: P\n"}, {"p/regles.yaml", R"(facts:
  naf:
    type: string
    label: code NAF
    question: Quel est le code NAF ?
  refus_pret:
    type: boolean
    label: refus d'un prêt par la banque
    question: La banque a-t-elle refusé un prêt ?
measures:
  aide:
    title: Aide
    issuer: État
    kind: grant
    per: once
    territory: {label: France entière}
    apply: Demande en ligne
    sources: [Décret de test]
    versions:
      - months: 2020-04
        source: Décret de test, art. 1
        require:
          - label: Restauration
            when: starts_with(naf, "56")
          - label: Prêt refusé, sauf à partir du 14 mai 2020
            when: date_evaluation >= 2020-05-14 or refus_pret
        amount: 1 000 €
)"}};
}

TEST(ConditionDetailWords, NoExpressionTextInDetails) {
  LoadResult loaded = RulePack::Load(Pack(), "p");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  ProfileResult empty = loaded.pack->ReadProfile("{}\n", "profil.yaml");
  ASSERT_TRUE(empty.ok()) << FormatDiagnostics(empty.diagnostics);
  Evaluation e = loaded.pack->Evaluate(*empty.profile, *Date::Parse("2020-04-30"));
  const MeasureResult& m = e.measures.at(0);
  ASSERT_EQ(m.conditions.size(), 2u);
  EXPECT_EQ(m.conditions[0].detail, "« code NAF commence par 56 » : inconnu");
  EXPECT_EQ(m.conditions[1].detail,
            "la date d'évaluation : 30/04/2020 ; à partir du 14/05/2020 requis ; ou refus d'un prêt par la banque : "
            "inconnu");
}

}  // namespace
}  // namespace relief
