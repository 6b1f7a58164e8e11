#include "missing_columns.hpp"

#include <algorithm>
#include <span>
#include <thread>

#include "relief/batch_evaluator.hpp"
#include "relief/trace.hpp"

namespace relief::python {
namespace {

// Profiles [begin, end), a block of traces at a time.
void MissingColumnsOfRange(const RulePack& pack, std::span<const Profile> profiles, std::size_t begin, std::size_t end,
                           Date date, std::vector<std::vector<std::string>>& out) {
  constexpr std::size_t kBlock = 256;
  BatchEvaluator batch(pack);
  const std::size_t measures = batch.measure_count();
  std::vector<Trace> traces(kBlock);
  for (std::size_t first = begin; first < end; first += kBlock) {
    const std::size_t n = std::min(kBlock, end - first);
    batch.Record(profiles.subspan(first, n), date, std::span(traces).first(n));
    for (std::size_t j = 0; j < n; ++j) {
      const std::vector<std::vector<MissingFact>> missing = traces[j].MissingFacts();
      for (std::size_t m = 0; m < measures; ++m) {
        std::vector<std::string>& columns = out[(first + j) * measures + m];
        columns.reserve(missing[m].size());
        for (const MissingFact& fact : missing[m]) columns.push_back(fact.Column());
      }
    }
  }
}

}  // namespace

std::vector<std::vector<std::string>> MissingColumns(const RulePack& pack, const std::vector<Profile>& profiles,
                                                     Date date, unsigned threads) {
  const std::size_t measures = pack.MeasureIds().size();
  std::vector<std::vector<std::string>> out(profiles.size() * measures);
  const std::size_t n = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(profiles.size(), 1));
  auto range = [&](std::size_t t) {
    MissingColumnsOfRange(pack, profiles, profiles.size() * t / n, profiles.size() * (t + 1) / n, date, out);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t) pool.emplace_back(range, t);
  range(0);
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace relief::python
