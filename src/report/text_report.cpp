// Every detail of an evaluation in French text, one block per measure.
#include <fmt/format.h>

#include "core/french_number.hpp"
#include "core/text_safety.hpp"
#include "relief/report.hpp"
#include "report/summary_model.hpp"

namespace relief {

using report::AmountWord;
using report::PerFrench;
using report::StatusFrench;

std::string ToText(const Evaluation& e) {
  std::string out = fmt::format("Règles : {} {} ({})\nPériode évaluée : {} (date du {})\n", e.pack.name, e.pack.version,
                                e.pack.digest, e.month.ToFrench(), e.date.ToFrench());
  for (const auto& [name, value] : e.firm) out += fmt::format("Entreprise : {} {}\n", name, TerminalSafe(value));
  for (const MeasureResult& r : e.measures) {
    out += fmt::format("\n{} — {}", r.title, StatusFrench(r.status));
    if (r.amount) out += fmt::format(" — {} : {}{}", AmountWord(r.kind), FormatMoney(*r.amount), PerFrench(r.per));
    out += fmt::format("  [{}]\n", r.id);
    for (const Reason& reason : r.reasons) out += "  • " + ReasonText(reason) + "\n";
    if (const std::string calculation = report::CalculationFrench(r); !calculation.empty()) {
      out += "  Calcul : " + calculation + "\n";
    }
    for (const MissingFact& m : r.missing) out += "  ? " + m.question + "\n";
    if (r.status != Status::kNotApplicable) {
      for (const std::string& p : r.open_points) out += "  ! Point non vérifié : " + p + "\n";
      for (const std::string& s : r.sources) out += "  Source : " + s + "\n";
      if (r.status == Status::kEligible && !r.apply.empty()) out += "  Démarche : " + r.apply + "\n";
      if (r.status == Status::kEligible && r.deadline) out += "  Date limite : " + r.deadline->ToFrench() + "\n";
    }
  }
  if (!e.questions.empty()) {
    out += "\nQuestions à poser, les plus utiles d'abord :\n";
    for (const MissingFact& m : e.questions) out += "  - " + m.question + "\n";
  }
  return TerminalSafe(out, "\n");  // a profile's text cannot drive the terminal
}

}  // namespace relief
