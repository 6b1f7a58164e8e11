#include "report/report_words.hpp"

namespace relief::report {

const char* StatusFrench(Status status) {
  switch (status) {
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

bool IsRepaid(MeasureKind kind) { return kind == MeasureKind::kLoan || kind == MeasureKind::kRepayableAdvance; }

Tone ToneOf(Status status) {
  switch (status) {
    case Status::kEligible:
      return Tone::kEligible;
    case Status::kUndetermined:
      return Tone::kUndetermined;
    case Status::kIneligible:
    case Status::kError:
      return Tone::kIneligible;
    case Status::kNotApplicable:
      return Tone::kMuted;
  }
  return Tone::kMuted;
}

std::string Paint(const TextStyle& style, Tone tone, std::string_view safe_text) {
  if (!style.color) return std::string(safe_text);
  const char* sgr = "";
  switch (tone) {
    case Tone::kHeading:
      sgr = "1";  // bold
      break;
    case Tone::kEligible:
      sgr = "1;32";  // bold green
      break;
    case Tone::kUndetermined:
      sgr = "1;33";  // bold yellow
      break;
    case Tone::kIneligible:
      sgr = "31";  // red
      break;
    case Tone::kMuted:
      sgr = "2";  // faint
      break;
  }
  return "\x1b[" + std::string(sgr) + "m" + std::string(safe_text) + "\x1b[0m";
}

}  // namespace relief::report
