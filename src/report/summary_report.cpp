// The answer an advisor reads on the phone: what the firm can claim and how
// much, by what the amount covers; what is still to settle and the few
// questions that settle the most; why the rest is refused, in one line each.
// Details (conditions, calculation, sources, open points) are in ToText.
#include <fmt/format.h>

#include <map>
#include <optional>

#include "core/french_number.hpp"
#include "relief/report.hpp"

namespace relief {
namespace {

constexpr std::size_t kQuestionsShown = 5;

// Loans and advances are repaid: they are never added to what is granted.
bool IsRepaid(MeasureKind kind) { return kind == MeasureKind::kLoan || kind == MeasureKind::kRepayableAdvance; }

const char* CoverFrench(AmountPeriod per) {
  switch (per) {
    case AmountPeriod::kMonth:
      return "par mois";
    case AmountPeriod::kTwoMonths:
      return "par période de deux mois";
    case AmountPeriod::kYear:
      return "pour l'année";
    case AmountPeriod::kOnce:
      return "en une fois";
  }
  return "";
}

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
  return amount + " " + CoverFrench(r.per);
}

std::string Eligible(const Evaluation& e) {
  std::string out;
  // By what one amount covers; nullopt once a sum overflows (never a wrong total).
  std::map<AmountPeriod, std::optional<Decimal>> granted;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kEligible) continue;
    ++count;
    out += fmt::format("  ✓ {} : {}\n", r.title, AmountFrench(r));
    if (!r.amount || IsRepaid(r.kind)) continue;
    auto [it, first] = granted.emplace(r.per, *r.amount);
    if (!first && it->second) it->second = it->second->Add(*r.amount);
  }
  if (count == 0) return "Aucune mesure éligible à ce stade.\n";
  std::string totals;
  for (const auto& [per, total] : granted) {
    totals += fmt::format("{}{} {}", totals.empty() ? "" : " ; ", total ? FormatMoney(*total) : "total non calculable",
                          CoverFrench(per));
  }
  out = fmt::format("ÉLIGIBLE ({})\n", count) + out;
  if (!totals.empty()) out += "  Total des aides (hors prêts et avances) : " + totals + "\n";
  return out;
}

std::string Undetermined(const Evaluation& e) {
  std::string out;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kUndetermined) continue;
    ++count;
    out += "  ? " + r.title + "\n";
  }
  if (count == 0 && e.questions.empty()) return "";
  out = fmt::format("\nÀ DÉTERMINER ({})\n", count) + out;
  const std::size_t shown = std::min(kQuestionsShown, e.questions.size());
  if (shown > 0) out += "  Questions à poser, les plus utiles d'abord :\n";
  for (std::size_t i = 0; i < shown; ++i) out += fmt::format("  {}. {}\n", i + 1, e.questions[i].question);
  if (e.questions.size() > shown)
    out += fmt::format("  (et {} autres questions dans les détails)\n", e.questions.size() - shown);
  return out;
}

// The first reason a measure is refused: its first unmet condition, or the
// case that could not apply.
std::string Ineligible(const Evaluation& e) {
  std::string out;
  int count = 0;
  for (const MeasureResult& r : e.measures) {
    if (r.status != Status::kIneligible && r.status != Status::kError) continue;
    ++count;
    const std::string why = r.reasons.empty() ? std::string() : " — " + ReasonText(r.reasons.front());
    out += fmt::format("  ✗ {}{}\n", r.title, why);
  }
  return count == 0 ? "" : fmt::format("\nNON ÉLIGIBLE ({})\n", count) + out;
}

std::string NotApplicable(const Evaluation& e) {
  int count = 0;
  for (const MeasureResult& r : e.measures) count += r.status == Status::kNotApplicable;
  if (count == 0) return "";
  return fmt::format("\nNon applicables à cette date ou sur ce territoire : {} mesure{}.\n", count,
                     count > 1 ? "s" : "");
}

}  // namespace

std::string ToSummary(const Evaluation& e) {
  std::string out = fmt::format("{} — {} (au {}) — règles {} {}\n", e.pack.title.empty() ? e.pack.name : e.pack.title,
                                e.month.ToFrench(), e.date.ToFrench(), e.pack.name, e.pack.version);
  for (const auto& [name, value] : e.firm) out += fmt::format("Entreprise : {} {}\n", name, value);
  out += "\n" + Eligible(e) + Undetermined(e) + Ineligible(e) + NotApplicable(e);
  return out;
}

}  // namespace relief
