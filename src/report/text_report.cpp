#include <fmt/format.h>

#include "core/french_number.hpp"
#include "core/text_safety.hpp"
#include "relief/report.hpp"

namespace relief {
namespace {

const char* StatusFrench(Status s) {
  switch (s) {
    case Status::kEligible:
      return "ÉLIGIBLE";
    case Status::kIneligible:
      return "NON ÉLIGIBLE";
    case Status::kUndetermined:
      return "À DÉTERMINER";
    case Status::kNotApplicable:
      return "NON APPLICABLE";
    case Status::kError:
      return "ERREUR";
  }
  return "";
}

const char* AmountWord(MeasureKind kind) {
  switch (kind) {
    case MeasureKind::kLoan:
      return "prêt maximal";
    case MeasureKind::kRepayableAdvance:
      return "avance maximale";
    default:
      return "montant";
  }
}

// What one amount covers, after the amount.
const char* PerFrench(AmountPeriod per) {
  switch (per) {
    case AmountPeriod::kMonth:
      return " par mois";
    case AmountPeriod::kTwoMonths:
      return " pour la période de deux mois";
    case AmountPeriod::kYear:
      return " pour l'année";
    case AmountPeriod::kOnce:
      return "";
  }
  return "";
}

}  // namespace

std::string ToText(const Evaluation& e) {
  std::string out = fmt::format("Règles : {} {} ({})\nPériode évaluée : {} (date du {})\n", e.pack.name, e.pack.version,
                                e.pack.digest, e.month.ToFrench(), e.date.ToFrench());
  for (const auto& [name, value] : e.firm) out += fmt::format("Entreprise : {} {}\n", name, TerminalSafe(value));
  for (const MeasureResult& r : e.measures) {
    out += fmt::format("\n{} — {}", r.title, StatusFrench(r.status));
    if (r.amount) out += fmt::format(" — {} : {}{}", AmountWord(r.kind), FormatMoney(*r.amount), PerFrench(r.per));
    out += fmt::format("  [{}]\n", r.id);
    for (const Reason& reason : r.reasons) out += "  • " + ReasonText(reason) + "\n";
    if (r.amount && !r.amount_formula.empty()) {
      std::vector<std::string> values;
      for (const UsedValue& v : r.amount_values) values.push_back(v.label + " = " + v.value);
      out += "  Calcul : " + r.amount_formula_words;
      if (!values.empty()) out += fmt::format(", avec {}", fmt::join(values, " ; "));
      out += "\n";
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
