// Open points are shown only when they can concern the firm: a point with a
// `when:` guard is hidden when the guard is false, kept when it is true or
// unknown (it may concern the firm); a guard is checked like a condition.
#include <gtest/gtest.h>

#include <algorithm>

#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

PackFiles GuardedPack(const std::string& open_points) {
  return {{"p/pack.yaml", "pack:\n  name: p\n  version: 1.0.0\n  title: P\n"}, {"p/regles.yaml", R"(facts:
  independante:
    type: boolean
    label: entreprise indépendante
    question: L'entreprise est-elle indépendante ?
  effectif:
    type: integer
    label: effectif salarié
    question: Quel est l'effectif salarié ?
measures:
  aide:
    title: Aide
    issuer: État
    kind: grant
    per: once
    territory: {label: France entière}
    apply: Demande en ligne
    sources: [Décret de test]
    open_points:
)" + open_points + R"(
    versions:
      - months: 2020-11
        source: Décret de test, art. 1
        require:
          - label: Au plus 10 salariés
            when: effectif <= 10
            open_points:
              - {text: Effectif du groupe, when: not independante}
        amount: 1 000 €
)"}};
}

std::vector<std::string> OpenPoints(const RulePack& pack, const std::string& profile) {
  ProfileResult read = pack.ReadProfile(profile, "profil.yaml");
  EXPECT_TRUE(read.ok()) << FormatDiagnostics(read.diagnostics);
  Evaluation e = pack.Evaluate(*read.profile, *Date::Parse("2020-11-30"));
  std::vector<std::string> points(e.measures.at(0).open_points.begin(), e.measures.at(0).open_points.end());
  for (const Text& p : e.measures.at(0).conditions.at(0).open_points) points.push_back("condition: " + p);
  return points;
}

bool Has(const std::vector<std::string>& points, const std::string& text) {
  return std::find(points.begin(), points.end(), text) != points.end();
}

TEST(OpenPointGuard, ShownUnlessTheGuardIsFalse) {
  LoadResult loaded = RulePack::Load(GuardedPack(R"(      - Toujours affiché
      - text: Contrôlée par une société
        when: not independante)"),
                                     "p");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  const RulePack& pack = *loaded.pack;

  std::vector<std::string> independent = OpenPoints(pack, "independante: true\neffectif: 3\n");
  EXPECT_TRUE(Has(independent, "Toujours affiché"));
  EXPECT_FALSE(Has(independent, "Contrôlée par une société"));
  EXPECT_FALSE(Has(independent, "condition: Effectif du groupe"));

  std::vector<std::string> controlled = OpenPoints(pack, "independante: false\neffectif: 3\n");
  EXPECT_TRUE(Has(controlled, "Contrôlée par une société"));
  EXPECT_TRUE(Has(controlled, "condition: Effectif du groupe"));

  std::vector<std::string> unknown = OpenPoints(pack, "effectif: 3\n");
  EXPECT_TRUE(Has(unknown, "Contrôlée par une société"));  // may concern the firm
}

TEST(OpenPointGuard, AGuardIsCheckedAndLocated) {
  LoadResult not_boolean = RulePack::Load(GuardedPack("      - {text: Point, when: effectif + 1}"), "p");
  ASSERT_FALSE(not_boolean.ok());
  const std::string text = FormatDiagnostics(not_boolean.diagnostics);
  EXPECT_NE(text.find("regles.yaml:20:29: error: open point: expected boolean"), std::string::npos) << text;
  EXPECT_NE(text.find("open point"), std::string::npos) << text;

  LoadResult no_text = RulePack::Load(GuardedPack("      - {when: independante}"), "p");
  ASSERT_FALSE(no_text.ok());
  EXPECT_NE(FormatDiagnostics(no_text.diagnostics).find("open point: missing key 'text'"), std::string::npos)
      << FormatDiagnostics(no_text.diagnostics);

  LoadResult sequence = RulePack::Load(GuardedPack("      - [a, b]"), "p");
  ASSERT_FALSE(sequence.ok());
  EXPECT_NE(FormatDiagnostics(sequence.diagnostics).find("expected a text, or a mapping with keys text and when"),
            std::string::npos);
}

}  // namespace
}  // namespace relief
