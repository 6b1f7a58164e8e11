// The catalogue's index (measures by issuer and kind, with a search box) and
// ToCatalogue, which gathers every page (relief/catalogue.hpp).
#include <fmt/format.h>

#include <cctype>
#include <map>

#include "relief/catalogue.hpp"
#include "report/catalogue_pages.hpp"
#include "report/html_page.hpp"

namespace relief::report {
namespace {

// Filters the index as the user types, ignoring case and accents; ?q=… in
// the address fills the box (a search can be bookmarked, and tested). The
// page's Content-Security-Policy allows this script by its hash: change one,
// change the other (tests/unit/report/catalogue_test.cpp checks them).
constexpr std::string_view kSearchScript =
    R"js((function(){const box=document.getElementById("q"),none=document.getElementById("none");const fold=s=>s.normalize("NFD").replace(/[\u0300-\u036f]/g,"").toLowerCase();function filter(){const words=fold(box.value).split(/\s+/).filter(w=>w);let shown=0;for(const li of document.querySelectorAll("li[data-search]")){const text=fold(li.dataset.search);li.hidden=!words.every(w=>text.includes(w));shown+=li.hidden?0:1;}for(const g of document.querySelectorAll(".group")){g.hidden=!g.querySelector("li[data-search]:not([hidden])");}none.hidden=shown>0;document.getElementById("count").textContent=String(shown);}box.addEventListener("input",filter);const q=new URLSearchParams(location.search).get("q");if(q)box.value=q;filter();})();)js";
constexpr std::string_view kSearchScriptHash = "sha256-fAPqrFyKV1ZutOLutO4miPEbFnysZu4Bay3eZJndEjk=";

// "mars 2020 à août 2021": from the first version's start to the last's end.
std::string Span(const MeasureDetail& m) {
  if (m.versions.empty()) return "";
  VersionDescription all = m.versions.front();
  all.to = m.versions.back().to;
  return VersionPeriodFrench(all);
}

std::string IndexItem(const MeasureDetail& m) {
  const MeasureDescription& d = m.measure;
  const std::string search = fmt::format("{} {} {} {} {}", d.title, d.id, d.issuer, KindFrench(d.kind), d.territory);
  return fmt::format("<li data-search=\"{}\"><a href=\"{}\">{}</a> <span class=\"meta\">— {}</span></li>\n",
                     Html(search), Html(MeasurePath(d.id)), Html(d.title), Html(Span(m)));
}

// Issuer → kind → measures, each list in pack order.
std::string Groups(const PackDescription& pack) {
  std::map<std::string, std::map<MeasureKind, std::string>> groups;
  for (const MeasureDetail& m : pack.measures) groups[m.measure.issuer][m.measure.kind] += IndexItem(m);
  std::string out;
  for (const auto& [issuer, kinds] : groups) {
    out += fmt::format("<section class=\"group\">\n<h2>{}</h2>\n", Html(issuer.empty() ? "Autres" : issuer));
    for (const auto& [kind, items] : kinds) {
      out += fmt::format("<div class=\"group\">\n<h3>{}</h3>\n<ul>\n{}</ul>\n</div>\n", KindFrench(kind), items);
    }
    out += "</section>\n";
  }
  return out;
}

}  // namespace

std::string IndexPage(const PackDescription& pack) {
  const std::string title = pack.info.title.empty() ? pack.info.name : pack.info.title;
  std::string body = fmt::format(
      "<header>\n<h1>{}</h1>\n<p class=\"meta\">Catalogue des mesures — règles {} {}</p>\n"
      "<nav><a href=\"faits.html\">Les informations demandées sur l'entreprise</a> · "
      "<a href=\"parametres.html\">Paramètres, valeurs et listes</a></nav>\n</header>\n<main>\n",
      Html(title), Html(pack.info.name), Html(pack.info.version));
  body += fmt::format(
      "<p><label for=\"q\">Rechercher une mesure</label> <input type=\"search\" id=\"q\" "
      "placeholder=\"loyer, prêt, URSSAF…\" autocomplete=\"off\"></p>\n"
      "<p class=\"meta\"><span id=\"count\">{}</span> mesure(s) sur {}.</p>\n"
      "<p id=\"none\" hidden>Aucune mesure ne correspond à cette recherche.</p>\n",
      pack.measures.size(), pack.measures.size());
  body += Groups(pack) + "</main>\n" + CatalogueFooter(pack.info);
  return HtmlPage(title + " — catalogue des mesures", body, kSearchScript, kSearchScriptHash);
}

std::string CatalogueFooter(const PackInfo& info) {
  return "<footer class=\"meta\">\n<p>Règles " + Html(info.name) + " " + Html(info.version) + ", empreinte <code>" +
         Html(info.digest) +
         "</code>. Page établie par relief à partir des règles ; les textes cités font foi.</p>\n"
         "</footer>\n";
}

std::string MeasurePath(const std::string& id) {
  std::string name;
  for (char c : id) name += std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' ? c : '_';
  return "mesures/" + (name.empty() ? std::string("_") : name) + ".html";
}

const char* KindFrench(MeasureKind kind) {
  switch (kind) {
    case MeasureKind::kGrant:
      return "Subventions";
    case MeasureKind::kLoan:
      return "Prêts";
    case MeasureKind::kRepayableAdvance:
      return "Avances remboursables";
    case MeasureKind::kExemption:
      return "Exonérations de cotisations";
    case MeasureKind::kPaymentAid:
      return "Aides au paiement des cotisations";
    case MeasureKind::kContributionReduction:
      return "Réductions de cotisations";
    case MeasureKind::kTaxCredit:
      return "Crédits d'impôt";
    case MeasureKind::kDeferral:
      return "Reports";
  }
  return "";
}

std::string VersionPeriodFrench(const VersionDescription& v) {
  const bool whole_months = v.from.day() == 1 && v.to == v.to.month_of().LastDay();
  if (!whole_months) return "du " + v.from.ToFrench() + " au " + v.to.ToFrench();
  const Month first = v.from.month_of(), last = v.to.month_of();
  return first == last ? first.ToFrench() : first.ToFrench() + " à " + last.ToFrench();
}

}  // namespace relief::report

namespace relief {

std::vector<CatalogueFile> ToCatalogue(const PackDescription& pack) {
  std::vector<CatalogueFile> files{{"index.html", report::IndexPage(pack)},
                                   {"faits.html", report::FactsPage(pack)},
                                   {"parametres.html", report::ParametersPage(pack)}};
  for (const MeasureDetail& m : pack.measures) {
    files.push_back({report::MeasurePath(m.measure.id), report::MeasurePage(pack, m)});
  }
  return files;
}

}  // namespace relief
