// Golden reports: the text, JSON, summary, Markdown and HTML evaluation of
// every example firm of examples/profiles/ against the bundled pack, at two
// months, compared with
// tests/golden/reports/<firm>.<month>.{txt,json,summary.txt,md,html}. A change of wording, of a
// rule or of an amount shows in review as a diff of these files
// (RELIEF_UPDATE_GOLDEN=1 rewrites them).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "relief/report.hpp"
#include "relief/rule_pack.hpp"
#include "support/example_profiles.hpp"
#include "support/golden.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;
using testing::CheckGolden;
using testing::GoldenDir;
using testing::ReadFile;

const char* const kMonths[] = {"2020-03", "2020-11"};

std::vector<std::string> ReportCases() {
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(fs::path(RELIEF_TEST_DIR) / ".." / "examples" / "profiles")) {
    for (const char* month : kMonths) cases.push_back(entry.path().stem().string() + "." + month);
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

class GoldenReport : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenReport, TextAndJson) {
  static const RulePack pack = testing::BundledPack();
  const std::string& name = GetParam();
  const std::string firm = name.substr(0, name.size() - 8);
  const std::string month = name.substr(name.size() - 7);
  auto text = ReadFile(fs::path(RELIEF_TEST_DIR) / ".." / "examples" / "profiles" / (firm + ".yaml"));
  ASSERT_TRUE(text.has_value());
  ProfileResult profile = pack.ReadProfile(*text, firm + ".yaml");
  ASSERT_TRUE(profile.ok()) << FormatDiagnostics(profile.diagnostics);
  Evaluation evaluation = pack.Evaluate(*profile.profile, Month::Parse(month)->LastDay());
  CheckGolden(GoldenDir() / "reports" / (name + ".txt"), ToText(evaluation));
  CheckGolden(GoldenDir() / "reports" / (name + ".json"), ToJson(evaluation) + "\n");
  const std::string summary = ToSummary(evaluation);
  CheckGolden(GoldenDir() / "reports" / (name + ".summary.txt"), summary);
  CheckGolden(GoldenDir() / "reports" / (name + ".md"), ToMarkdown(evaluation));
  CheckGolden(GoldenDir() / "reports" / (name + ".html"), ToHtml(evaluation));
  // The answer read on the phone fits in a screen.
  EXPECT_LE(std::count(summary.begin(), summary.end(), '\n'), 40) << summary;
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenReport, ::testing::ValuesIn(ReportCases()), testing::ParamName<std::string>);

TEST(GoldenReports, CoverEveryExampleFirm) { EXPECT_GE(ReportCases().size(), 16u); }

}  // namespace
}  // namespace relief
