// Renderings of an evaluation: JSON for programs, French text for advisors.
#ifndef RELIEF_REPORT_HPP_
#define RELIEF_REPORT_HPP_

#include <string>
#include <vector>

#include "relief/result.hpp"

namespace relief {

// {"pack": {"name", "version", "digest"}, "date", "month", "measures": [{"id",
// "title", "kind", "status", "amount" (decimal string or null), "case",
// "reasons" (French sentences), "reason_codes": [{"code", "operands"}] (the
// same reasons as data), "missing": [{"fact", "question"}], "sources", …}],
// "questions"}
std::string ToJson(const Evaluation& evaluation, int indent = 2);
// The French details, one block per measure: status, amount and how it was
// computed, reasons, questions, open points, sources.
std::string ToText(const Evaluation& evaluation);
// The French answer for an advisor on the phone, in a screen: the eligible
// measures with their amounts and the total of grants by period covered
// (loans and advances apart: they are repaid), the undetermined ones with the
// questions that settle the most, one line per refused measure.
std::string ToSummary(const Evaluation& evaluation);

// A reason worded in French, as the reports write it ("Condition non
// remplie : Au plus 50 salariés — effectif salarié : 60 ; au plus 50 requis.").
std::string ReasonText(const Reason& reason);
// Every reason of a measure, worded in French, in order.
std::vector<std::string> ReasonTexts(const MeasureResult& result);

}  // namespace relief

#endif  // RELIEF_REPORT_HPP_
