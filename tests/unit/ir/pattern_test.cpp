// Patterns of string facts (ir/pattern.hpp): whole-text matching, located
// errors for a bad pattern, and time linear in the text whatever the
// pattern (issue #7, defect 3: std::regex crashed on a 50 KB value against
// `[A-Za-z ]*` and backtracked exponentially on `(a|aa)*b`).
#include "ir/pattern.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

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

// Patterns that are a fixed sequence of ASCII characters and classes are
// matched without RE2: they must answer as a regular expression engine
// does, on every text of up to three characters of an alphabet that mixes
// what they accept and what they refuse (a two-byte é included). Any other
// pattern is left to RE2.
TEST(Pattern, FixedShapesMatchAsARegularExpressionDoes) {
  const std::vector<std::string> fixed = {R"([0-9]{2})", R"([0-9]{2}\.[0-9])", R"([A-Z][0-9a-z_])", R"(A-9)",
                                          R"(a{0}9)",    R"([0-Z]{3})",        R"(\.\$[9])",        ""};
  const std::vector<std::string> other = {R"([0-9]{2}|2A)", R"([^0-9])", R"(.[0-9])", "[0-9]+",
                                          R"(\d{2})",       R"(é[0-9])", R"([a-])",   "[0-9]{1,2}"};
  const std::vector<std::string> alphabet = {"0", "9", "A", "Z", "a", "_", ".", "-", "$", " ", "\xC3\xA9"};
  std::vector<std::string> texts = {""};
  for (std::size_t from = 0, length = 0; length < 3; ++length) {
    const std::size_t to = texts.size();
    for (std::size_t i = from; i < to; ++i) {
      for (const std::string& c : alphabet) texts.push_back(texts[i] + c);
    }
    from = to;
  }
  for (const std::string& text : fixed) {
    Pattern p = Compiled(text);
    EXPECT_TRUE(p.fixed_shape()) << text;
    const std::regex re(text);  // bytes, as RE2 reads UTF-8 when every character of the pattern is ASCII
    for (const std::string& t : texts) EXPECT_EQ(p.FullMatch(t), std::regex_match(t, re)) << text << " ~ " << t;
  }
  for (const std::string& text : other) EXPECT_FALSE(Compiled(text).fixed_shape()) << text;
  EXPECT_TRUE(Compiled(R"([0-9]{9})").FullMatch("376301362"));
  EXPECT_FALSE(Compiled(R"([0-9]{9})").FullMatch("37630136"));
  EXPECT_FALSE(Compiled(R"([0-9]{9})").FullMatch("3763013620"));
  EXPECT_FALSE(Compiled(R"([0-9]{9})").FullMatch(std::string("37630136\0", 9)));
}

}  // namespace
}  // namespace relief::internal
