// Ranking the questions to ask: the fact that settles the most undetermined
// measures first, each fact once, ties in the order first met.
#include <gtest/gtest.h>

#include "explain/explanation_data.hpp"

namespace relief::internal {
namespace {

constexpr std::int32_t kEffectif = 0, kCaMensuel = 1, kNaf = 2;
const MissingKey kEffectifKey{kEffectif};
const MissingKey kNafKey{kNaf};
MissingKey CaMensuel(const char* month) { return {kCaMensuel, Month::Parse(month)->index(), true}; }

TEST(RankQuestions, TheFactThatSettlesMostMeasuresComesFirst) {
  // Three measures' missing facts, one after the other.
  const std::vector<MissingKey> met = {kEffectifKey,
                                       CaMensuel("2019-11"),  //
                                       CaMensuel("2019-11"),  //
                                       kNafKey,
                                       CaMensuel("2019-11"),
                                       kEffectifKey};
  std::vector<std::uint32_t> ranked;
  RankQuestions(met, ranked);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(met[ranked[0]], CaMensuel("2019-11"));  // in three measures
  EXPECT_EQ(ranked[0], 1u);                         // its first occurrence
  EXPECT_EQ(met[ranked[1]], kEffectifKey);          // in two
  EXPECT_EQ(ranked[1], 0u);
  EXPECT_EQ(met[ranked[2]], kNafKey);  // in one
}

TEST(RankQuestions, TiesInTheOrderFirstMet) {
  const std::vector<MissingKey> met = {kNafKey, kEffectifKey, CaMensuel("2020-11"), CaMensuel("2019-11")};
  std::vector<std::uint32_t> ranked = {7, 7};  // replaced, not appended to
  RankQuestions(met, ranked);
  EXPECT_EQ(ranked, (std::vector<std::uint32_t>{0, 1, 2, 3}));
}

TEST(RankQuestions, PeriodsOfOneSeriesAreDistinctQuestions) {
  const std::vector<MissingKey> met = {CaMensuel("2019-11"), CaMensuel("2020-11"), CaMensuel("2020-11")};
  std::vector<std::uint32_t> ranked;
  RankQuestions(met, ranked);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(met[ranked[0]], CaMensuel("2020-11"));
  EXPECT_EQ(met[ranked[1]], CaMensuel("2019-11"));
}

}  // namespace
}  // namespace relief::internal
