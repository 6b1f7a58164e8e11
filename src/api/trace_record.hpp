// What a relief::Trace keeps besides its outcomes: the cells a batch
// machine computed when it decided every measure of the profile on a fresh
// run (all of BatchMachine's registers, or the registers of one lane of a
// LaneMachine that instructions map to), and what is needed to read them
// again.
#ifndef RELIEF_API_TRACE_RECORD_HPP_
#define RELIEF_API_TRACE_RECORD_HPP_

#include <memory>
#include <vector>

#include "ir/packed_cells.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"
#include "relief/calendar.hpp"

namespace relief::internal {

struct TraceRecord {
  std::shared_ptr<const Program> program;
  std::shared_ptr<const ProfileData> profile;
  // The index in `cells` of each instruction's cell (-1: none), shared by
  // the traces a machine recorded at `date`.
  std::shared_ptr<const std::vector<std::int32_t>> index;
  PackedCells cells;
  Date date;
};

}  // namespace relief::internal

#endif  // RELIEF_API_TRACE_RECORD_HPP_
