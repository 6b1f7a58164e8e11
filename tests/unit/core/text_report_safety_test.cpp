// The text report never passes a control character of a profile or a pack
// to the terminal (#7 defect 6): a firm name with ESC sequences or a
// newline cannot clear the screen or forge a line « ÉLIGIBLE — 999 999 € ».
#include <gtest/gtest.h>

#include "relief/report.hpp"
#include "relief/result.hpp"

namespace relief {
namespace {

TEST(TextReportSafety, FirmValuesAndTextsAreEscaped) {
  Evaluation e;
  e.firm.push_back({"siren", "123\x1b[2J\x1b[H\nAide — \xc3\x89LIGIBLE — 999 999 \xe2\x82\xac\xff"});
  MeasureResult m;
  m.id = "aide";
  m.title = "Aide\x07";
  m.reasons.push_back(Reason{ReasonCode::kRuleError, {"raison\x1b]0;x\x07", "\x1b[2J"}});
  e.measures.push_back(m);
  const std::string text = ToText(e);
  for (unsigned char c : text) {
    EXPECT_TRUE(c >= 0x20 || c == '\n') << "raw control " << int(c) << " in\n" << text;
    EXPECT_NE(c, 0xFF);
  }
  EXPECT_NE(text.find("Entreprise : siren 123\\x1b[2J\\x1b[H\\nAide — ÉLIGIBLE — 999 999 €\\xff\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("Aide\\x07 — "), std::string::npos) << text;
}

TEST(TextReportSafety, SummaryAndMeasureDetailsAreEscapedAndColouredAfterwards) {
  Evaluation e;
  e.firm.push_back({"nom", "A\x1b[2J\nB"});
  MeasureResult m;
  m.id = "aide";
  m.title = "Aide\x1b[31m";
  m.status = Status::kIneligible;
  m.reasons.push_back(Reason{ReasonCode::kConditionUnmet, {"Condition\n✓ forgée", "\x1b]0;x\x07"}});
  e.measures.push_back(m);
  for (const std::string& text : {ToSummary(e), ToMeasureText(m)}) {
    for (unsigned char c : text) EXPECT_TRUE(c >= 0x20 || c == '\n') << "raw control " << int(c) << " in\n" << text;
  }
  EXPECT_NE(ToSummary(e).find("Entreprise : nom A\\x1b[2J\\nB\n"), std::string::npos) << ToSummary(e);
  // With colours, the only escape sequences are the report's own.
  const std::string coloured = ToSummary(e, TextStyle{true});
  EXPECT_NE(coloured.find("\x1b[31m✗\x1b[0m Aide\\x1b[31m"), std::string::npos) << coloured;
  EXPECT_EQ(ToSummary(e).find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace relief
