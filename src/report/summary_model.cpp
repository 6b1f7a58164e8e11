// The grouping and the French words shared by the reports for people
// (summary_model.hpp).
#include "report/summary_model.hpp"

#include <fmt/format.h>

#include <map>

#include "core/french_number.hpp"
#include "relief/report.hpp"
#include "report/report_words.hpp"

namespace relief::report {
namespace {

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
  totals.reserve(granted.size());
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

std::vector<const MeasureResult*> Detailed(const Summary& s) {
  std::vector<const MeasureResult*> out(s.eligible);
  out.insert(out.end(), s.undetermined.begin(), s.undetermined.end());
  out.insert(out.end(), s.ineligible.begin(), s.ineligible.end());
  return out;
}

std::string Heading(const Evaluation& e) {
  return fmt::format("{} — {} (au {}) — règles {} {}", e.pack.title.empty() ? e.pack.name : e.pack.title,
                     e.month.ToFrench(), e.date.ToFrench(), e.pack.name, e.pack.version);
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

std::string CalculationFrench(const MeasureResult& r) {
  if (!r.amount || r.amount_formula.empty()) return "";
  std::vector<std::string> values;
  for (const UsedValue& v : r.amount_values) {
    // A formula that is one named value is already said by its label.
    if (v.label != r.amount_formula_words) values.push_back(v.label + " = " + v.value);
  }
  std::string out = r.amount_formula_words;
  if (!values.empty()) out += fmt::format(", avec {}", fmt::join(values, " ; "));
  return out;
}

}  // namespace relief::report
