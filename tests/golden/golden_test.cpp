// Golden tests: the exact text of load and profile diagnostics, and the AST
// dump of the expression parser, compared with files kept under tests/golden/.
//
//   packs/<case>/            a tiny broken rule pack, loaded with
//                            relief::RulePack::Load; when <case>/ has no
//                            pack.yaml, the pack loaded is <case>/main/ (so
//                            that import cases can hold sibling packs).
//   packs/<case>/expected.txt
//                            relief::FormatDiagnostics of the load
//                            diagnostics, with "<case dir>/" removed from
//                            every path, and nothing else.
//   packs/<case>/KNOWN_BUG   optional: the case is skipped with this text as
//                            the reason (an engine bug that the expected file
//                            already describes as it should be). Delete the
//                            file once the bug is fixed.
//   profiles/pack/           a valid pack with a fact of every kind.
//   profiles/<case>.yaml|.json
//                            a profile read against it with
//                            RulePack::ReadProfile(text, "<case>.yaml");
//   profiles/<case>.expected its formatted diagnostics (empty: valid).
//   expr/cases.txt           one "EXPR => DUMP" or "EXPR => error at OFFSET:
//                            MESSAGE" per line; '#' lines and blank lines are
//                            kept as they are. EXPR is everything before the
//                            first " => ", spaces included.
//
// To regenerate the expected files after an intended change of a message or
// of the dump, run the tests with RELIEF_UPDATE_GOLDEN=1, e.g.
//
//   RELIEF_UPDATE_GOLDEN=1 ./build/dev/tests/relief_unit_tests --gtest_filter='Golden*'
//
// then review the change with `git diff tests/golden` before committing it.
// New cases are picked up at run time: add a directory or a file, run with
// RELIEF_UPDATE_GOLDEN=1, and read the expected file it wrote.
#include "support/golden.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "expr/parser.hpp"
#include "relief/diagnostic.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;
using namespace relief::testing;  // NOLINT: the golden helpers

std::vector<std::string> PackCases() {
  std::vector<std::string> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(GoldenDir() / "packs", ec)) {
    if (entry.is_directory()) cases.push_back(entry.path().filename().string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenPack : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenPack, Diagnostics) {
  const fs::path case_dir = GoldenDir() / "packs" / GetParam();
  if (auto reason = ReadFile(case_dir / "KNOWN_BUG")) GTEST_SKIP() << *reason;
  const fs::path pack_dir = fs::exists(case_dir / "pack.yaml") ? case_dir : case_dir / "main";
  LoadResult loaded = RulePack::Load(pack_dir.string());
  std::string actual = FormatDiagnostics(loaded.diagnostics);
  actual = ReplaceAll(actual, case_dir.string() + "/", "");
  actual = ReplaceAll(actual, case_dir.string(), ".");
  EXPECT_FALSE(loaded.diagnostics.empty()) << "a golden pack must have at least one diagnostic";
  EXPECT_EQ(loaded.ok(), !HasErrors(loaded.diagnostics));
  CheckGolden(case_dir / "expected.txt", actual);
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenPack, ::testing::ValuesIn(PackCases()), ParamName<std::string>);

TEST(GoldenPacks, AreFound) { EXPECT_GE(PackCases().size(), 32u); }

// ---- Broken profiles ----------------------------------------------------------

std::vector<std::string> ProfileCases() {
  std::vector<std::string> cases;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(GoldenDir() / "profiles", ec)) {
    const fs::path& p = entry.path();
    if (entry.is_regular_file() && (p.extension() == ".yaml" || p.extension() == ".json")) {
      cases.push_back(p.filename().string());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

// The pack the profiles are read against, loaded once.
const LoadResult& ProfilePack() {
  static const LoadResult loaded = RulePack::Load((GoldenDir() / "profiles" / "pack").string());
  return loaded;
}

TEST(GoldenProfiles, PackLoadsWithoutDiagnostics) {
  EXPECT_EQ(FormatDiagnostics(ProfilePack().diagnostics), "");
  EXPECT_TRUE(ProfilePack().ok());
}

TEST(GoldenProfiles, AreFound) { EXPECT_GE(ProfileCases().size(), 8u); }

class GoldenProfile : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenProfile, Diagnostics) {
  const fs::path profile = GoldenDir() / "profiles" / GetParam();
  const LoadResult& loaded = ProfilePack();
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  std::optional<std::string> text = ReadFile(profile);
  ASSERT_TRUE(text.has_value()) << "cannot read " << profile;
  ProfileResult result = loaded.pack->ReadProfile(*text, GetParam());
  const std::string actual = FormatDiagnostics(result.diagnostics);
  EXPECT_EQ(result.ok(), !HasErrors(result.diagnostics));
  fs::path expected = profile;
  expected.replace_extension(".expected");
  CheckGolden(expected, actual);
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenProfile, ::testing::ValuesIn(ProfileCases()), ParamName<std::string>);

// ---- Expression parser --------------------------------------------------------

std::string DumpOrError(std::string_view text) {
  expr::ParseResult r = expr::Parse(text);
  if (r.tree) return expr::Dump(*r.tree);
  return "error at " + std::to_string(r.error->offset) + ": " + r.error->message;
}

TEST(GoldenExpr, Dumps) {
  const fs::path path = GoldenDir() / "expr" / "cases.txt";
  std::optional<std::string> text = ReadFile(path);
  ASSERT_TRUE(text.has_value()) << "cannot read " << path;
  static constexpr std::string_view kArrow = " => ";
  std::string actual;
  int cases = 0;
  int line_number = 0;
  for (const std::string& line : SplitLines(*text)) {
    ++line_number;
    if (line.empty() || line[0] == '#') {
      actual += line + "\n";
      continue;
    }
    const std::size_t arrow = line.find(kArrow);
    if (arrow == std::string::npos) {
      ADD_FAILURE() << "cases.txt:" << line_number << ": expected 'EXPR => DUMP', found: " << line;
      actual += line + "\n";
      continue;
    }
    ++cases;
    const std::string expression = line.substr(0, arrow);
    const std::string expected = line.substr(arrow + kArrow.size());
    const std::string dump = DumpOrError(expression);
    if (!UpdateGolden()) {
      EXPECT_EQ(expected, dump) << "cases.txt:" << line_number << ": " << expression;
    }
    actual += expression + std::string(kArrow) + dump + "\n";
  }
  EXPECT_GE(cases, 60);
  CheckGolden(path, actual);
}

}  // namespace
}  // namespace relief
