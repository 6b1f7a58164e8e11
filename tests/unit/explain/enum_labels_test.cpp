// Enum values written as {code: label}: profiles and rules use the codes,
// explanations show the labels, never an internal code (issue #10).
#include <gtest/gtest.h>

#include "relief/diagnostic.hpp"
#include "relief/report.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

PackFiles LabelledEnumPack(const std::string& values) {
  return {{"p/pack.yaml", "pack:\n  name: p\n  version: 1.0.0\n  title: P\n"}, {"p/regles.yaml", R"(facts:
  statut:
    type: enum
    values:
)" + values + R"(
    label: statut social du dirigeant
    question: Quel est le statut social du dirigeant ?
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
      - months: 2020-11
        source: Décret de test, art. 1
        require:
          - {label: Travailleur indépendant, when: statut == "tns_droit_commun"}
        amount: 1 000 €
)"}};
}

TEST(EnumLabels, ExplanationsShowTheLabelsNotTheCodes) {
  LoadResult loaded = RulePack::Load(
      LabelledEnumPack("      tns_droit_commun: travailleur non salarié\n      assimile_salarie: assimilé salarié"),
      "p");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  ProfileResult profile = loaded.pack->ReadProfile("statut: assimile_salarie\n", "profil.yaml");
  ASSERT_TRUE(profile.ok()) << FormatDiagnostics(profile.diagnostics);
  const MeasureResult r = loaded.pack->Evaluate(*profile.profile, *Date::Parse("2020-11-30")).measures.at(0);
  ASSERT_EQ(r.status, Status::kIneligible);
  const std::string why = ReasonText(r.reasons.at(0));
  EXPECT_NE(why.find("statut social du dirigeant : assimilé salarié ; « travailleur non salarié » requis"),
            std::string::npos)
      << why;
  EXPECT_EQ(why.find("tns_droit_commun"), std::string::npos) << why;
}

TEST(EnumLabels, ALabelIsAText) {
  LoadResult loaded = RulePack::Load(LabelledEnumPack("      tns_droit_commun: [a, b]"), "p");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(FormatDiagnostics(loaded.diagnostics).find("values: expected code: label, both texts"), std::string::npos)
      << FormatDiagnostics(loaded.diagnostics);
}

}  // namespace
}  // namespace relief
