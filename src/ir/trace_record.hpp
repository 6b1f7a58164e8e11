// What a relief::Trace keeps (and an Explanation made from it,
// explain/explanation_data.hpp): the outcomes of a profile, the cells a batch
// machine computed when it decided every measure of the profile on a fresh
// run (all of BatchMachine's registers, or the registers of one lane of a
// LaneMachine that instructions map to), and what is needed to read them
// again.
//
// A file's traces keep one record a firm, so a record is one heap block:
// the fields below, then its outcomes, then its packed cells (three blocks
// were a third of the time of recording a file and keeping every trace).
#ifndef RELIEF_IR_TRACE_RECORD_HPP_
#define RELIEF_IR_TRACE_RECORD_HPP_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <span>
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
  const char* case_id = nullptr;  // into the pack, which the record's program keeps alive
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
static_assert(sizeof(StoredOutcome) == 3 * sizeof(std::uint64_t));

class TraceRecord {
 public:
  // `record`, made or made again when its block is too small, sized for
  // `measures` outcomes and packed cells laid out as `cells`.
  static TraceRecord& Reserve(std::unique_ptr<TraceRecord>& record, std::size_t measures, PackedLayout cells) {
    const std::size_t words = 3 * measures + cells.words();
    if (record == nullptr || record->capacity_ < words) record.reset(new (Words{words}) TraceRecord(words));
    record->measures_ = measures;
    record->cells_ = cells;
    return *record;
  }
  // A copy of `other`, in a block of its own size.
  static std::unique_ptr<TraceRecord> Copy(const TraceRecord& other) {
    std::unique_ptr<TraceRecord> copy;
    TraceRecord& r = Reserve(copy, other.measures_, other.cells_);
    r.program = other.program;
    r.profile = other.profile;
    r.index = other.index;
    r.date = other.date;
    std::copy(other.Storage(), other.Storage() + 3 * other.measures_ + other.cells_.words(), r.Storage());
    return copy;
  }
  // A record is freed by `delete` (std::unique_ptr), as it was allocated.
  static void operator delete(void* p) { ::operator delete(p); }
  static void operator delete(void* p, std::size_t) = delete;

  std::span<StoredOutcome> outcomes() { return {reinterpret_cast<StoredOutcome*>(Storage()), measures_}; }
  std::span<const StoredOutcome> outcomes() const {
    return {reinterpret_cast<const StoredOutcome*>(Storage()), measures_};
  }
  std::span<std::uint64_t> cell_words() { return {Storage() + 3 * measures_, cells_.words()}; }
  std::span<const std::uint64_t> cell_words() const { return {Storage() + 3 * measures_, cells_.words()}; }
  PackedLayout cell_layout() const { return cells_; }

  std::shared_ptr<const Program> program;
  std::shared_ptr<const ProfileData> profile;
  // The index in the cells of each instruction's cell (-1: none), shared by
  // the traces a machine recorded at `date`.
  std::shared_ptr<const std::vector<std::int32_t>> index;
  Date date;

 private:
  struct Words {
    std::size_t count;
  };
  static void* operator new(std::size_t size, Words words) {
    return ::operator new(size + words.count * sizeof(std::uint64_t));
  }
  static void operator delete(void* p, Words) { ::operator delete(p); }
  explicit TraceRecord(std::size_t capacity) : capacity_(capacity) {}

  // The words after the record (its size is a multiple of a word's): a
  // StoredOutcome and a packed cell are implicit-lifetime types, which
  // operator new's storage holds without a constructor.
  std::uint64_t* Storage() { return reinterpret_cast<std::uint64_t*>(this + 1); }
  const std::uint64_t* Storage() const { return reinterpret_cast<const std::uint64_t*>(this + 1); }

  std::size_t capacity_;  // words after the record
  std::size_t measures_ = 0;
  PackedLayout cells_;
};
static_assert(sizeof(TraceRecord) % sizeof(std::uint64_t) == 0);

}  // namespace relief::internal

#endif  // RELIEF_IR_TRACE_RECORD_HPP_
