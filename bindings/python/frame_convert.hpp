// A pandas frame → profiles, column by column: each column is turned into
// cells once (numeric, boolean and datetime columns straight from their
// numpy buffers, without the GIL), then every row is read by
// relief::ProfileTable, the column convention of `relief batch`, on several
// threads.
#ifndef RELIEF_BINDINGS_PYTHON_FRAME_CONVERT_HPP_
#define RELIEF_BINDINGS_PYTHON_FRAME_CONVERT_HPP_

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "profile_convert.hpp"

namespace relief::python {

// `columns[i]` is column `headers[i]` as relief/_frame.py gives it, a pair
// (kind, data): ("int", int64 array), ("float", float64 array), ("bool",
// bool array), ("datetime", int64 nanoseconds, NaT as the smallest int64),
// or ("object", list of cells; None, NaN, NA and NaT are empty). Returns ([Profile or None] per row,
// [(row position, field, message)]).
py::tuple BuildTableProfiles(const PackHandle& pack, const std::vector<std::string>& headers, const py::list& columns,
                             std::size_t rows, int threads);

}  // namespace relief::python

#endif  // RELIEF_BINDINGS_PYTHON_FRAME_CONVERT_HPP_
