// What each firm of a frame still misses to decide each measure, as the
// columns that would give it ("ca_mensuel[2020-11]", "effectif"): the
// questions of `relief batch --questions`, for evaluate_frame.
#ifndef RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_
#define RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "relief/calendar.hpp"
#include "relief/rule_pack.hpp"

namespace relief::python {

// The lists of columns, each distinct list once: a frame of firms has
// hundreds of thousands of results but few distinct lists, so Python makes
// one tuple per list, not per result.
struct MissingColumnLists {
  std::vector<std::vector<std::string>> lists;  // lists[0] is the empty list
  // Entry i * measures + m: the index in `lists` of profile i's columns for
  // measure m (pack order).
  std::vector<std::uint32_t> of_result;
};

// Each of `threads` threads records the traces of a contiguous range of
// `profiles` by blocks and reads their missing facts (Trace::MissingFacts),
// without building the explanations, and numbers the lists it meets; the
// numberings are merged at the end. Call without the GIL.
MissingColumnLists MissingColumns(const RulePack& pack, const std::vector<Profile>& profiles, Date date,
                                  unsigned threads);

}  // namespace relief::python

#endif  // RELIEF_BINDINGS_PYTHON_MISSING_COLUMNS_HPP_
