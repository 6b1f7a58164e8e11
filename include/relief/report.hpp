// Renderings of an evaluation: JSON for programs, French text for advisors.
#ifndef RELIEF_REPORT_HPP_
#define RELIEF_REPORT_HPP_

#include <string>

#include "relief/result.hpp"

namespace relief {

// {"pack": {"name", "version", "digest"}, "date", "month", "measures": [{"id",
// "title", "kind", "status", "amount" (decimal string or null), "case",
// "reasons", "missing": [{"fact", "question"}], "sources", …}], "questions"}
std::string ToJson(const Evaluation& evaluation, int indent = 2);
// A French summary, one block per measure.
std::string ToText(const Evaluation& evaluation);

}  // namespace relief

#endif  // RELIEF_REPORT_HPP_
