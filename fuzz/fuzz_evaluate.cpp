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

namespace {

constexpr const char* kDays[] = {"2020-11-30", "2021-03-31"};

// The last 65 profiles read (a block of 64 lanes and one more), with their
// outcomes at each date, one profile at a time.
struct Recent {
  std::vector<relief::Profile> profiles;
  std::vector<std::vector<relief::MeasureOutcome>> alone[2];

  void Add(const relief::Profile& p, const std::vector<relief::MeasureOutcome> (&outcomes)[2]) {
    if (profiles.size() == 65) {
      profiles.erase(profiles.begin());
      for (auto& a : alone) a.erase(a.begin());
    }
    profiles.push_back(p);
    for (int d = 0; d < 2; ++d) alone[d].push_back(outcomes[d]);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::ProfileResult profile = BundledPack().ReadProfile(text, "profile.yaml");
  if (!profile.ok()) return 0;
  // One evaluator per date: each keeps the plan of its date.
  static relief::BatchEvaluator batches[2] = {relief::BatchEvaluator(BundledPack()),
                                              relief::BatchEvaluator(BundledPack())};
  static Recent recent;
  std::vector<relief::MeasureOutcome> outcomes[2];
  for (int d = 0; d < 2; ++d) {
    const relief::Date date = *relief::Date::Parse(kDays[d]);
    relief::Evaluation e = BundledPack().Evaluate(*profile.profile, date);
    relief::ToText(e);
    relief::ToJson(e);
    batches[d].Evaluate(*profile.profile, date, outcomes[d]);
    for (std::size_t i = 0; i < outcomes[d].size(); ++i) {
      if (outcomes[d][i].status != e.measures[i].status || outcomes[d][i].amount != e.measures[i].amount) std::abort();
    }
  }
  recent.Add(*profile.profile, outcomes);
  const std::size_t m = batches[0].measure_count();
  std::vector<relief::MeasureOutcome> blocks(recent.profiles.size() * m);
  relief::OutcomeColumns columns;
  for (int d = 0; d < 2; ++d) {
    batches[d].Evaluate(recent.profiles, *relief::Date::Parse(kDays[d]), blocks);
    batches[d].Evaluate(recent.profiles, *relief::Date::Parse(kDays[d]), columns);
    for (std::size_t p = 0; p < recent.profiles.size(); ++p) {
      for (std::size_t i = 0; i < m; ++i) {
        const relief::MeasureOutcome& alone = recent.alone[d][p][i];
        const std::size_t k = p * m + i;
        if (!(blocks[k] == alone)) std::abort();
        const bool has_amount = alone.amount.has_value();
        if (columns.status[k] != alone.status || (columns.has_amount[k] != 0) != has_amount ||
            columns.cents[k] != (has_amount ? alone.amount->Cents().value() : 0) || columns.case_id[k] != alone.case_id)
          std::abort();
      }
    }
  }
  return 0;
}
