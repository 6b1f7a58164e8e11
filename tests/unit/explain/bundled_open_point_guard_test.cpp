// The `when:` guards of the bundled packs' open points, on the example firms
// of examples/profiles/: a point that says whom it concerns is hidden for a
// firm it cannot concern, kept for one it can, and kept when the fact that
// decides is missing (it may concern the firm).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "relief/rule_pack.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

std::string ExampleProfile(const std::string& firm) {
  std::ifstream in(std::string(RELIEF_TEST_DIR) + "/../examples/profiles/" + firm + ".yaml");
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_FALSE(text.str().empty()) << firm;
  return text.str();
}

// `profile` with the line starting with `key:` replaced by `line` (removed
// when `line` is empty).
std::string WithLine(const std::string& profile, const std::string& key, const std::string& line) {
  std::istringstream in(profile);
  std::string out, current;
  bool found = false;
  while (std::getline(in, current)) {
    if (current.rfind(key + ":", 0) == 0) {
      found = true;
      if (!line.empty()) out += line + "\n";
    } else {
      out += current + "\n";
    }
  }
  EXPECT_TRUE(found) << key;
  return found ? out : out + line + "\n";
}

// Every open point shown for `measure`: its own, its version's and case's,
// and those of its conditions.
std::vector<std::string> OpenPoints(const std::string& profile, const std::string& month, const std::string& measure) {
  static const RulePack pack = testing::BundledPack();
  ProfileResult read = pack.ReadProfile(profile, "profil.yaml");
  EXPECT_TRUE(read.ok()) << FormatDiagnostics(read.diagnostics);
  if (!read.ok()) return {};
  Evaluation e = pack.Evaluate(*read.profile, Month::Parse(month)->LastDay());
  for (const MeasureResult& m : e.measures) {
    if (m.id != measure) continue;
    std::vector<std::string> points(m.open_points.begin(), m.open_points.end());
    for (const ConditionResult& c : m.conditions)
      points.insert(points.end(), c.open_points.begin(), c.open_points.end());
    return points;
  }
  ADD_FAILURE() << "no measure " << measure;
  return {};
}

// Whether a point starting with `start` is shown.
bool Shown(const std::vector<std::string>& points, const std::string& start) {
  return std::any_of(points.begin(), points.end(), [&](const std::string& p) { return p.rfind(start, 0) == 0; });
}

const char kCreatedLate[] = "Entreprise créée après le mois de référence";
const char kControlled[] = "Entreprise contrôlée par une société commerciale (art. L. 233-3";

TEST(BundledOpenPointGuard, FondsDeSolidariteCreationAndControl) {
  // Created in 2016 and independent: neither point can concern it.
  const std::string restaurant = ExampleProfile("restaurant-montpellier");
  std::vector<std::string> points = OpenPoints(restaurant, "2020-11", "fonds_solidarite_volet1");
  EXPECT_FALSE(Shown(points, kCreatedLate));
  EXPECT_FALSE(Shown(points, kControlled));
  // The points that concern every firm stay.
  EXPECT_TRUE(Shown(points, "La résidence fiscale en France"));

  std::string created_2019 = WithLine(restaurant, "date_creation", "date_creation: 2019-06-01");
  created_2019 = WithLine(created_2019, "independante", "independante: false");
  points = OpenPoints(created_2019, "2020-11", "fonds_solidarite_volet1");
  EXPECT_TRUE(Shown(points, kCreatedLate));
  EXPECT_TRUE(Shown(points, kControlled));

  // Without the facts, the points may concern the firm.
  std::string unknown = WithLine(WithLine(restaurant, "date_creation", ""), "independante", "");
  points = OpenPoints(unknown, "2020-11", "fonds_solidarite_volet1");
  EXPECT_TRUE(Shown(points, kCreatedLate));
  EXPECT_TRUE(Shown(points, kControlled));
}

TEST(BundledOpenPointGuard, ReductionTnsByStatus) {
  const char micro[] = "Micro-entrepreneurs : pas de réduction forfaitaire";
  const char assimile[] = "Dirigeants assimilés salariés";
  const char conjoint[] = "Conjoint collaborateur : éligible";
  // A SARL whose manager is a self-employed (TNS) without a spouse working with him.
  std::vector<std::string> boulangerie =
      OpenPoints(ExampleProfile("boulangerie-toulouse"), "2020-11", "reduction_cotisations_tns_lfr3");
  EXPECT_FALSE(Shown(boulangerie, micro));
  EXPECT_FALSE(Shown(boulangerie, assimile));
  EXPECT_FALSE(Shown(boulangerie, conjoint));

  std::vector<std::string> photographe =
      OpenPoints(ExampleProfile("photographe-montauban"), "2020-11", "reduction_cotisations_tns_lfr3");
  EXPECT_TRUE(Shown(photographe, micro));
  EXPECT_FALSE(Shown(photographe, assimile));
  EXPECT_TRUE(Shown(photographe, conjoint));  // the profile does not say

  std::vector<std::string> restaurant =
      OpenPoints(ExampleProfile("restaurant-montpellier"), "2020-11", "reduction_cotisations_tns_lfr3");
  EXPECT_TRUE(Shown(restaurant, assimile));
  EXPECT_FALSE(Shown(restaurant, micro));
}

TEST(BundledOpenPointGuard, PgeCollectiveProceedingOnlyWhenThereIsOne) {
  const char opened_2020[] = "Une procédure ouverte à partir du 1er janvier 2020";
  const std::string garage = ExampleProfile("garage-carcassonne");
  EXPECT_FALSE(Shown(OpenPoints(garage, "2020-11", "pge"), opened_2020));
  std::string in_proceeding = WithLine(garage, "procedure", "procedure: sauvegarde");
  in_proceeding += "date_ouverture_procedure: 2020-06-15\n";
  EXPECT_TRUE(Shown(OpenPoints(in_proceeding, "2020-11", "pge"), opened_2020));
}

TEST(BundledOpenPointGuard, OccalLoyersTenEmployeesExactly) {
  const char ten[] = "entreprises-occitanie.com (13/11/2020) écrit « commerces de moins de 10 salariés »";
  const std::string habillement = ExampleProfile("habillement-nimes");
  EXPECT_FALSE(Shown(OpenPoints(habillement, "2020-11", "occal_aide_loyer"), ten));
  EXPECT_TRUE(Shown(OpenPoints(WithLine(habillement, "effectif", "effectif: 10"), "2020-11", "occal_aide_loyer"), ten));
}

TEST(BundledOpenPointGuard, CreditImpotMicroRegimeOnly) {
  const char micro[] = "Régime fiscal : l'exclusion des entreprises au régime micro";
  const char every_firm[] = "Le crédit est une aide de minimis";
  std::vector<std::string> gite =
      OpenPoints(ExampleProfile("gite-lozere"), "2020-11", "credit_impot_renovation_tertiaire");
  EXPECT_TRUE(Shown(gite, micro));
  EXPECT_TRUE(Shown(gite, every_firm));
  std::vector<std::string> garage =
      OpenPoints(ExampleProfile("garage-carcassonne"), "2020-11", "credit_impot_renovation_tertiaire");
  EXPECT_FALSE(Shown(garage, micro));
  EXPECT_TRUE(Shown(garage, every_firm));
}

}  // namespace
}  // namespace relief
