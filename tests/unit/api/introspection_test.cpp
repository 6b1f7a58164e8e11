// RulePack::Facts() and Measures() describe the declarations.
#include <gtest/gtest.h>

#include <algorithm>

#include "relief/rule_pack.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

const FactDescription& Fact(const std::vector<FactDescription>& facts, const std::string& name) {
  auto it = std::find_if(facts.begin(), facts.end(), [&](const FactDescription& f) { return f.name == name; });
  if (it == facts.end()) throw std::runtime_error("no fact " + name);
  return *it;
}

TEST(Introspection, Facts) {
  const std::vector<FactDescription> facts = testing::MemoryPack().Facts();
  const FactDescription& loyer = Fact(facts, "loyer");
  EXPECT_EQ(loyer.type, "money");
  EXPECT_EQ(loyer.unit, "€");
  EXPECT_EQ(loyer.label, "loyer mensuel");
  EXPECT_EQ(loyer.question, "Quel est le loyer mensuel ?");
  EXPECT_EQ(loyer.source, "Décret de test");
  EXPECT_EQ(loyer.min, "0");
  EXPECT_EQ(loyer.max, "");
  EXPECT_EQ(Fact(facts, "taux").max, "1");
  EXPECT_EQ(Fact(facts, "taux").unit, "%");
  const FactDescription& ca = Fact(facts, "ca");
  EXPECT_EQ(ca.type, "monthly money");
  EXPECT_EQ(ca.series, "monthly");
  EXPECT_EQ(ca.base, "money");
  EXPECT_EQ(Fact(facts, "forme").allowed_values, (std::vector<std::string>{"sarl", "sas", "ei"}));
  EXPECT_EQ(Fact(facts, "dept").list, "departements");
  EXPECT_EQ(Fact(facts, "embauche").fields, (std::vector<std::string>{"date", "salaire"}));
  EXPECT_EQ(Fact(facts, "embauche.date").type, "date");
  EXPECT_EQ(Fact(facts, "effectif").min, "0");  // from the imported pack
}

TEST(Introspection, Measures) {
  const std::vector<MeasureDescription> measures = testing::MemoryPack().Measures();
  ASSERT_EQ(measures.size(), 1u);
  EXPECT_EQ(measures[0].id, "aide_loyer");
  EXPECT_EQ(measures[0].title, "Aide au loyer");
  EXPECT_EQ(measures[0].issuer, "Région");
  EXPECT_EQ(measures[0].kind, MeasureKind::kGrant);
  EXPECT_EQ(measures[0].per, AmountPeriod::kMonth);
  EXPECT_EQ(measures[0].sources, (std::vector<std::string>{"Délibération de test"}));
}

}  // namespace
}  // namespace relief
