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
#include "relief/batch_evaluator.hpp"
#include "relief/calendar.hpp"

namespace relief::internal {

// A MeasureOutcome in 24 bytes rather than 48.
struct StoredOutcome {
  std::int64_t cents = 0;
  const char* case_id = nullptr;  // into the pack, which `program` keeps alive
  std::uint32_t case_id_size = 0;
  std::uint8_t status = 0;  // a Status
  bool has_amount = false;

  static StoredOutcome Of(const MeasureOutcome& o) {
    // An outcome's amount is rounded to the cent and its cents fit 64 bits
    // (OutcomeColumns): Cents() is exact.
    return {o.amount ? o.amount->Cents().value_or(0) : 0, o.case_id.data(),
            static_cast<std::uint32_t>(o.case_id.size()), static_cast<std::uint8_t>(o.status), o.amount.has_value()};
  }
  MeasureOutcome outcome() const {
    const std::optional<Decimal> amount = has_amount ? std::optional<Decimal>(Decimal::FromCents(cents)) : std::nullopt;
    return {static_cast<Status>(status), amount, {case_id, case_id_size}};
  }
};
static_assert(sizeof(StoredOutcome) == 24);

struct TraceRecord {
  std::shared_ptr<const Program> program;
  std::shared_ptr<const ProfileData> profile;
  // The index in `cells` of each instruction's cell (-1: none), shared by
  // the traces a machine recorded at `date`.
  std::shared_ptr<const std::vector<std::int32_t>> index;
  std::vector<StoredOutcome> outcomes;  // by measure, in pack order
  PackedCells cells;
  Date date;
};

}  // namespace relief::internal

#endif  // RELIEF_API_TRACE_RECORD_HPP_
