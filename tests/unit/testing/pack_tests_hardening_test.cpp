// `relief test` neither passes vacuously nor wrongly (#7 defect 11): an
// empty expectation, a malformed or over-precise amount and an unknown
// status are errors and the case is not counted as passed; tests/ follows
// no symbolic link.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "relief/pack_tests.hpp"
#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

class PackTestsHardening : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("relief-packtests-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    Write("p/pack.yaml", "pack:\n  name: p\n  version: 0.1.0\n  title: T\n");
    Write("p/rules.yaml",
          "facts:\n  n: {type: integer, label: n, question: 'n ?'}\n"
          "measures:\n  m:\n    title: M\n    issuer: État\n    kind: grant\n    per: once\n"
          "    territory: {label: France}\n    apply: x\n    sources: [x]\n"
          "    versions:\n      - months: {from: 2020-01, to: 2021-12}\n        source: x\n        amount: 500 €\n");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const fs::path& relative, const std::string& text) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }
  // "N passed, M failed" and the diagnostics, paths relative to the tree.
  std::string Run() {
    LoadResult loaded = RulePack::Load((root_ / "p").string());
    EXPECT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
    PackTestReport report = RunPackTests(*loaded.pack);
    std::string out = FormatPackTestReport(report);
    for (std::size_t at; (at = out.find(root_.string() + "/")) != std::string::npos;)
      out.erase(at, root_.string().size() + 1);
    return out;
  }
  static std::string Case(const std::string& expect) {
    return "tests:\n  - name: c\n    justification: j\n    month: 2020-11\n    profile: {n: 1}\n    expect: " + expect +
           "\n";
  }

  fs::path root_;
};

TEST_F(PackTestsHardening, AValidCasePasses) {
  Write("p/tests/t.yaml", Case("{m: {status: eligible, amount: \"500.00\"}}"));
  EXPECT_EQ(Run(), "1 passed, 0 failed\n");
}

TEST_F(PackTestsHardening, EmptyExpectationIsAnError) {
  Write("p/tests/t.yaml", Case("{}"));
  EXPECT_EQ(Run(),
            "p/tests/t.yaml:6:13: error: expect: empty; give the expected status of at least one measure (a case "
            "that checks nothing would always pass)\n    expect: {}\n            ^\n0 passed, 0 failed\n");
}

TEST_F(PackTestsHardening, MalformedAmountIsAnErrorAndTheCaseFails) {
  Write("p/tests/t.yaml", Case("{m: {status: eligible, amount: abc}}"));
  EXPECT_EQ(Run(),
            "p/tests/t.yaml:6:44: error: amount: expected a decimal such as \"1500.00\", or null\n"
            "    expect: {m: {status: eligible, amount: abc}}\n                                           ^\n"
            "FAIL p/tests/t.yaml:2: c\n  malformed expectation (see the error above)\n0 passed, 1 failed\n");
}

TEST_F(PackTestsHardening, AnAmountWithMoreThanTwoDecimalsIsAnError) {
  Write("p/tests/t.yaml", Case("{m: {status: eligible, amount: \"500.004\"}}"));
  EXPECT_EQ(Run(),
            "p/tests/t.yaml:6:44: error: amount: '500.004' has more than two decimals; amounts are compared to "
            "the cent\n    expect: {m: {status: eligible, amount: \"500.004\"}}\n                                      "
            "     ^\n"
            "FAIL p/tests/t.yaml:2: c\n  malformed expectation (see the error above)\n0 passed, 1 failed\n");
}

TEST_F(PackTestsHardening, AnUnknownStatusIsAnError) {
  Write("p/tests/t.yaml", Case("{m: {status: eligble}}"));
  EXPECT_NE(Run().find("error: status: unknown status 'eligble'"), std::string::npos);
}

TEST_F(PackTestsHardening, SymbolicLinksInTestsAreNotFollowed) {
  Write("outside/t.yaml", Case("{m: {status: eligible}}"));
  fs::create_directories(root_ / "p/tests");
  fs::create_symlink(root_ / "outside/t.yaml", root_ / "p/tests/t.yaml");
  EXPECT_EQ(Run(), "p/tests/t.yaml: error: symbolic links are not followed in a rule pack\n0 passed, 0 failed\n");
  fs::remove_all(root_ / "p/tests");
  fs::create_directory_symlink(root_ / "outside", root_ / "p/tests");  // refused by the loader already
  LoadResult loaded = RulePack::Load((root_ / "p").string());
  ASSERT_EQ(loaded.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.diagnostics[0].message, "symbolic links are not read in a rule pack");
}

}  // namespace
}  // namespace relief
