// The Markdown and HTML reports: the same grouping and totals as the
// summary, and every text from the pack or the profile escaped (markup,
// quotes, control characters), so that a hostile profile value or pack text
// shows as text and never runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "relief/report.hpp"

namespace relief {
namespace {

constexpr const char* kHostile = "<script>alert('x')</script> \"q\" & \x1b[2J\xe2\x80\xae";

MeasureResult Measure(std::string id, std::string title, Status status, MeasureKind kind, AmountPeriod per,
                      std::optional<Decimal> amount) {
  MeasureResult r;
  r.id = std::move(id);
  r.title = std::move(title);
  r.status = status;
  r.kind = kind;
  r.per = per;
  r.amount = amount;
  return r;
}

Evaluation Sample() {
  Evaluation e;
  e.pack = {"occitanie", "1.0.0", "Mesures", "sha256:0"};
  e.firm = {{"raison_sociale", kHostile}};
  e.date = *Date::Parse("2020-11-30");
  e.month = e.date.month_of();
  MeasureResult fonds = Measure("fonds", "Fonds <b>de</b> solidarité", Status::kEligible, MeasureKind::kGrant,
                                AmountPeriod::kMonth, Decimal(10000));
  fonds.sources = {"Décret n° 2020-371 ; https://example.org/a?b=1&c=2."};
  fonds.open_points = {"- # point *gras* [lien](javascript:alert(1))"};
  e.measures.push_back(fonds);
  e.measures.push_back(
      Measure("loyer", "Aide loyer", Status::kEligible, MeasureKind::kGrant, AmountPeriod::kMonth, Decimal(1000)));
  e.measures.push_back(
      Measure("pge", "PGE", Status::kEligible, MeasureKind::kLoan, AmountPeriod::kOnce, Decimal(180000)));
  MeasureResult refused = Measure("tns", "TNS", Status::kIneligible, MeasureKind::kGrant, AmountPeriod::kYear, {});
  refused.reasons.push_back({ReasonCode::kConditionUnmet, {"Indépendant", kHostile}});
  e.measures.push_back(refused);
  e.measures.push_back(
      Measure("old", "Ancienne", Status::kNotApplicable, MeasureKind::kGrant, AmountPeriod::kOnce, {}));
  e.questions.push_back({"effectif", "", "effectif", "Combien de <salariés> ?"});
  return e;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool HasRawControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return (c < 0x20 && c != '\n') || c == 0x7f; }) ||
         s.find("\xe2\x80\xae") != std::string::npos;
}

TEST(HtmlReport, IsOneSelfContainedFrenchPage) {
  const std::string html = ToHtml(Sample());
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">")) << html.substr(0, 80);
  EXPECT_NE(html.find("script-src 'none'"), std::string::npos);
  for (const char* loaded : {"<script", "<link", " src=", "<img", "<iframe", "url("}) {
    EXPECT_EQ(Lower(html).find(loaded), std::string::npos) << loaded;
  }
  EXPECT_TRUE(html.ends_with("</html>\n"));
}

TEST(HtmlReport, EscapesEveryTextOfTheProfileAndThePack) {
  const std::string html = ToHtml(Sample());
  EXPECT_NE(html.find("&lt;script&gt;alert('x')&lt;/script&gt; &quot;q&quot; &amp; \\x1b[2J\\u202e"), std::string::npos)
      << html;
  EXPECT_NE(html.find("Fonds &lt;b&gt;de&lt;/b&gt; solidarité"), std::string::npos);
  EXPECT_NE(html.find("Combien de &lt;salariés&gt; ?"), std::string::npos);
  EXPECT_FALSE(HasRawControl(html));
}

TEST(HtmlReport, GroupsLikeTheSummaryWithDetailsPerMeasure) {
  const std::string html = ToHtml(Sample());
  EXPECT_NE(html.find("Éligible (3)"), std::string::npos);
  EXPECT_NE(html.find("Total des aides (hors prêts et avances) : 11 000 € par mois</p>"), std::string::npos) << html;
  EXPECT_NE(html.find("prêt jusqu'à 180 000 €"), std::string::npos);
  EXPECT_NE(html.find("Non applicables à cette date ou sur ce territoire : 1 mesure."), std::string::npos);
  // One <details> per measure that is not out of period: 4 of 5.
  std::size_t details = 0;
  for (std::size_t at = html.find("<details"); at != std::string::npos; at = html.find("<details", at + 1)) ++details;
  EXPECT_EQ(details, 4u);
  EXPECT_NE(html.find("<details id=\"m-tns\" data-status=\"ineligible\">"), std::string::npos);
  EXPECT_EQ(html.find("id=\"m-old\""), std::string::npos);
}

TEST(HtmlReport, SourcesLinkTheirAddressesAndLegalTexts) {
  const std::string html = ToHtml(Sample());
  EXPECT_NE(html.find("<a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">"
                      "https://example.org/a?b=1&amp;c=2</a>."),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<a href=\"https://www.legifrance.gouv.fr/search/all?query=%22D%C3%A9cret%20n%C2%B0%202020-371"
                      "%22\" rel=\"noopener noreferrer\">Décret n° 2020-371</a>"),
            std::string::npos)
      << html;
  // A link is made only of http(s) addresses: never javascript:.
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
}

TEST(MarkdownReport, GroupsLikeTheSummary) {
  const std::string md = ToMarkdown(Sample());
  EXPECT_NE(md.find("## Éligible (3)\n\n| Mesure | Montant |\n|---|---|\n"), std::string::npos) << md;
  EXPECT_NE(md.find("**Total des aides (hors prêts et avances) :** 11 000 € par mois\n"), std::string::npos) << md;
  EXPECT_NE(md.find("## Non éligible (1)"), std::string::npos);
  EXPECT_NE(md.find("1. Combien de \\<salariés\\> ?"), std::string::npos) << md;
  EXPECT_NE(md.find("### TNS — NON ÉLIGIBLE"), std::string::npos);
  EXPECT_EQ(md.find("Ancienne"), std::string::npos);  // out of period: counted, not detailed
}

TEST(MarkdownReport, EscapesMarkupAndBlockStarts) {
  const std::string md = ToMarkdown(Sample());
  for (std::size_t at = md.find('<'); at != std::string::npos; at = md.find('<', at + 1)) {
    EXPECT_EQ(md[at - 1], '\\') << "raw '<' at " << at;  // never markup
  }
  EXPECT_NE(md.find("\\<script\\>alert('x')\\</script\\> \"q\" \\& \\\\x1b\\[2J\\\\u202e"), std::string::npos) << md;
  EXPECT_NE(md.find("Fonds \\<b\\>de\\</b\\> solidarité"), std::string::npos);
  // A text that would open a list or a heading, or make a link, is literal.
  EXPECT_NE(md.find("**Point non vérifié :** \\- # point \\*gras\\* \\[lien\\](javascript:alert(1))"),
            std::string::npos)
      << md;
  EXPECT_FALSE(HasRawControl(md));
}

TEST(MarkdownReport, TableCellsCannotBeSplit) {
  Evaluation e = Sample();
  e.measures[0].title = "A | B";
  const std::string md = ToMarkdown(e);
  EXPECT_NE(md.find("| A \\| B | 10 000 € par mois |"), std::string::npos) << md;
}

}  // namespace
}  // namespace relief
