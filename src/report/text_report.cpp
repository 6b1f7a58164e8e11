// The details of an evaluation, for an advisor who wants every condition,
// the calculation, the open points and the sources (relief eval --details).
#include <fmt/format.h>

#include "core/french_number.hpp"
#include "core/text_safety.hpp"
#include "relief/report.hpp"
#include "report/report_words.hpp"
#include "report/summary_model.hpp"

namespace relief {
namespace {

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

std::string Heading(const MeasureResult& r) {
  std::string out = fmt::format("{} — {}", r.title, report::StatusFrench(r.status));
  if (r.amount) {
    out += fmt::format(" — {} : {}", AmountWord(r.kind), FormatMoney(*r.amount));
    if (r.per != AmountPeriod::kOnce) out += fmt::format(" {}", report::CoverFrench(r.per));
  }
  return out + fmt::format("  [{}]", r.id);
}

// Everything below a measure's heading, before escaping.
std::string Body(const MeasureResult& r) {
  std::string out;
  for (const Reason& reason : r.reasons) out += "  • " + ReasonText(reason) + "\n";
  if (const std::string calculation = report::CalculationFrench(r); !calculation.empty()) {
    out += "  Calcul : " + calculation + "\n";
  }
  for (const MissingFact& m : r.missing) out += "  ? " + m.question + "\n";
  if (r.status == Status::kNotApplicable) return out;
  for (const Text& p : r.open_points) out += "  ! Point non vérifié : " + p + "\n";
  for (const Text& s : r.sources) out += "  Source : " + s + "\n";
  if (r.status == Status::kEligible && !r.apply.empty()) out += "  Démarche : " + r.apply + "\n";
  if (r.status == Status::kEligible && r.deadline) out += "  Date limite : " + r.deadline->ToFrench() + "\n";
  return out;
}

}  // namespace

std::string ToMeasureText(const MeasureResult& r, const TextStyle& style) {
  // Escaped before colouring: a profile's text cannot drive the terminal.
  return report::Paint(style, report::ToneOf(r.status), TerminalSafe(Heading(r))) + "\n" + TerminalSafe(Body(r), "\n");
}

std::string ToText(const Evaluation& e, const TextStyle& style) {
  std::string head = fmt::format("Règles : {} {} ({})\nPériode évaluée : {} (date du {})\n", e.pack.name,
                                 e.pack.version, e.pack.digest, e.month.ToFrench(), e.date.ToFrench());
  std::string out = TerminalSafe(head, "\n");
  for (const auto& [name, value] : e.firm) out += TerminalSafe(fmt::format("Entreprise : {} {}", name, value)) + "\n";
  for (Status status : report::kStatusOrder) {
    for (const MeasureResult& r : e.measures) {
      if (r.status == status) out += "\n" + ToMeasureText(r, style);
    }
  }
  if (!e.questions.empty()) {
    std::string questions;
    for (const MissingFact& m : e.questions) questions += "  - " + m.question + "\n";
    out += "\n" + report::Paint(style, report::Tone::kHeading, "Questions à poser, les plus utiles d'abord :") + "\n" +
           TerminalSafe(questions, "\n");
  }
  return out;
}

}  // namespace relief
