// A result's texts that come from the pack are shared with it (relief::Text),
// not copied: an Evaluation, or any part copied out of it, stays valid after
// the RulePack and the Profile that produced it are destroyed (ASan checks
// the reads below in the asan preset).
#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "relief/report.hpp"
#include "unit/eval/eval_test_util.hpp"

namespace relief {
namespace {

constexpr const char* kProfile =
    "effectif: 10\ndate_creation: 2019-01-01\nfermeture: {2020-11: totale}\nca_mensuel: {2019-11: 8000, 2020-11: "
    "1000}\n";

TEST(ResultLifetime, AnEvaluationOutlivesItsPackAndProfile) {
  std::optional<Evaluation> e;
  std::string json, text;
  {
    RulePack pack = RulePack::LoadOrThrow(testing::PackDir("cases"));
    e = pack.Evaluate(testing::ReadOrThrow(pack, kProfile), testing::D("2020-11-15"));
    json = ToJson(*e);
    text = ToText(*e);
  }
  EXPECT_EQ(ToJson(*e), json);
  EXPECT_EQ(ToText(*e), text);
}

TEST(ResultLifetime, PartsCopiedOutOutliveTheEvaluation) {
  std::optional<ConditionResult> condition;
  std::optional<Reason> reason;
  std::string label, expression;
  {
    RulePack pack = RulePack::LoadOrThrow(testing::PackDir("cases"));
    Evaluation e = pack.Evaluate(testing::ReadOrThrow(pack, kProfile), testing::D("2020-11-15"));
    const MeasureResult& m = e.measures.at(0);
    ASSERT_FALSE(m.conditions.empty());
    ASSERT_FALSE(m.reasons.empty());
    condition = m.conditions.front();
    reason = m.reasons.front();
    label = condition->label.str();
    expression = condition->expression.str();
  }
  ASSERT_FALSE(label.empty());
  EXPECT_EQ(condition->label, label);
  EXPECT_EQ(condition->expression, expression);
  EXPECT_FALSE(ReasonText(*reason).empty());
}

// A pack text longer than Text::kShort is shared with the pack; a shorter
// one ("Fonds de test") is held in the Text itself: no allocation either
// way, and no reference count to update.
TEST(ResultLifetime, PackTextsAreSharedNotCopied) {
  const RulePack& pack = testing::Pack("cases");
  const Profile profile = testing::ReadOrThrow(pack, kProfile);
  Evaluation a = pack.Evaluate(profile, testing::D("2020-11-15"));
  Evaluation b = pack.Evaluate(profile, testing::D("2020-11-15"));
  ASSERT_FALSE(a.measures.at(0).conditions.empty());
  const Text& label = a.measures.at(0).conditions[1].label;  // "Activité débutée avant le 30 septembre 2020"
  ASSERT_GT(label.size(), Text::kShort);
  EXPECT_EQ(label.data(), b.measures.at(0).conditions[1].label.data());
  const Text& title = a.measures.at(0).title;
  ASSERT_LE(title.size(), Text::kShort);
  EXPECT_EQ(title, "Fonds de test");
  EXPECT_NE(title.data(), b.measures.at(0).title.data());
}

TEST(Text, OwnsACopyOfAString) {
  auto source = std::make_unique<std::string>("perte de chiffre d'affaires");
  Text t(*source);
  source.reset();
  EXPECT_EQ(t, "perte de chiffre d'affaires");
  EXPECT_EQ(t.size(), 27u);
  Text copy = t;
  EXPECT_EQ(copy.data(), t.data());  // shared, not copied again
}

TEST(Text, ASliceKeepsItsOwnerAlive) {
  auto owner = std::make_shared<const std::string>("effectif < 50 et ouvert");
  Text slice(owner, std::string_view(*owner).substr(0, 13));
  std::weak_ptr<const std::string> watch = owner;
  owner.reset();
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(slice, "effectif < 50");
  slice = Text();
  EXPECT_TRUE(watch.expired());
}

TEST(Text, ShortTextsAreHeldInline) {
  std::string month = "2020-11";
  Text t(month);
  month.assign("xxxxxxx");
  EXPECT_EQ(t, "2020-11");
  Text copy = t;
  EXPECT_NE(copy.data(), t.data());  // each its own characters
  EXPECT_EQ(copy, "2020-11");
  Text moved = std::move(copy);
  EXPECT_EQ(moved, "2020-11");
  EXPECT_TRUE(copy.empty());  // NOLINT(bugprone-use-after-move): a moved-from Text is empty
  Text longer(std::string(Text::kShort + 1, 'a'));
  Text from_longer = std::move(longer);
  EXPECT_EQ(from_longer.size(), Text::kShort + 1);
  EXPECT_TRUE(longer.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(Text, EmptyAndComparisons) {
  Text empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, "");
  EXPECT_EQ(empty.str(), "");
  EXPECT_LT(Text("a"), Text("b"));
  EXPECT_EQ(Text("a") + "b", "ab");
  EXPECT_EQ("a" + Text("b"), "ab");
  EXPECT_EQ((std::vector<Text>{"x", "y"}), (std::vector<std::string>{"x", "y"}));
  EXPECT_FALSE((std::vector<Text>{"x"}) == (std::vector<std::string>{"x", "y"}));
}

}  // namespace
}  // namespace relief
