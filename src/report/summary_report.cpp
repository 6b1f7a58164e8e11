// The answer an advisor reads on the phone: what the firm can claim and how
// much, by what the amount covers; what is still to settle and the few
// questions that settle the most; why the rest is refused, in one line each.
// Details (conditions, calculation, sources, open points) are in ToText.
// The grouping is summary_model.hpp's, shared with Markdown and HTML.
#include <fmt/format.h>

#include "core/text_safety.hpp"
#include "relief/report.hpp"
#include "report/report_words.hpp"
#include "report/summary_model.hpp"

namespace relief {
namespace {

using report::Paint;
using report::Summary;
using report::Tone;

// One line of a measure: its glyph in the status's colour, then the text,
// escaped.
std::string Line(const TextStyle& style, Status status, std::string_view glyph, std::string_view text) {
  return "  " + Paint(style, report::ToneOf(status), glyph) + " " + TerminalSafe(text) + "\n";
}

std::string Section(const TextStyle& style, Status status, std::string_view title, std::size_t count,
                    bool first = false) {
  return fmt::format("{}{}\n", first ? "" : "\n",
                     Paint(style, report::ToneOf(status), fmt::format("{} ({})", title, count)));
}

std::string Eligible(const Summary& s, const TextStyle& style) {
  if (s.eligible.empty()) return "Aucune mesure éligible à ce stade.\n";
  std::string out = Section(style, Status::kEligible, "ÉLIGIBLE", s.eligible.size(), true);
  for (const MeasureResult* r : s.eligible)
    out += Line(style, r->status, "✓", r->title + " : " + report::AmountFrench(*r));
  const std::string totals = report::TotalsFrench(s.totals);
  if (!totals.empty()) out += "  Total des aides (hors prêts et avances) : " + totals + "\n";
  return out;
}

std::string Undetermined(const Summary& s, const TextStyle& style) {
  if (s.undetermined.empty() && s.questions.empty()) return "";
  std::string out = Section(style, Status::kUndetermined, "À DÉTERMINER", s.undetermined.size());
  for (const MeasureResult* r : s.undetermined) out += Line(style, r->status, "?", r->title);
  if (!s.questions.empty()) out += "  Questions à poser, les plus utiles d'abord :\n";
  for (std::size_t i = 0; i < s.questions.size(); ++i) {
    out += fmt::format("  {}. {}\n", i + 1, TerminalSafe(s.questions[i]->question));
  }
  if (s.more_questions > 0) out += fmt::format("  (et {} autres questions dans les détails)\n", s.more_questions);
  return out;
}

// The first reason a measure is refused: its first unmet condition, or the
// case that could not apply.
std::string Ineligible(const Summary& s, const TextStyle& style) {
  if (s.ineligible.empty()) return "";
  std::string out = Section(style, Status::kIneligible, "NON ÉLIGIBLE", s.ineligible.size());
  for (const MeasureResult* r : s.ineligible) {
    const std::string why = report::FirstReason(*r);
    out += Line(style, r->status, "✗", r->title + (why.empty() ? "" : " — " + why));
  }
  return out;
}

std::string NotApplicable(const Summary& s, const TextStyle& style) {
  if (s.not_applicable == 0) return "";
  return "\n" +
         Paint(style, Tone::kMuted,
               fmt::format("Non applicables à cette date ou sur ce territoire : {} mesure{}.", s.not_applicable,
                           s.not_applicable > 1 ? "s" : "")) +
         "\n";
}

std::string Header(const Evaluation& e, const TextStyle& style) {
  std::string out = Paint(style, Tone::kHeading, TerminalSafe(report::Heading(e))) + "\n";
  for (const auto& [name, value] : e.firm) out += TerminalSafe(fmt::format("Entreprise : {} {}", name, value)) + "\n";
  return out;
}

}  // namespace

std::string ToSummary(const Evaluation& e, const TextStyle& style) {
  const Summary s = report::Summarize(e);
  return Header(e, style) + "\n" + Eligible(s, style) + Undetermined(s, style) + Ineligible(s, style) +
         NotApplicable(s, style);
}

}  // namespace relief
