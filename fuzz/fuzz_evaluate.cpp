// Fuzzes the evaluation of the bundled pack with fuzzed profiles: every
// profile that reads without error is evaluated at two dates, and both
// reports are written. An internal error would abort. The batch path
// (BatchEvaluator, the typed machine) must give the explained path's
// statuses and amounts: a difference aborts too. So must the block path
// (BatchEvaluator's span API), on a block of the last profiles read, so that
// lanes that differ in every way are evaluated together.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::ProfileResult profile = BundledPack().ReadProfile(text, "profile.yaml");
  if (!profile.ok()) return 0;
  static relief::BatchEvaluator batch(BundledPack());
  static std::vector<relief::Profile> recent;  // the last 33: a block of 32 lanes and one more
  if (recent.size() == 33) recent.erase(recent.begin());
  recent.push_back(*profile.profile);
  std::vector<relief::MeasureOutcome> outcomes, blocks(recent.size() * batch.measure_count());
  for (const char* day : {"2020-11-30", "2021-03-31"}) {
    const relief::Date date = *relief::Date::Parse(day);
    relief::Evaluation e = BundledPack().Evaluate(*profile.profile, date);
    relief::ToText(e);
    relief::ToJson(e);
    batch.Evaluate(*profile.profile, date, outcomes);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (outcomes[i].status != e.measures[i].status || outcomes[i].amount != e.measures[i].amount) std::abort();
    }
    batch.Evaluate(recent, date, blocks);
    for (std::size_t p = 0; p < recent.size(); ++p) {
      batch.Evaluate(recent[p], date, outcomes);
      for (std::size_t i = 0; i < outcomes.size(); ++i) {
        if (!(blocks[p * outcomes.size() + i] == outcomes[i])) std::abort();
      }
    }
  }
  return 0;
}
