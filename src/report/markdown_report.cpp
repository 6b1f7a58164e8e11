// The evaluation in Markdown (CommonMark with GitHub tables), for a ticket,
// a wiki or an e-mail: the summary's grouping (summary_model.hpp), then the
// details of each measure that is not out of period or territory. Every
// text from the pack or the profile is escaped, so that it can neither
// inject HTML into a Markdown viewer nor break the document's structure.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "core/text_safety.hpp"
#include "relief/report.hpp"
#include "report/report_words.hpp"
#include "report/summary_model.hpp"

namespace relief {
namespace {

using report::Summary;

// Control characters shown as escapes and a line break as a space (it could
// open a block); then the characters that have a meaning inline escaped
// with a backslash (CommonMark allows one before any ASCII punctuation),
// and those that would open a block at the start of a list item or a
// heading ("- ", "# ", "1. ").
std::string Md(std::string_view text) {
  std::string safe = TerminalSafe(text, "\n");
  std::replace(safe.begin(), safe.end(), '\n', ' ');
  std::string out;
  const std::size_t digits = safe.find_first_not_of("0123456789");
  for (std::size_t i = 0; i < safe.size(); ++i) {
    const char c = safe[i];
    const bool opens_block = (i == 0 && std::string_view("#+-=>").find(c) != std::string_view::npos) ||
                             (i == digits && i > 0 && (c == '.' || c == ')'));
    // "assimile_salarie" stays readable: '_' inside a word opens no emphasis.
    const bool in_word = c == '_' && i > 0 && i + 1 < safe.size() &&
                         std::isalnum(static_cast<unsigned char>(safe[i - 1])) != 0 &&
                         std::isalnum(static_cast<unsigned char>(safe[i + 1])) != 0;
    if (opens_block || (!in_word && std::string_view("\\`*_[]<>&|~").find(c) != std::string_view::npos)) out += '\\';
    out += c;
  }
  return out;
}

std::string Eligible(const Summary& s) {
  if (s.eligible.empty()) return "## Éligible\n\nAucune mesure éligible à ce stade.\n";
  std::string out = fmt::format("## Éligible ({})\n\n| Mesure | Montant |\n|---|---|\n", s.eligible.size());
  for (const MeasureResult* r : s.eligible)
    out += fmt::format("| {} | {} |\n", Md(r->title), Md(report::AmountFrench(*r)));
  const std::string totals = report::TotalsFrench(s.totals);
  if (!totals.empty()) out += "\n**Total des aides (hors prêts et avances) :** " + Md(totals) + "\n";
  return out;
}

std::string Undetermined(const Summary& s) {
  if (s.undetermined.empty() && s.questions.empty()) return "";
  std::string out = fmt::format("\n## À déterminer ({})\n\n", s.undetermined.size());
  for (const MeasureResult* r : s.undetermined) out += "- " + Md(r->title) + "\n";
  if (!s.questions.empty()) out += "\nQuestions à poser, les plus utiles d'abord :\n\n";
  for (std::size_t i = 0; i < s.questions.size(); ++i)
    out += fmt::format("{}. {}\n", i + 1, Md(s.questions[i]->question));
  if (s.more_questions > 0) out += fmt::format("\n(et {} autres questions dans les détails)\n", s.more_questions);
  return out;
}

std::string Ineligible(const Summary& s) {
  if (s.ineligible.empty()) return "";
  std::string out = fmt::format("\n## Non éligible ({})\n\n", s.ineligible.size());
  for (const MeasureResult* r : s.ineligible) {
    const std::string why = report::FirstReason(*r);
    out += fmt::format("- **{}**{}\n", Md(r->title), why.empty() ? "" : " — " + Md(why));
  }
  return out;
}

std::string Details(const MeasureResult& r) {
  std::string out = fmt::format("\n### {} — {}\n\n", Md(r.title), report::StatusFrench(r.status));
  if (r.status == Status::kEligible) out += "- **Montant :** " + Md(report::AmountFrench(r)) + "\n";
  for (const Reason& reason : r.reasons) out += "- " + Md(ReasonText(reason)) + "\n";
  if (const std::string calculation = report::CalculationFrench(r); !calculation.empty()) {
    out += "- **Calcul :** " + Md(calculation) + "\n";
  }
  for (const MissingFact& m : r.missing) out += "- **Question :** " + Md(m.question) + "\n";
  for (const Text& p : r.open_points) out += "- **Point non vérifié :** " + Md(p) + "\n";
  for (const Text& source : r.sources) out += "- **Source :** " + Md(source) + "\n";
  if (r.status == Status::kEligible && !r.apply.empty()) out += "- **Démarche :** " + Md(r.apply) + "\n";
  if (r.status == Status::kEligible && r.deadline) out += "- **Date limite :** " + Md(r.deadline->ToFrench()) + "\n";
  return out;
}

}  // namespace

std::string ToMarkdown(const Evaluation& e) {
  std::string out = "# " + Md(report::Heading(e)) + "\n\n";
  for (const auto& [name, value] : e.firm) out += fmt::format("Entreprise : {} {}  \n", Md(name), Md(value));
  out += fmt::format("Empreinte des règles : `{}`\n\n", TerminalSafe(e.pack.digest));
  const Summary s = report::Summarize(e);
  out += Eligible(s) + Undetermined(s) + Ineligible(s);
  if (s.not_applicable > 0) {
    out += fmt::format("\nNon applicables à cette date ou sur ce territoire : {} mesure{}.\n", s.not_applicable,
                       s.not_applicable > 1 ? "s" : "");
  }
  out += "\n## Détails par mesure\n";
  for (const MeasureResult* r : report::Detailed(s)) out += Details(*r);
  return out;
}

}  // namespace relief
