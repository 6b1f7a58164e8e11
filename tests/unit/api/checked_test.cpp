// Results that cannot be dereferenced unchecked: a failed load or profile
// throws relief::Error with its diagnostics instead of undefined behaviour.
#include <gtest/gtest.h>

#include "relief/rule_pack.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

TEST(Checked, FailedProfileThrowsItsDiagnostics) {
  ProfileResult r = testing::MemoryPack().ReadProfile("efectif: 3\n", "typo.yaml");
  ASSERT_FALSE(r.ok());
  try {
    (void)testing::MemoryPack().Evaluate(*r.profile, *Date::Parse("2020-11-15"));
    FAIL() << "dereferencing a failed profile must throw";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "typo.yaml:1:1: error: unknown field 'efectif'; did you mean 'effectif'?\nefectif: 3\n^\n");
  }
}

TEST(Checked, FailedLoadThrowsItsDiagnostics) {
  LoadResult loaded = RulePack::Load("/nonexistent/pack");
  ASSERT_FALSE(loaded.ok());
  EXPECT_THROW((void)loaded.pack->info(), Error);
  try {
    (void)loaded.value();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/pack: error: not a rule pack directory\n");
    EXPECT_EQ(e.diagnostics().size(), 1u);
  }
  EXPECT_THROW((void)RulePack::LoadOrThrow("/nonexistent/pack"), Error);
}

TEST(Checked, WarningsAloneDoNotStopALoad) {
  LoadResult loaded = RulePack::Load(testing::MemoryPackFiles(), "essai");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.pack->info().name, "essai");
}

}  // namespace
}  // namespace relief
