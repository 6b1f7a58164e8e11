// What an answer changed, in French, for the questionnaire: one line per
// measure whose status or amount moved.
#include <fmt/format.h>

#include "core/french_number.hpp"
#include "core/text_safety.hpp"
#include "relief/questionnaire.hpp"

namespace relief {
namespace {

const char* StatusWord(Status status) {
  switch (status) {
    case Status::kEligible:
      return "éligible";
    case Status::kIneligible:
      return "non éligible";
    case Status::kUndetermined:
      return "à déterminer";
    case Status::kNotApplicable:
      return "non applicable";
    case Status::kError:
      return "erreur dans les règles";
  }
  return "";
}

// "1 500 € par mois", "prêt jusqu'à 20 000 €", "montant à préciser".
std::string AmountWords(const MeasureChange& c, const std::optional<Decimal>& amount) {
  if (!amount) return "montant à préciser";
  std::string money = FormatMoney(*amount);
  if (c.kind == MeasureKind::kLoan) return "prêt jusqu'à " + money;
  if (c.kind == MeasureKind::kRepayableAdvance) return "avance jusqu'à " + money;
  switch (c.per) {
    case AmountPeriod::kMonth:
      return money + " par mois";
    case AmountPeriod::kTwoMonths:
      return money + " par période de deux mois";
    case AmountPeriod::kYear:
      return money + " pour l'année";
    case AmountPeriod::kOnce:
      return money;
  }
  return money;
}

}  // namespace

std::string ChangesToText(const std::vector<MeasureChange>& changes) {
  std::string out;
  for (const MeasureChange& c : changes) {
    std::string line = TerminalSafe(c.title) + " : ";
    if (c.status_before != c.status_after) {
      line += fmt::format("{} → {}", StatusWord(c.status_before), StatusWord(c.status_after));
      if (c.status_after == Status::kEligible) line += ", " + AmountWords(c, c.amount_after);
    } else {
      line += fmt::format("{} → {}", AmountWords(c, c.amount_before), AmountWords(c, c.amount_after));
    }
    out += line + "\n";
  }
  return out;
}

}  // namespace relief
