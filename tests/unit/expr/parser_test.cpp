#include "expr/parser.hpp"

#include <gtest/gtest.h>

namespace relief::expr {
namespace {

std::string DumpOf(std::string_view text) {
  ParseResult r = Parse(text);
  if (!r.tree) return "error at " + std::to_string(r.error->offset) + ": " + r.error->message;
  return Dump(*r.tree);
}

TEST(Parser, PrecedenceAndAssociativity) {
  EXPECT_EQ(DumpOf("1 + 2 * 3 - 4"), "(- (+ 1 (* 2 3)) 4)");
  EXPECT_EQ(DumpOf("a or b and not c"), "(or a (and b (not c)))");
  EXPECT_EQ(DumpOf("-x * 2"), "(* (neg x) 2)");
}

TEST(Parser, KeywordsNeedWordBoundaries) {
  // Identifiers that start with keywords or with inf/nan are names.
  EXPECT_EQ(DumpOf("informatique and nantes or iffy"), "(or (and informatique nantes) iffy)");
  EXPECT_EQ(DumpOf("android"), "android");
}

TEST(Parser, SpanOfNodes) {
  ParseResult r = Parse("effectif <= 50");
  ASSERT_TRUE(r.tree);
  const Node& root = (*r.tree)[r.tree->root];
  EXPECT_EQ(root.span.begin, 0u);
  EXPECT_EQ(root.span.end, 14u);
}

TEST(Parser, ReportsTheOffsetOfAMissingOperand) {
  ParseResult r = Parse("a + * b");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->offset, 4u);
}

TEST(Parser, RejectsHostileNesting) {
  std::string deep(10000, '(');
  EXPECT_TRUE(Parse(deep).error.has_value());
  std::string minuses(5000, '-');
  EXPECT_TRUE(Parse(minuses + "1").error.has_value());
}

}  // namespace
}  // namespace relief::expr
