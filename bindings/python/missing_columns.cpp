#include "missing_columns.hpp"

#include <algorithm>
#include <span>
#include <thread>
#include <unordered_map>

#include "relief/batch_evaluator.hpp"
#include "relief/trace.hpp"

namespace relief::python {
namespace {

// The lists one thread met, numbered in the order met (0: the empty list).
class ListNumbering {
 public:
  ListNumbering() { lists_.emplace_back(); }

  std::uint32_t Number(const std::vector<MissingFact>& facts) {
    if (facts.empty()) return 0;
    key_.clear();  // the columns, each followed by a newline (a column has none)
    for (const MissingFact& fact : facts) key_.append(fact.Column()).push_back('\n');
    const auto [at, added] = numbers_.try_emplace(key_, static_cast<std::uint32_t>(lists_.size()));
    if (added) {
      std::vector<std::string>& columns = lists_.emplace_back();
      columns.reserve(facts.size());
      for (const MissingFact& fact : facts) columns.push_back(fact.Column());
    }
    return at->second;
  }
  // The lists, to be moved out by Merge.
  std::vector<std::vector<std::string>>& lists() { return lists_; }
  // Each non-empty list's number, by its key (as Number builds it).
  const std::unordered_map<std::string, std::uint32_t>& numbers() const { return numbers_; }

 private:
  std::string key_;  // reused: looking up a list met before allocates nothing
  std::unordered_map<std::string, std::uint32_t> numbers_;
  std::vector<std::vector<std::string>> lists_;
};

// Profiles [begin, end), a block of traces at a time.
void NumberRange(const RulePack& pack, std::span<const Profile> profiles, std::size_t begin, std::size_t end, Date date,
                 ListNumbering& numbering, std::vector<std::uint32_t>& of_result) {
  constexpr std::size_t kBlock = 256;
  BatchEvaluator batch(pack);
  const std::size_t measures = batch.measure_count();
  std::vector<Trace> traces(kBlock);
  for (std::size_t first = begin; first < end; first += kBlock) {
    const std::size_t n = std::min(kBlock, end - first);
    batch.Record(profiles.subspan(first, n), date, std::span(traces).first(n));
    for (std::size_t j = 0; j < n; ++j) {
      const std::vector<std::vector<MissingFact>> missing = traces[j].MissingFacts();
      for (std::size_t m = 0; m < measures; ++m) of_result[(first + j) * measures + m] = numbering.Number(missing[m]);
    }
  }
}

// Renumbers each thread's entries [begin, end) into `out`'s numbering.
void Merge(ListNumbering& part, std::size_t begin, std::size_t end,
           std::unordered_map<std::string, std::uint32_t>& by_key, MissingColumnLists& out) {
  std::vector<std::uint32_t> renumber(part.lists().size(), 0);
  for (const auto& [key, number] : part.numbers()) {
    const auto [at, added] = by_key.try_emplace(key, static_cast<std::uint32_t>(out.lists.size()));
    if (added) out.lists.push_back(std::move(part.lists()[number]));
    renumber[number] = at->second;
  }
  for (std::size_t i = begin; i < end; ++i) out.of_result[i] = renumber[out.of_result[i]];
}

}  // namespace

MissingColumnLists MissingColumns(const RulePack& pack, const std::vector<Profile>& profiles, Date date,
                                  unsigned threads) {
  const std::size_t measures = pack.MeasureIds().size();
  MissingColumnLists out;
  out.of_result.resize(profiles.size() * measures);
  const std::size_t n = std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(profiles.size(), 1));
  std::vector<ListNumbering> numberings(n);
  auto range = [&](std::size_t t) {
    NumberRange(pack, profiles, profiles.size() * t / n, profiles.size() * (t + 1) / n, date, numberings[t],
                out.of_result);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < n; ++t) pool.emplace_back(range, t);
  range(0);
  for (std::thread& t : pool) t.join();
  out.lists.emplace_back();
  std::unordered_map<std::string, std::uint32_t> by_key;
  for (std::size_t t = 0; t < n; ++t) {
    Merge(numberings[t], profiles.size() * t / n * measures, profiles.size() * (t + 1) / n * measures, by_key, out);
  }
  return out;
}

}  // namespace relief::python
