// One page of the catalogue per measure: what it is, then each version by
// period with its conditions, cases and amounts in French words (the
// expression as written is shown under each, for the expert), sources as
// links and the points the sources leave open.
#include <fmt/format.h>

#include "report/catalogue_pages.hpp"
#include "report/html_page.hpp"
#include "report/report_words.hpp"
#include "report/summary_model.hpp"

namespace relief::report {
namespace {

// The words, then the expression as written, folded.
std::string ExpressionHtml(const ExpressionDescription& e) {
  return fmt::format("{}<details><summary>Règle écrite</summary><code>{}</code></details>", Html(e.words),
                     Html(e.text));
}

std::string Sourced(const std::string& source) {
  return source.empty() ? "" : "<br><span class=\"meta\">Source : " + SourceHtml(source) + "</span>";
}

// Each point, and for whom it is shown when the pack says so.
std::string OpenPoints(const std::vector<OpenPointDescription>& points) {
  std::string out;
  for (const OpenPointDescription& p : points) {
    out += "<div class=\"open\">Point non vérifié : " + Html(p.text);
    if (p.when) out += "<div class=\"meta\">Signalé seulement si : " + ExpressionHtml(*p.when) + "</div>";
    out += "</div>\n";
  }
  return out;
}

std::string AmountHtml(const AmountDescription& a) {
  std::string out;
  if (a.amount) out += "<div><strong>Montant :</strong> " + ExpressionHtml(*a.amount) + "</div>\n";
  if (a.options.empty()) return out;
  out += "<div><strong>Montant :</strong> l'option la plus favorable parmi</div>\n<ul>\n";
  for (const OptionDescription& o : a.options) {
    out += fmt::format("<li>{} : {}{}</li>\n", Html(o.label), ExpressionHtml(o.amount), Sourced(o.source));
  }
  return out + "</ul>\n";
}

std::string Conditions(const VersionDescription& v) {
  if (v.conditions.empty()) return "";
  std::string out = "<h3>Conditions</h3>\n<ol class=\"conditions\">\n";
  for (const ConditionDescription& c : v.conditions) {
    out += fmt::format("<li><strong>{}</strong> — {}{}{}</li>\n", Html(c.label), ExpressionHtml(c.when),
                       Sourced(c.source), OpenPoints(c.open_points));
  }
  return out + "</ol>\n";
}

std::string Cases(const VersionDescription& v) {
  if (v.cases.empty()) return "";
  std::string out = "<h3>Cas, dans l'ordre : le premier qui s'applique est retenu</h3>\n<ol class=\"cases\">\n";
  for (const CaseDescription& c : v.cases) {
    out += "<li><strong>" + Html(c.label) + "</strong>";
    out += c.when ? " — si " + ExpressionHtml(*c.when) : " — dans tous les autres cas";
    out += Sourced(c.source) + AmountHtml(c.amount) + OpenPoints(c.open_points) + "</li>\n";
  }
  return out + "</ol>\n";
}

std::string Version(const VersionDescription& v) {
  std::string out = fmt::format("<section class=\"version\" id=\"v-{}\">\n<h2>{}{}</h2>\n", Html(v.period),
                                Html(VersionPeriodFrench(v)), v.label.empty() ? "" : " — " + Html(v.label));
  if (!v.source.empty()) out += "<p>Source : " + SourceHtml(v.source) + "</p>\n";
  if (v.deadline) out += "<p>Date limite de demande : " + Html(v.deadline->ToFrench()) + "</p>\n";
  out += Conditions(v) + Cases(v) + AmountHtml(v.amount) + OpenPoints(v.open_points);
  return out + "</section>\n";
}

std::string About(const MeasureDetail& m) {
  const MeasureDescription& d = m.measure;
  std::string out = "<dl>\n";
  out += fmt::format("<dt>Organisme</dt><dd>{}</dd>\n", Html(d.issuer));
  out += fmt::format("<dt>Nature</dt><dd>{}, montant {}</dd>\n", KindFrench(d.kind), CoverFrench(d.per));
  if (!d.territory.empty()) out += fmt::format("<dt>Territoire</dt><dd>{}</dd>\n", Html(d.territory));
  if (m.territory) out += "<dt>Condition de territoire</dt><dd>" + ExpressionHtml(*m.territory) + "</dd>\n";
  if (!m.apply.empty()) out += "<dt>Démarche</dt><dd>" + SourceHtml(m.apply) + "</dd>\n";
  for (const std::string& s : d.sources) out += "<dt>Source</dt><dd>" + SourceHtml(s) + "</dd>\n";
  out += "</dl>\n" + OpenPoints(m.open_points);
  if (m.versions.size() > 1) {
    out += "<nav><p>Versions :</p>\n<ul>\n";
    for (const VersionDescription& v : m.versions) {
      out += fmt::format("<li><a href=\"#v-{}\">{}</a></li>\n", Html(v.period), Html(VersionPeriodFrench(v)));
    }
    out += "</ul>\n</nav>\n";
  }
  return out;
}

}  // namespace

std::string MeasurePage(const PackDescription& pack, const MeasureDetail& m) {
  std::string body = fmt::format(
      "<header>\n<p><a href=\"../index.html\">← Toutes les mesures</a></p>\n<h1>{}</h1>\n"
      "<p class=\"meta\">{} · {}</p>\n</header>\n<main>\n",
      Html(m.measure.title), Html(m.measure.id), fmt::format("{} version(s)", m.versions.size()));
  body += About(m);
  for (const VersionDescription& v : m.versions) body += Version(v);
  body += "</main>\n" + CatalogueFooter(pack.info);
  return HtmlPage(m.measure.title, body);
}

}  // namespace relief::report
