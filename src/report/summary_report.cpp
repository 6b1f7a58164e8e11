// The answer an advisor reads on the phone: what the firm can claim and how
// much, by what the amount covers; what is still to settle and the few
// questions that settle the most; why the rest is refused, in one line each.
// Details (conditions, calculation, sources, open points) are in ToText.
#include <fmt/format.h>

#include "relief/report.hpp"
#include "report/summary_model.hpp"

namespace relief {
namespace {

using report::Summary;

std::string Eligible(const Summary& s) {
  if (s.eligible.empty()) return "Aucune mesure éligible à ce stade.\n";
  std::string out = fmt::format("ÉLIGIBLE ({})\n", s.eligible.size());
  for (const MeasureResult* r : s.eligible) out += fmt::format("  ✓ {} : {}\n", r->title, report::AmountFrench(*r));
  const std::string totals = report::TotalsFrench(s.totals);
  if (!totals.empty()) out += "  Total des aides (hors prêts et avances) : " + totals + "\n";
  return out;
}

std::string Undetermined(const Summary& s) {
  if (s.undetermined.empty() && s.questions.empty()) return "";
  std::string out = fmt::format("\nÀ DÉTERMINER ({})\n", s.undetermined.size());
  for (const MeasureResult* r : s.undetermined) out += "  ? " + r->title + "\n";
  if (!s.questions.empty()) out += "  Questions à poser, les plus utiles d'abord :\n";
  for (std::size_t i = 0; i < s.questions.size(); ++i)
    out += fmt::format("  {}. {}\n", i + 1, s.questions[i]->question);
  if (s.more_questions > 0) out += fmt::format("  (et {} autres questions dans les détails)\n", s.more_questions);
  return out;
}

std::string Ineligible(const Summary& s) {
  if (s.ineligible.empty()) return "";
  std::string out = fmt::format("\nNON ÉLIGIBLE ({})\n", s.ineligible.size());
  for (const MeasureResult* r : s.ineligible) {
    const std::string why = report::FirstReason(*r);
    out += fmt::format("  ✗ {}{}\n", r->title, why.empty() ? "" : " — " + why);
  }
  return out;
}

std::string NotApplicable(const Summary& s) {
  if (s.not_applicable == 0) return "";
  return fmt::format("\nNon applicables à cette date ou sur ce territoire : {} mesure{}.\n", s.not_applicable,
                     s.not_applicable > 1 ? "s" : "");
}

}  // namespace

std::string ToSummary(const Evaluation& e) {
  std::string out = report::Heading(e) + "\n";
  for (const auto& [name, value] : e.firm) out += fmt::format("Entreprise : {} {}\n", name, value);
  const Summary s = report::Summarize(e);
  out += "\n" + Eligible(s) + Undetermined(s) + Ineligible(s) + NotApplicable(s);
  return out;
}

}  // namespace relief
