// Patterns of string facts (ir/pattern.hpp): whole-text matching, located
// errors for a bad pattern, and time linear in the text whatever the
// pattern (issue #7, defect 3: std::regex crashed on a 50 KB value against
// `[A-Za-z ]*` and backtracked exponentially on `(a|aa)*b`).
#include "ir/pattern.hpp"

#include <gtest/gtest.h>

#include <string>

#include "relief/rule_pack.hpp"

namespace relief::internal {
namespace {

Pattern Compiled(const std::string& text) {
  std::string error;
  auto p = Pattern::Compile(text, error);
  EXPECT_TRUE(p.has_value()) << error;
  return *p;
}

TEST(Pattern, MatchesTheWholeText) {
  Pattern naf = Compiled(R"([0-9]{2}\.[0-9]{2}[A-Z])");
  EXPECT_TRUE(naf.FullMatch("56.10A"));
  EXPECT_FALSE(naf.FullMatch("56.10A "));
  EXPECT_FALSE(naf.FullMatch("x56.10A"));
  EXPECT_EQ(naf.text(), R"([0-9]{2}\.[0-9]{2}[A-Z])");
}

TEST(Pattern, ABadPatternSaysWhy) {
  std::string error;
  EXPECT_FALSE(Pattern::Compile("[0-9", error).has_value());
  EXPECT_NE(error.find("missing ]"), std::string::npos) << error;
}

TEST(Pattern, LongTextsDoNotExhaustTheStack) {
  Pattern letters = Compiled("[A-Za-z ]*");
  EXPECT_TRUE(letters.FullMatch(std::string(1 << 20, 'a')));
  EXPECT_FALSE(letters.FullMatch(std::string(1 << 20, 'a') + "1"));
}

TEST(Pattern, NestedAlternativesDoNotBacktrack) {
  // Exponential for a backtracking engine: 2^(n/2) ways to split n a's.
  Pattern p = Compiled("(a|aa)*b");
  EXPECT_FALSE(p.FullMatch(std::string(100000, 'a')));
  EXPECT_TRUE(p.FullMatch(std::string(100000, 'a') + "b"));
}

TEST(Pattern, AProfileValueOf50KbIsRefusedWithAMessage) {
  RulePack pack = RulePack::LoadOrThrow(std::string(RELIEF_TEST_DIR) + "/packs/cases");
  ProfileResult p = pack.ReadProfile("siren: \"" + std::string(50000, '1') + "\"\n", "long.yaml");
  ASSERT_FALSE(p.ok());
  ASSERT_FALSE(p.diagnostics.empty());
  EXPECT_NE(p.diagnostics[0].message.find("a value matching [0-9]{9}"), std::string::npos) << p.diagnostics[0].message;
}

}  // namespace
}  // namespace relief::internal
