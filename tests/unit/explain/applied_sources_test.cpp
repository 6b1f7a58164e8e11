// The sources of a result are those of the version and case that applied,
// not every text of the measure (issue #10: a December answer listed all 17
// decrees of the fonds de solidarité); the measure's own stay available.
#include <gtest/gtest.h>

#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

TEST(AppliedSources, VersionAndCaseOnly) {
  PackFiles files = {{"p/pack.yaml", "pack:\n  name: p\n  version: 1.0.0\n  title: P\n"}, {"p/regles.yaml", R"(facts:
  effectif:
    type: integer
    label: effectif salarié
    question: Quel est l'effectif salarié ?
measures:
  aide:
    title: Aide
    issuer: État
    kind: grant
    per: month
    territory: {label: France entière}
    apply: Demande en ligne
    sources: [Ordonnance A, Décret de mars, Décret de novembre]
    versions:
      - months: 2020-03
        source: Décret de mars, art. 1
        amount: 1 000 €
      - months: 2020-11
        source: Décret de novembre, art. 2
        cases:
          - {id: petite, label: Petite entreprise, when: effectif <= 10, amount: 1 500 €, source: "Décret de novembre, art. 3"}
          - {id: autre, label: Autre, amount: 500 €}
)"}};
  LoadResult loaded = RulePack::Load(files, "p");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  ProfileResult profile = loaded.pack->ReadProfile("effectif: 3\n", "profil.yaml");
  ASSERT_TRUE(profile.ok());
  const MeasureResult november = loaded.pack->Evaluate(*profile.profile, *Date::Parse("2020-11-30")).measures.at(0);
  EXPECT_EQ(november.sources, (std::vector<std::string>{"Décret de novembre, art. 2", "Décret de novembre, art. 3"}));
  EXPECT_EQ(november.measure_sources,
            (std::vector<std::string>{"Ordonnance A", "Décret de mars", "Décret de novembre"}));
  const MeasureResult march = loaded.pack->Evaluate(*profile.profile, *Date::Parse("2020-03-31")).measures.at(0);
  EXPECT_EQ(march.sources, (std::vector<std::string>{"Décret de mars, art. 1"}));
}

}  // namespace
}  // namespace relief
