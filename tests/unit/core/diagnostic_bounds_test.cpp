// Diagnostics stay small and terminal-safe whatever the input: "did you
// mean" is bounded in time and memory (#7 defect 2), control characters and
// invalid UTF-8 are escaped (defect 6), and the number of diagnostics kept
// and printed and the length of what they quote are capped (defect 10).
#include <gtest/gtest.h>

#include <ctime>

#include "core/limits.hpp"
#include "core/source_file.hpp"
#include "core/suggest.hpp"
#include "core/text_safety.hpp"
#include "relief/diagnostic.hpp"

namespace relief {
namespace {

// CPU time, not wall time: the bound is on the work done, which a busy
// machine does not change.
double CpuSecondsSince(std::clock_t start) { return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC; }

bool HasRawControl(const std::string& text) {
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

TEST(Suggest, StillFindsTypos) {
  EXPECT_EQ(ClosestMatch("lable", {"label", "question"}), "label");
  EXPECT_EQ(ClosestMatch("effetcif", {"effectif", "forme"}), "effectif");
  EXPECT_EQ(ClosestMatch("versoin", {"name", "version", "title"}), "version");
  EXPECT_EQ(ClosestMatch("zzz", {"label"}), "");
}

TEST(Suggest, HugeWordIsBoundedInTimeAndGetsNoSuggestion) {
  const std::string word(5 << 20, 'a');  // a 5 MB unknown key
  std::vector<std::string> candidates = {"aaaa", "label", std::string(3 << 20, 'a')};
  const std::clock_t start = std::clock();
  EXPECT_EQ(ClosestMatch(word, candidates), "");
  EXPECT_EQ(DidYouMean(std::string(64 + 1, 'a'), {std::string(64, 'a')}), "");
  EXPECT_LT(CpuSecondsSince(start), 0.5);
}

TEST(Suggest, ManyCandidatesOfMaximalLengthAreFast) {
  std::vector<std::string> candidates(5000, std::string(64, 'b'));
  const std::clock_t start = std::clock();
  EXPECT_EQ(ClosestMatch(std::string(64, 'a'), candidates), "");
  EXPECT_LT(CpuSecondsSince(start), 2.0);
}

TEST(TextSafety, EscapesControlsAndInvalidUtf8) {
  EXPECT_EQ(TerminalSafe("a\x1b[2Jb"), "a\\x1b[2Jb");
  EXPECT_EQ(TerminalSafe("line\nforged"), "line\\nforged");
  EXPECT_EQ(TerminalSafe("line\nkept", "\n"), "line\nkept");
  EXPECT_EQ(TerminalSafe("\xff\xfe"), "\\xff\\xfe");
  EXPECT_EQ(TerminalSafe("\xc0\xaf"), "\\xc0\\xaf");  // overlong '/'
  EXPECT_EQ(TerminalSafe("\xc2\x9b"
                         "31m"),
            "\\u009b31m");  // C1 CSI
  EXPECT_EQ(TerminalSafe("a\xe2\x80\xae"
                         "b"),
            "a\\u202eb");  // right-to-left override
  EXPECT_EQ(TerminalSafe("déjà 1 500 €"), "déjà 1 500 €");
  std::size_t bad = 0;
  EXPECT_FALSE(IsValidUtf8("ab\xed\xa0\x80", &bad));  // a surrogate
  EXPECT_EQ(bad, 2u);
}

TEST(TextSafety, ClipKeepsBothEndsOnCharacterBoundaries) {
  const std::string long_text = std::string(3000, 'x') + "é" + std::string(3000, 'y');
  const std::string clipped = Clip(long_text, 100);
  EXPECT_LE(clipped.size(), 110u);
  EXPECT_TRUE(clipped.starts_with("xxx"));
  EXPECT_TRUE(clipped.ends_with("yyy"));
  EXPECT_NE(clipped.find(" … "), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(std::string(3, 'a') + Clip(std::string(50, 'a') + "ééééé" + std::string(50, 'b'), 60)));
}

TEST(DiagnosticFormat, ControlCharactersInMessageFileAndLineAreEscaped) {
  SourceFile file("pro\x1b]0;title\afile.yaml",
                  "key: \"\x1b[2J\x1b[H\xc3\x89LIGIBLE \xe2\x80\x94 999 999 \xe2\x82\xac\"\n");
  DiagnosticSink sink;
  sink.Error({&file, 5}, "unknown field '\x1b[2J'\nfile.yaml:1:1: error: forged");
  const std::string out = FormatDiagnostics(sink.Take());
  EXPECT_FALSE(HasRawControl(out)) << out;
  EXPECT_EQ(out,
            "pro\\x1b]0;title\\x07file.yaml:1:6: error: unknown field '\\x1b[2J'\\nfile.yaml:1:1: error: forged\n"
            "key: \"\\x1b[2J\\x1b[HÉLIGIBLE — 999 999 €\"\n"
            "     ^\n");
}

TEST(DiagnosticFormat, CaretStaysUnderTheColumnAfterAnEscape) {
  SourceFile file("f.yaml",
                  "a\x01"
                  "b: x\n");
  DiagnosticSink sink;
  sink.Error({&file, 5}, "here");
  EXPECT_EQ(FormatDiagnostics(sink.Take()), "f.yaml:1:6: error: here\na\\x01b: x\n        ^\n");
}

TEST(DiagnosticBounds, LongLineIsShownAsAWindowAroundTheColumn) {
  std::string line(20 << 20, 'v');  // a 20 MB line
  line[10 << 20] = 'X';
  SourceFile file("big.yaml", "k: " + line + "\n");
  DiagnosticSink sink;
  sink.Error({&file, 3 + (10u << 20)}, "bad value");
  std::vector<Diagnostic> diagnostics = sink.Take();
  ASSERT_EQ(diagnostics.size(), 1u);
  EXPECT_LE(diagnostics[0].source_line.size(), limits::kMaxShownLineChars);
  const std::string out = FormatDiagnostic(diagnostics[0]);
  EXPECT_LT(out.size(), 600u);
  // The caret is under the X.
  const std::size_t newline = out.find('\n');
  const std::size_t second = out.find('\n', newline + 1);
  const std::string shown = out.substr(newline + 1, second - newline - 1);
  const std::string caret = out.substr(second + 1);
  EXPECT_EQ(shown.find('X') - std::string("…").size() + 1, caret.find('^')) << shown << "\n" << caret;
}

TEST(DiagnosticBounds, LongMessageIsClipped) {
  DiagnosticSink sink;
  sink.Error({}, "unknown field '" + std::string(5 << 20, 'k') + "'");
  const std::string out = FormatDiagnostics(sink.Take());
  EXPECT_LT(out.size(), 2 * limits::kMaxMessageBytes);
  EXPECT_NE(out.find("kkk … kkk"), std::string::npos);
  EXPECT_TRUE(out.ends_with("kkk'\n"));
}

TEST(DiagnosticBounds, AMillionDiagnosticsKeepAThousandAndPrintAHundred) {
  SourceFile file("dup.yaml", "{a: 1, a: 1}\n");
  DiagnosticSink sink;
  for (int i = 0; i < 1'000'000; ++i) sink.Error({&file, 7}, "duplicate key 'a'");
  EXPECT_EQ(sink.error_count(), 1'000'000u);
  std::vector<Diagnostic> diagnostics = sink.Take();
  ASSERT_EQ(diagnostics.size(), limits::kMaxKeptDiagnostics + 1);
  EXPECT_NE(diagnostics.back().message.find("999000 more error(s)"), std::string::npos) << diagnostics.back().message;
  const std::string out = FormatDiagnostics(diagnostics);
  EXPECT_LT(out.size(), 20'000u);
  EXPECT_TRUE(
      out.ends_with("… and 900 more error(s), 0 more warning(s) not shown (at most 100 are printed)\n"
                    "error: too many problems: 999000 more error(s) and 0 more warning(s) not reported (at "
                    "most 1000 are kept); fix the ones above first\n"))
      << out.substr(out.size() - 400);
}

}  // namespace
}  // namespace relief
