// EvaluateTimeline: each month as Evaluate gives it at the month's last day,
// only the monthly measures, and totals that are the exact sum of the months.
#include "relief/timeline.hpp"

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>

#include "relief/report.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

Month M(const char* text) { return *Month::Parse(text); }

// The sum, computed here month by month with Evaluate, of the amounts of the
// eligible months of each monthly measure.
std::map<std::string, Decimal> SumsByEvaluate(const RulePack& pack, const Profile& profile, Month from, Month to) {
  std::map<std::string, Decimal> sums;
  for (std::int32_t i = from.index(); i <= to.index(); ++i) {
    Evaluation e = pack.Evaluate(profile, Month::FromIndex(i).LastDay());
    for (const MeasureResult& r : e.measures) {
      if (r.per != AmountPeriod::kMonth) continue;
      Decimal& sum = sums[r.id];
      if (r.status == Status::kEligible && r.amount) sum = *sum.Add(*r.amount);
    }
  }
  return sums;
}

// The example restaurant with its gross pay of February–May 2020, so that
// the LFR 3 payment aid (20 % of the month's gross pay) has amounts.
std::string RestaurantWithPay() {
  for (const std::string& text : testing::ExampleProfiles()) {
    if (text.find("823456789") != std::string::npos) {
      return text + "remunerations_brutes: {2020-02: 10000, 2020-03: \"8000,50\", 2020-04: 6000, 2020-05: 7000}\n";
    }
  }
  return "";
}

TEST(Timeline, TotalIsTheSumOfTheMonthlyEvaluations) {
  const RulePack pack = testing::BundledPack();
  int nonzero_totals = 0;
  std::vector<std::string> profiles = testing::ExampleProfiles();
  profiles.push_back(RestaurantWithPay());
  for (const std::string& text : profiles) {
    const Profile profile = pack.ReadProfile(text).value();
    const Timeline t = EvaluateTimeline(pack, profile, M("2020-02"), M("2021-08"));
    const auto sums = SumsByEvaluate(pack, profile, M("2020-02"), M("2021-08"));
    ASSERT_EQ(t.months.size(), 19u);
    for (const TimelineRow& row : t.rows) {
      ASSERT_TRUE(row.total.has_value()) << row.id;
      EXPECT_EQ(*row.total, sums.at(row.id)) << row.id;
      nonzero_totals += row.total->is_zero() ? 0 : 1;
    }
  }
  EXPECT_GE(nonzero_totals, 3);  // the comparison is not between zeros only
}

TEST(Timeline, PaymentAidOfLfr3OverFebruaryToMay2020) {
  const RulePack pack = testing::BundledPack();
  const Profile profile = pack.ReadProfile(RestaurantWithPay()).value();
  const Timeline t = EvaluateTimeline(pack, profile, M("2020-02"), M("2020-05"));
  const TimelineRow* aid = nullptr;
  for (const TimelineRow& row : t.rows) aid = row.id == "aide_paiement_cotisations_lfr3" ? &row : aid;
  ASSERT_NE(aid, nullptr);
  ASSERT_EQ(aid->cells.size(), 4u);
  // 20 % of 10 000, 8 000,50, 6 000 and 7 000.
  const char* const expected[] = {"2000.00", "1600.10", "1200.00", "1400.00"};
  for (std::size_t m = 0; m < 4; ++m) {
    EXPECT_EQ(aid->cells[m].status, Status::kEligible) << m;
    ASSERT_TRUE(aid->cells[m].amount.has_value()) << m;
    EXPECT_EQ(aid->cells[m].amount->ToFixed(2), expected[m]) << m;
    const Evaluation e = pack.Evaluate(profile, t.months[m].LastDay());
    for (const MeasureResult& r : e.measures) {
      if (r.id == aid->id) {
        EXPECT_EQ(r.amount, aid->cells[m].amount) << m;
      }
    }
  }
  EXPECT_EQ(aid->total->ToFixed(2), "6200.10");
  EXPECT_EQ(aid->eligible_months, 4);
  EXPECT_NE(TimelineToText(t).find("6 200,10 €"), std::string::npos) << TimelineToText(t);
  EXPECT_NE(TimelineToCsv(t).find("aide_paiement_cotisations_lfr3,"), std::string::npos);
  EXPECT_NE(TimelineToCsv(t).find(",total,,6200.10\r\n"), std::string::npos) << TimelineToCsv(t);
}

TEST(Timeline, ListsOnlyMonthlyMeasuresInForce) {
  const RulePack pack = testing::BundledPack();
  const Profile profile = pack.ReadProfile(testing::ExampleProfiles().front()).value();
  const Timeline t = EvaluateTimeline(pack, profile, M("2020-11"), M("2020-12"));
  std::map<std::string, AmountPeriod> per;
  for (const MeasureDescription& m : pack.Measures()) per[m.id] = m.per;
  ASSERT_FALSE(t.rows.empty());
  for (const TimelineRow& row : t.rows) EXPECT_EQ(per.at(row.id), AmountPeriod::kMonth) << row.id;
  // Before the first measure of the pack, nothing is in force.
  EXPECT_TRUE(EvaluateTimeline(pack, profile, M("2019-01"), M("2019-02")).rows.empty());
}

TEST(Timeline, RefusesABackwardOrOverlongSpan) {
  const RulePack pack = testing::BundledPack();
  const Profile profile = pack.ReadProfile("effectif: 3").value();
  EXPECT_THROW(EvaluateTimeline(pack, profile, M("2021-01"), M("2020-12")), std::invalid_argument);
  EXPECT_THROW(EvaluateTimeline(pack, profile, M("2000-01"), M("2020-01")), std::invalid_argument);
  EXPECT_EQ(EvaluateTimeline(pack, profile, M("2020-01"), M("2020-01")).months.size(), 1u);
}

}  // namespace
}  // namespace relief
