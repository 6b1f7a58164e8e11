// What a relief::Trace keeps besides its outcomes: the batch machine's
// registers after it decided every measure of the profile on a fresh run,
// and what is needed to read them again.
#ifndef RELIEF_API_TRACE_RECORD_HPP_
#define RELIEF_API_TRACE_RECORD_HPP_

#include <memory>
#include <vector>

#include "ir/cell.hpp"
#include "ir/profile_data.hpp"
#include "ir/program.hpp"
#include "relief/calendar.hpp"

namespace relief::internal {

struct TraceRecord {
  std::shared_ptr<const Program> program;
  std::shared_ptr<const ProfileData> profile;
  // The plan's register of each instruction at `date`, shared by every
  // trace of that date.
  std::shared_ptr<const std::vector<std::int32_t>> instr_regs;
  std::vector<Cell> cells;
  Date date;
};

}  // namespace relief::internal

#endif  // RELIEF_API_TRACE_RECORD_HPP_
