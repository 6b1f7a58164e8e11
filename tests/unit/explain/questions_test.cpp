// Ranking the questions to ask: the fact that settles the most undetermined
// measures first, each fact once, ties in the order first met.
#include <gtest/gtest.h>

#include "explain/measure_result.hpp"

namespace relief::internal {
namespace {

MeasureResult Missing(std::vector<std::pair<std::string, std::string>> facts) {
  MeasureResult r;
  r.status = Status::kUndetermined;
  for (auto& [fact, period] : facts) r.missing.push_back({fact, period, fact, "Quel est " + fact + " ?"});
  return r;
}

TEST(RankQuestions, TheFactThatSettlesMostMeasuresComesFirst) {
  std::vector<MeasureResult> results = {Missing({{"effectif", ""}, {"ca_mensuel", "2019-11"}}),
                                        Missing({{"ca_mensuel", "2019-11"}}),
                                        Missing({{"naf", ""}, {"ca_mensuel", "2019-11"}, {"effectif", ""}})};
  std::vector<MissingFact> ranked = RankQuestions(results);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].Key(), "ca_mensuel.2019-11");  // in three measures
  EXPECT_EQ(ranked[1].Key(), "effectif");            // in two
  EXPECT_EQ(ranked[2].Key(), "naf");                 // in one
  // The columns of a table of firms that would give them.
  EXPECT_EQ(ranked[0].Column(), "ca_mensuel[2019-11]");
  EXPECT_EQ(ranked[1].Column(), "effectif");
}

TEST(RankQuestions, PeriodsOfOneSeriesAreDistinctQuestions) {
  std::vector<MeasureResult> results = {Missing({{"ca_mensuel", "2019-11"}, {"ca_mensuel", "2020-11"}})};
  std::vector<MissingFact> ranked = RankQuestions(results);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].Key(), "ca_mensuel.2019-11");
  EXPECT_EQ(ranked[1].Key(), "ca_mensuel.2020-11");
}

}  // namespace
}  // namespace relief::internal
