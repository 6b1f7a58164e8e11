// What each firm of a frame still misses to decide each measure, as the
// columns that would give it ("ca_mensuel[2020-11]", "effectif"): the
// questions of `relief batch --questions`, for evaluate_frame.
#ifndef RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_
#define RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_

#include <string>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/rule_pack.hpp"

namespace relief::python {

// Entry i * measures + m holds profile i's columns for measure m (pack
// order). Each of `threads` threads records the traces of a contiguous
// range of `profiles` by blocks and reads their missing facts
// (Trace::MissingFacts), without building the explanations. Call without
// the GIL.
std::vector<std::vector<std::string>> MissingColumns(const RulePack& pack, const std::vector<Profile>& profiles,
                                                     Date date, unsigned threads);

}  // namespace relief::python

#endif  // RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_
