// The grouping and the French words shared by the reports for people
// (summary_model.hpp).
#include "report/summary_model.hpp"

#include <fmt/format.h>

#include <map>

#include "core/french_number.hpp"
#include "relief/report.hpp"

namespace relief::report {
namespace {

// Loans and advances are repaid: they are never added to what is granted.
bool IsRepaid(MeasureKind kind) { return kind == MeasureKind::kLoan || kind == MeasureKind::kRepayableAdvance; }

bool Has(const MeasureResult& r, ReasonCode code) {
  for (const Reason& reason : r.reasons) {
    if (reason.code == code) return true;
  }
  return false;
}

std::vector<GrantTotal> Totals(const std::vector<const MeasureResult*>& eligible) {
  std::map<AmountPeriod, std::optional<Decimal>> granted;
  for (const MeasureResult* r : eligible) {
    if (!r->amount || IsRepaid(r->kind)) continue;
    auto [it, first] = granted.emplace(r->per, *r->amount);
    if (!first && it->second) it->second = it->second->Add(*r->amount);
  }
  std::vector<GrantTotal> totals;
  for (const auto& [per, total] : granted) totals.push_back({per, total});
  return totals;
}

}  // namespace

Summary Summarize(const Evaluation& e) {
  Summary s;
  for (const MeasureResult& r : e.measures) {
    switch (r.status) {
      case Status::kEligible:
        s.eligible.push_back(&r);
        break;
      case Status::kUndetermined:
        s.undetermined.push_back(&r);
        break;
      case Status::kIneligible:
      case Status::kError:
        s.ineligible.push_back(&r);
        break;
      case Status::kNotApplicable:
        ++s.not_applicable;
        break;
    }
  }
  s.totals = Totals(s.eligible);
  const std::size_t shown = std::min(kQuestionsShown, e.questions.size());
  for (std::size_t i = 0; i < shown; ++i) s.questions.push_back(&e.questions[i]);
  s.more_questions = e.questions.size() - shown;
  return s;
}

std::string Heading(const Evaluation& e) {
  return fmt::format("{} — {} (au {}) — règles {} {}", e.pack.title.empty() ? e.pack.name : e.pack.title,
                     e.month.ToFrench(), e.date.ToFrench(), e.pack.name, e.pack.version);
}

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

std::string AmountFrench(const MeasureResult& r) {
  if (!r.amount && Has(r, ReasonCode::kAmountByAdvisor)) return "montant à calculer par le conseiller";
  if (!r.amount) return "montant à préciser (questions ci-dessous)";
  std::string amount = FormatMoney(*r.amount);
  if (r.kind == MeasureKind::kLoan) return "prêt jusqu'à " + amount;
  if (r.kind == MeasureKind::kRepayableAdvance) return "avance jusqu'à " + amount;
  return amount + " " + CoverFrench(r.per);
}

std::string TotalsFrench(const std::vector<GrantTotal>& totals) {
  std::string out;
  for (const GrantTotal& t : totals) {
    out += fmt::format("{}{} {}", out.empty() ? "" : " ; ", t.total ? FormatMoney(*t.total) : "total non calculable",
                       CoverFrench(t.per));
  }
  return out;
}

std::string FirstReason(const MeasureResult& r) { return r.reasons.empty() ? "" : ReasonText(r.reasons.front()); }

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

std::string CalculationFrench(const MeasureResult& r) {
  if (!r.amount || r.amount_formula.empty()) return "";
  std::vector<std::string> values;
  for (const UsedValue& v : r.amount_values) values.push_back(v.label + " = " + v.value);
  std::string out = r.amount_formula_words;
  if (!values.empty()) out += fmt::format(", avec {}", fmt::join(values, " ; "));
  return out;
}

}  // namespace relief::report
