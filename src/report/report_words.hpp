// French words shared by the human-facing reports (text, summary, and the
// documents built from them), and the colours of a terminal.
#ifndef RELIEF_REPORT_REPORT_WORDS_HPP_
#define RELIEF_REPORT_REPORT_WORDS_HPP_

#include <string>
#include <string_view>

#include "relief/report.hpp"
#include "relief/result.hpp"

namespace relief::report {

// "ÉLIGIBLE", "NON ÉLIGIBLE", "À DÉTERMINER", "NON APPLICABLE", "ERREUR".
const char* StatusFrench(Status status);

// What one amount covers: "par mois", "pour l'année", "en une fois", …
const char* CoverFrench(AmountPeriod per);

// Loans and advances are repaid: they are never added to what is granted.
bool IsRepaid(MeasureKind kind);

// The order in which reports list measures: what the firm can claim first,
// then what is still to settle, then what is refused.
inline constexpr Status kStatusOrder[] = {Status::kEligible, Status::kUndetermined, Status::kIneligible, Status::kError,
                                          Status::kNotApplicable};

// How a piece of text is coloured on a terminal.
enum class Tone { kHeading, kEligible, kUndetermined, kIneligible, kMuted };
Tone ToneOf(Status status);

// `safe_text` (already made terminal-safe: colours are added after
// escaping, so that a profile's text can never carry its own) wrapped in
// the ANSI colour of `tone` when the style asks for colours.
std::string Paint(const TextStyle& style, Tone tone, std::string_view safe_text);

}  // namespace relief::report

#endif  // RELIEF_REPORT_REPORT_WORDS_HPP_
