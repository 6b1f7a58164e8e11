// The evaluation as one HTML page an advisor can e-mail to the artisan: the
// summary's grouping (summary_model.hpp), then each measure's details in a
// <details> element. Self-contained (inline style, no script, nothing
// loaded) and in French; every text from the pack or the profile escaped.
#include <fmt/format.h>

#include "relief/report.hpp"
#include "report/html_page.hpp"
#include "report/report_words.hpp"
#include "report/summary_model.hpp"

namespace relief {
namespace {

using report::Html;
using report::Summary;

std::string Eligible(const Summary& s) {
  std::string out =
      fmt::format("<section id=\"eligible\">\n<h2 class=\"eligible\">Éligible ({})</h2>\n", s.eligible.size());
  if (s.eligible.empty()) return out + "<p>Aucune mesure éligible à ce stade.</p>\n</section>\n";
  out += "<table>\n<thead><tr><th>Mesure</th><th>Montant</th></tr></thead>\n<tbody>\n";
  for (const MeasureResult* r : s.eligible) {
    out += fmt::format("<tr><td><a href=\"#m-{}\">{}</a></td><td class=\"amount\">{}</td></tr>\n", Html(r->id),
                       Html(r->title), Html(report::AmountFrench(*r)));
  }
  out += "</tbody>\n</table>\n";
  const std::string totals = report::TotalsFrench(s.totals);
  if (!totals.empty()) out += "<p class=\"total\">Total des aides (hors prêts et avances) : " + Html(totals) + "</p>\n";
  return out + "</section>\n";
}

std::string Undetermined(const Summary& s) {
  if (s.undetermined.empty() && s.questions.empty()) return "";
  std::string out = fmt::format("<section id=\"undetermined\">\n<h2 class=\"undetermined\">À déterminer ({})</h2>\n",
                                s.undetermined.size());
  if (!s.undetermined.empty()) out += "<ul>\n";
  for (const MeasureResult* r : s.undetermined) {
    out += fmt::format("<li><a href=\"#m-{}\">{}</a></li>\n", Html(r->id), Html(r->title));
  }
  if (!s.undetermined.empty()) out += "</ul>\n";
  if (!s.questions.empty()) out += "<p>Questions à poser, les plus utiles d'abord :</p>\n<ol class=\"questions\">\n";
  for (const MissingFact* q : s.questions) out += "<li>" + Html(q->question) + "</li>\n";
  if (!s.questions.empty()) out += "</ol>\n";
  if (s.more_questions > 0) out += fmt::format("<p>(et {} autres questions dans les détails)</p>\n", s.more_questions);
  return out + "</section>\n";
}

std::string Ineligible(const Summary& s) {
  if (s.ineligible.empty()) return "";
  std::string out = fmt::format("<section id=\"ineligible\">\n<h2 class=\"ineligible\">Non éligible ({})</h2>\n<ul>\n",
                                s.ineligible.size());
  for (const MeasureResult* r : s.ineligible) {
    const std::string why = report::FirstReason(*r);
    out += fmt::format("<li><a href=\"#m-{}\">{}</a>{}</li>\n", Html(r->id), Html(r->title),
                       why.empty() ? "" : " — " + Html(why));
  }
  return out + "</ul>\n</section>\n";
}

// One line of a measure's details: a label in bold, then the text.
std::string Item(std::string_view label, const std::string& html) {
  return fmt::format("<li><strong>{} :</strong> {}</li>\n", label, html);
}

std::string Details(const MeasureResult& r) {
  std::string out = fmt::format(
      "<details id=\"m-{}\" data-status=\"{}\">\n<summary>{} — <span class=\"{}\">{}</span></summary>\n<ul>\n",
      Html(r.id), StatusName(r.status), Html(r.title), StatusName(r.status), report::StatusFrench(r.status));
  if (r.status == Status::kEligible) out += Item("Montant", Html(report::AmountFrench(r)));
  for (const Reason& reason : r.reasons) out += "<li>" + Html(ReasonText(reason)) + "</li>\n";
  if (const std::string calculation = report::CalculationFrench(r); !calculation.empty()) {
    out += Item("Calcul", Html(calculation));
  }
  for (const MissingFact& m : r.missing) out += Item("Question", Html(m.question));
  for (const Text& p : r.open_points) out += Item("<span class=\"open\">Point non vérifié</span>", Html(p));
  for (const Text& source : r.sources) out += Item("Source", report::SourceHtml(source));
  if (r.status == Status::kEligible && !r.apply.empty()) out += Item("Démarche", report::SourceHtml(r.apply));
  if (r.status == Status::kEligible && r.deadline) out += Item("Date limite", Html(r.deadline->ToFrench()));
  return out + "</ul>\n</details>\n";
}

std::string Header(const Evaluation& e) {
  std::string out = "<header>\n<h1>Aides possibles pour l'entreprise</h1>\n";
  out += "<p class=\"meta\">" + Html(report::Heading(e)) + "</p>\n";
  for (const auto& [name, value] : e.firm) {
    out += fmt::format("<p class=\"firm\">Entreprise : {} <strong>{}</strong></p>\n", Html(name), Html(value));
  }
  return out + "</header>\n";
}

}  // namespace

std::string ToHtml(const Evaluation& e) {
  const Summary s = report::Summarize(e);
  std::string body = Header(e) + "<main>\n" + Eligible(s) + Undetermined(s) + Ineligible(s);
  if (s.not_applicable > 0) {
    body += fmt::format(
        "<p class=\"not_applicable\">Non applicables à cette date ou sur ce territoire : {} mesure{}.</p>\n",
        s.not_applicable, s.not_applicable > 1 ? "s" : "");
  }
  body += "<section id=\"details\">\n<h2>Détails par mesure</h2>\n";
  for (const MeasureResult* r : report::Detailed(s)) body += Details(*r);
  body +=
      "</section>\n</main>\n<footer class=\"meta\">\n<p>Estimation établie d'après les informations données "
      "sur l'entreprise ; la décision appartient à l'organisme qui verse chaque aide. Règles " +
      Html(e.pack.name) + " " + Html(e.pack.version) + ", empreinte <code>" + Html(e.pack.digest) +
      "</code>.</p>\n</footer>\n";
  return report::HtmlPage("Aides possibles — " + e.month.ToFrench(), body);
}

}  // namespace relief
