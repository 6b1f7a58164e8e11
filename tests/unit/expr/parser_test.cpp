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

namespace relief::expr {
namespace {

// Random texts over the language's alphabet: the parser never crashes or
// throws, and an error always points inside the text.
TEST(Parser, SurvivesRandomInput) {
  const std::vector<std::string> pieces = {
      "(",          ")",    "[",    "]",    ",",     ".",  " ",      "-",   "+",       "*",          "/",          "<",
      "<=",         "==",   "!=",   ">=",   ">",     "%",  "€",      "\"",  "and",     "or",         "not",        "in",
      "if",         "then", "else", "true", "false", "12", "10 000", "0.5", "2020-11", "2020-02-30", "2019-11-15", "x",
      "ca_mensuel", "mois", "min",  "é",    "\xff",  "\n", "\t",     "'",   "#",       "::"};
  std::uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  int trees = 0, errors = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const std::size_t length = next() % 24;
    for (std::size_t k = 0; k < length; ++k) text += pieces[next() % pieces.size()];
    ParseResult r = Parse(text);
    ASSERT_NE(r.tree.has_value(), r.error.has_value()) << text;
    if (r.error) {
      EXPECT_LE(r.error->offset, text.size()) << text;
      EXPECT_FALSE(r.error->message.empty()) << text;
      ++errors;
    } else {
      EXPECT_FALSE(Dump(*r.tree).empty()) << text;
      ++trees;
    }
  }
  // Both outcomes occur, so the generator exercises the parser for real.
  EXPECT_GT(trees, 100);
  EXPECT_GT(errors, 1000);
}

}  // namespace
}  // namespace relief::expr
