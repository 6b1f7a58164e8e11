// The answer an advisor reads on the phone: what the firm can claim and how
// much, by what the amount covers; what is still to settle and the few
// questions that settle the most; why the rest is refused, in one line each.
// Details (conditions, calculation, sources, open points) are in ToText.
#include <fmt/format.h>

#include <map>
#include <optional>

#include "core/french_number.hpp"
#include "core/text_safety.hpp"
#include "relief/report.hpp"
#include "report/report_words.hpp"

namespace relief {
namespace {

using report::Paint;
using report::Tone;

constexpr std::size_t kQuestionsShown = 5;

bool Has(const MeasureResult& r, ReasonCode code) {
  for (const Reason& reason : r.reasons) {
    if (reason.code == code) return true;
  }
  return false;
}

std::string AmountFrench(const MeasureResult& r) {
  if (!r.amount && Has(r, ReasonCode::kAmountByAdvisor)) return "montant à calculer par le conseiller";
  if (!r.amount) return "montant à préciser (questions ci-dessous)";
  std::string amount = FormatMoney(*r.amount);
  if (r.kind == MeasureKind::kLoan) return "prêt jusqu'à " + amount;
  if (r.kind == MeasureKind::kRepayableAdvance) return "avance jusqu'à " + amount;
  return amount + " " + report::CoverFrench(r.per);
}

// One line of a measure: its glyph in the status's colour, then the text,
// escaped.
std::string Line(const TextStyle& style, Status status, std::string_view glyph, std::string_view text) {
  return "  " + Paint(style, report::ToneOf(status), glyph) + " " + TerminalSafe(text) + "\n";
}

std::string Section(const TextStyle& style, Status status, std::string_view title, int count, bool first = false) {
  return fmt::format("{}{}\n", first ? "" : "\n",
                     Paint(style, report::ToneOf(status), fmt::format("{} ({})", title, count)));
}

// The total of grants by what one amount covers; "total non calculable"
// once a sum overflows (never a wrong total).
std::string GrantTotals(const Evaluation& e) {
  std::map<AmountPeriod, std::optional<Decimal>> granted;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kEligible || !r.amount || report::IsRepaid(r.kind)) continue;
    auto [it, first] = granted.emplace(r.per, *r.amount);
    if (!first && it->second) it->second = it->second->Add(*r.amount);
  }
  std::string totals;
  for (const auto& [per, total] : granted) {
    totals += fmt::format("{}{} {}", totals.empty() ? "" : " ; ", total ? FormatMoney(*total) : "total non calculable",
                          report::CoverFrench(per));
  }
  return totals;
}

std::string Eligible(const Evaluation& e, const TextStyle& style) {
  std::string lines;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kEligible) continue;
    ++count;
    lines += Line(style, r.status, "✓", r.title + " : " + AmountFrench(r));
  }
  if (count == 0) return "Aucune mesure éligible à ce stade.\n";
  std::string out = Section(style, Status::kEligible, "ÉLIGIBLE", count, true) + lines;
  const std::string totals = GrantTotals(e);
  if (!totals.empty()) out += "  Total des aides (hors prêts et avances) : " + totals + "\n";
  return out;
}

std::string Undetermined(const Evaluation& e, const TextStyle& style) {
  std::string lines;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kUndetermined) continue;
    ++count;
    lines += Line(style, r.status, "?", r.title);
  }
  if (count == 0 && e.questions.empty()) return "";
  std::string out = Section(style, Status::kUndetermined, "À DÉTERMINER", count) + lines;
  const std::size_t shown = std::min(kQuestionsShown, e.questions.size());
  if (shown > 0) out += "  Questions à poser, les plus utiles d'abord :\n";
  for (std::size_t i = 0; i < shown; ++i) {
    out += fmt::format("  {}. {}\n", i + 1, TerminalSafe(e.questions[i].question));
  }
  if (e.questions.size() > shown)
    out += fmt::format("  (et {} autres questions dans les détails)\n", e.questions.size() - shown);
  return out;
}

// The first reason a measure is refused: its first unmet condition, or the
// case that could not apply.
std::string Ineligible(const Evaluation& e, const TextStyle& style) {
  std::string lines;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kIneligible && r.status != Status::kError) continue;
    ++count;
    const std::string why = r.reasons.empty() ? std::string() : " — " + ReasonText(r.reasons.front());
    lines += Line(style, r.status, "✗", r.title + why);
  }
  return count == 0 ? "" : Section(style, Status::kIneligible, "NON ÉLIGIBLE", count) + lines;
}

std::string NotApplicable(const Evaluation& e, const TextStyle& style) {
  int count = 0;
  for (const MeasureResult& r : e.measures) count += r.status == Status::kNotApplicable;
  if (count == 0) return "";
  return "\n" +
         Paint(style, Tone::kMuted,
               fmt::format("Non applicables à cette date ou sur ce territoire : {} mesure{}.", count,
                           count > 1 ? "s" : "")) +
         "\n";
}

std::string Header(const Evaluation& e, const TextStyle& style) {
  std::string title = fmt::format("{} — {} (au {}) — règles {} {}", e.pack.title.empty() ? e.pack.name : e.pack.title,
                                  e.month.ToFrench(), e.date.ToFrench(), e.pack.name, e.pack.version);
  std::string out = Paint(style, Tone::kHeading, TerminalSafe(title)) + "\n";
  for (const auto& [name, value] : e.firm) out += TerminalSafe(fmt::format("Entreprise : {} {}", name, value)) + "\n";
  return out;
}

}  // namespace

std::string ToSummary(const Evaluation& e, const TextStyle& style) {
  return Header(e, style) + "\n" + Eligible(e, style) + Undetermined(e, style) + Ineligible(e, style) +
         NotApplicable(e, style);
}

}  // namespace relief
