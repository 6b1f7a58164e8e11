// The HTML catalogue (relief/catalogue.hpp): one page per measure, every
// internal link and anchor resolved, pack texts escaped, the index's only
// script allowed by its hash; and RulePack::Description's French words.
#include "relief/catalogue.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <map>
#include <regex>
#include <set>

#include "relief/rule_pack.hpp"
#include "support/example_profiles.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

std::map<std::string, std::string> Pages(const PackDescription& pack) {
  std::map<std::string, std::string> pages;
  for (CatalogueFile& f : ToCatalogue(pack)) EXPECT_TRUE(pages.emplace(f.path, std::move(f.html)).second) << f.path;
  return pages;
}

// "mesures/../index.html" → "index.html".
std::string Resolve(const std::string& page, const std::string& href) {
  std::string dir = page.find('/') == std::string::npos ? "" : page.substr(0, page.rfind('/') + 1);
  std::string path = dir + href;
  while (true) {
    const std::size_t up = path.find("/../");
    if (up == std::string::npos) break;
    const std::size_t start = path.rfind('/', up - 1);
    path.erase(start == std::string::npos ? 0 : start + 1, up + 4 - (start == std::string::npos ? 0 : start + 1));
  }
  return path;
}

std::set<std::string> Ids(const std::string& html) {
  static const std::regex kId(R"re( id="([^"]*)")re");
  std::set<std::string> ids;
  for (std::sregex_iterator it(html.begin(), html.end(), kId), end; it != end; ++it) ids.insert((*it)[1]);
  return ids;
}

TEST(Catalogue, BundledPackHasAPagePerMeasureAndNoBrokenLink) {
  const RulePack pack = testing::BundledPack();
  const PackDescription description = pack.Description();
  const std::map<std::string, std::string> pages = Pages(description);
  ASSERT_EQ(pages.size(), pack.MeasureIds().size() + 3);
  static const std::regex kHref(R"re(href="([^"]*)")re");
  int internal = 0;
  for (const auto& [path, html] : pages) {
    for (std::sregex_iterator it(html.begin(), html.end(), kHref), end; it != end; ++it) {
      const std::string href = (*it)[1];
      if (href.starts_with("https://")) continue;
      ++internal;
      const std::size_t hash = href.find('#');
      const std::string file = hash == 0 ? path : Resolve(path, href.substr(0, hash));
      ASSERT_TRUE(pages.count(file)) << path << " links to " << href;
      if (hash != std::string::npos) {
        EXPECT_TRUE(Ids(pages.at(file)).count(href.substr(hash + 1))) << path << ": " << href;
      }
    }
  }
  EXPECT_GT(internal, 60);
  for (const std::string& id : pack.MeasureIds()) {
    EXPECT_NE(pages.at("index.html").find("href=\"mesures/" + id + ".html\""), std::string::npos) << id;
  }
}

TEST(Catalogue, TheIndexScriptIsTheOneItsPolicyAllows) {
  const std::string index = Pages(testing::BundledPack().Description()).at("index.html");
  const std::size_t open = index.find("<script>"), close = index.find("</script>");
  ASSERT_NE(open, std::string::npos);
  const std::string script = index.substr(open + 8, close - open - 8);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  ASSERT_EQ(EVP_Digest(script.data(), script.size(), digest, &size, EVP_sha256(), nullptr), 1);
  unsigned char base64[4 * EVP_MAX_MD_SIZE];
  EVP_EncodeBlock(base64, digest, static_cast<int>(size));
  const std::string policy = "script-src 'sha256-" + std::string(reinterpret_cast<char*>(base64)) + "'";
  EXPECT_NE(index.find(policy), std::string::npos) << "the script changed: update kSearchScriptHash to " << policy;
  EXPECT_EQ(index.find("<script", open + 1), std::string::npos);  // one script only
}

TEST(Catalogue, DescriptionWordsExpressionsWithLabels) {
  const PackDescription d = testing::MemoryPack().Description();
  ASSERT_EQ(d.measures.size(), 1u);
  const MeasureDetail& m = d.measures[0];
  ASSERT_EQ(m.versions.size(), 1u);
  ASSERT_EQ(m.versions[0].conditions.size(), 1u);
  EXPECT_EQ(m.versions[0].conditions[0].when.text, "ouvert and effectif <= 10");
  EXPECT_EQ(m.versions[0].conditions[0].when.words, "ouvert au public et effectif salarié ≤ 10");
  ASSERT_TRUE(m.versions[0].amount.amount.has_value());
  EXPECT_EQ(m.versions[0].amount.amount->words, "loyer mensuel × taux de perte");
  EXPECT_EQ(m.versions[0].period, "2020-01..2021-12");
  ASSERT_EQ(d.lists.size(), 1u);
  EXPECT_EQ(d.lists[0].items.size(), 2u);
  EXPECT_EQ(d.lists[0].items[0].code, "31");
}

TEST(Catalogue, OpenPointsSayForWhomTheyAreShown) {
  PackFiles files = testing::MemoryPackFiles();
  std::string& rules = files["essai/regles/aide.yaml"];
  rules.replace(rules.find("        amount: loyer * taux"), 0,
                "        open_points:\n          - Toujours signalé.\n"
                "          - text: Seulement pour les petites entreprises.\n            when: effectif < 5\n");
  const LoadResult loaded = RulePack::Load(files, "essai");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  const PackDescription d = loaded.value().Description();
  const std::vector<OpenPointDescription>& points = d.measures.at(0).versions.at(0).open_points;
  ASSERT_EQ(points.size(), 2u);
  EXPECT_FALSE(points[0].when.has_value());
  ASSERT_TRUE(points[1].when.has_value());
  EXPECT_EQ(points[1].when->words, "effectif salarié < 5");
  const std::string page = Pages(d).at("mesures/aide_loyer.html");
  EXPECT_NE(page.find("Point non vérifié : Seulement pour les petites entreprises.<div class=\"meta\">Signalé "
                      "seulement si : effectif salarié &lt; 5<details>"),
            std::string::npos)
      << page;
}

TEST(Catalogue, PackTextsAreEscapedInEveryPage) {
  PackFiles files = testing::MemoryPackFiles();
  std::string& rules = files["essai/regles/aide.yaml"];
  rules.replace(rules.find("Aide au loyer"), 13, "\"<script>alert('t')</script> & co\"");
  rules.replace(rules.find("label: Ouvert"), 13, "label: '<img src=x onerror=\"alert(1)\">'");
  rules.replace(rules.find("Sans objet"), 10, "\"\\e[2J voir https://x.example/?a=<b>\"");
  const LoadResult loaded = RulePack::Load(files, "essai");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  const std::map<std::string, std::string> pages = Pages(loaded.value().Description());
  const std::string& measure = pages.at("mesures/aide_loyer.html");
  EXPECT_NE(measure.find("<h1>&lt;script&gt;alert('t')&lt;/script&gt; &amp; co</h1>"), std::string::npos) << measure;
  EXPECT_NE(measure.find("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"), std::string::npos);
  EXPECT_NE(measure.find("\\x1b[2J voir <a href=\"https://x.example/?a=\" rel=\"noopener noreferrer\">"
                         "https://x.example/?a=</a>&lt;b&gt;"),
            std::string::npos)
      << measure;
  for (const auto& [path, html] : pages) {
    EXPECT_EQ(html.find("<img"), std::string::npos) << path;
    EXPECT_EQ(html.find('\x1b'), std::string::npos) << path;
    EXPECT_EQ(html.find("<script"), path == "index.html" ? html.find("<script>(function") : std::string::npos) << path;
  }
}

}  // namespace
}  // namespace relief
