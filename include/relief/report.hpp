// Renderings of an evaluation: JSON for programs; French text, Markdown and
// HTML for advisors and the firms they advise.
//
// Every human-facing rendering escapes the control characters of pack and
// profile texts (a firm's name cannot drive the terminal); colours, when
// asked, are added after escaping.
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

// How French text is shown. `color` adds ANSI colours (for a terminal; the
// command line sets it only when standard output is one and NO_COLOR is
// unset).
struct TextStyle {
  bool color = false;
};

// The French answer for an advisor on the phone, in a screen: the eligible
// measures with their amounts and the total of grants by period covered
// (loans and advances apart: they are repaid), the undetermined ones with the
// questions that settle the most, one line per refused measure.
std::string ToSummary(const Evaluation& evaluation, const TextStyle& style = {});
// The French details, one block per measure, grouped by status (eligible,
// undetermined, ineligible, error, not applicable): status, amount and how
// it was computed, reasons, questions, open points, sources; then every
// question, most useful first.
std::string ToText(const Evaluation& evaluation, const TextStyle& style = {});
// The details of one measure, as ToText writes them.
std::string ToMeasureText(const MeasureResult& result, const TextStyle& style = {});
// The summary, then the details of every measure that is not out of period
// or territory, in Markdown (CommonMark, with a table): for a ticket or an
// e-mail. Texts from the pack and the profile are escaped.
std::string ToMarkdown(const Evaluation& evaluation);
// The same as one self-contained HTML5 page in French (inline style, no
// script, nothing loaded), each measure's details in a <details> element:
// a page an advisor can e-mail to the artisan. Every text is escaped.
std::string ToHtml(const Evaluation& evaluation);

// A reason worded in French, as the reports write it ("Condition non
// remplie : Au plus 50 salariés — effectif salarié : 60 ; au plus 50 requis.").
std::string ReasonText(const Reason& reason);
// Every reason of a measure, worded in French, in order.
std::vector<std::string> ReasonTexts(const MeasureResult& result);

}  // namespace relief

#endif  // RELIEF_REPORT_HPP_
