#include "relief/parallel_batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>

namespace relief {
namespace {

// Below this many profiles per thread, starting a thread costs more than it
// saves (a thread starts in tens of microseconds; a profile takes a few).
constexpr std::size_t kMinProfilesPerThread = 64;

// Profiles evaluated at a time by a visiting thread: its outcomes stay in
// the cache until visited.
constexpr std::size_t kBlock = 256;

// The profiles a thread takes at a time: about an eighth of a thread's
// share, so that the threads finish together, but no more than about a
// millisecond of bench-12 (16 blocks) and no fewer than a thread is worth;
// whole blocks when more than one, so that the blocks of a chunk are full.
constexpr std::size_t kChunksPerThread = 8;
constexpr std::size_t kMaxChunk = 16 * kBlock;

std::size_t ChunkSize(std::size_t profiles, std::size_t threads) {
  const std::size_t chunk =
      std::clamp<std::size_t>(profiles / (threads * kChunksPerThread), kMinProfilesPerThread, kMaxChunk);
  return chunk < kBlock ? chunk : chunk / kBlock * kBlock;
}

unsigned ThreadCount(unsigned asked) {
  if (asked != 0) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Evaluates profiles [begin, end), a block at a time (BatchEvaluator's span
// API), handing each one's outcomes to `visit`.
void VisitRange(BatchEvaluator& batch, unsigned thread, std::span<const Profile> profiles, std::size_t begin,
                std::size_t end, Date date, const ParallelBatch::Visitor& visit) {
  const std::size_t m = batch.measure_count();
  std::vector<MeasureOutcome> outcomes;
  for (std::size_t first = begin; first < end; first += kBlock) {
    const std::size_t n = std::min(kBlock, end - first);
    outcomes.resize(n * m);
    batch.Evaluate(profiles.subspan(first, n), date, outcomes);
    for (std::size_t i = 0; i < n; ++i) visit(thread, first + i, std::span(outcomes).subspan(i * m, m));
  }
}

// The same, a block of profiles at a time as columns.
void VisitBlocks(BatchEvaluator& batch, unsigned thread, std::span<const Profile> profiles, std::size_t begin,
                 std::size_t end, Date date, const ParallelBatch::BlockVisitor& visit) {
  OutcomeColumns block;
  for (std::size_t first = begin; first < end; first += kBlock) {
    batch.Evaluate(profiles.subspan(first, std::min(kBlock, end - first)), date, block);
    visit(thread, first, block);
  }
}

}  // namespace

ParallelBatch::ParallelBatch(const RulePack& pack, unsigned threads) : measure_count_(pack.MeasureIds().size()) {
  const unsigned n = ThreadCount(threads);
  evaluators_.reserve(n);
  for (unsigned k = 0; k < n; ++k) evaluators_.emplace_back(pack);
}

ParallelBatch::~ParallelBatch() = default;
ParallelBatch::ParallelBatch(ParallelBatch&&) noexcept = default;
ParallelBatch& ParallelBatch::operator=(ParallelBatch&&) noexcept = default;

void ParallelBatch::Evaluate(std::span<const Profile> profiles, Date date, std::vector<MeasureOutcome>& out) {
  out.resize(profiles.size() * measure_count_);
  const std::size_t m = measure_count_;
  RunRanges(profiles.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
    evaluators_[k].Evaluate(profiles.subspan(begin, end - begin), date,
                            std::span(out).subspan(begin * m, (end - begin) * m));
  });
}

void ParallelBatch::ForEach(std::span<const Profile> profiles, Date date, const Visitor& visit) {
  RunRanges(profiles.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
    VisitRange(evaluators_[k], static_cast<unsigned>(k), profiles, begin, end, date, visit);
  });
}

void ParallelBatch::ForEachBlock(std::span<const Profile> profiles, Date date, const BlockVisitor& visit) {
  RunRanges(profiles.size(), [&](std::size_t k, std::size_t begin, std::size_t end) {
    VisitBlocks(evaluators_[k], static_cast<unsigned>(k), profiles, begin, end, date, visit);
  });
}

// Each thread takes the next chunk when done with its last (an atomic
// counter), rather than one fixed range each: on a machine whose cores are
// shared (a VM's stolen time, another job), the others take up the slack of
// a slowed thread instead of waiting for it.
void ParallelBatch::RunRanges(std::size_t n, const std::function<void(std::size_t, std::size_t, std::size_t)>& range) {
  const std::size_t t = std::clamp<std::size_t>(n / kMinProfilesPerThread, 1, evaluators_.size());
  const std::size_t chunk = ChunkSize(n, t);
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(t);
  auto run = [&](std::size_t k) {
    try {
      for (std::size_t begin = next.fetch_add(chunk); begin < n; begin = next.fetch_add(chunk)) {
        range(k, begin, std::min(n, begin + chunk));
      }
    } catch (...) {
      errors[k] = std::current_exception();
      next.store(n);  // the other threads stop at their next chunk
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  for (std::size_t k = 1; k < t; ++k) {
    try {
      pool.emplace_back(run, k);
    } catch (const std::system_error&) {
      break;  // no thread to be had: those running take every chunk
    }
  }
  run(0);  // the calling thread takes chunks too
  for (std::thread& thread : pool) thread.join();
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace relief
