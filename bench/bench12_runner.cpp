// bench-12 on relief (bench/bench12/BENCH-SPEC.md): reads a JSON-lines file
// of profiles, evaluates the bench-12 pack (bench/bench12/pack) on each and
// prints the shared JSON line. Only the public API of include/relief/ is used.
//
//   bench12_runner [--mode MODE] [--threads N] [--pack DIR] PROFILES.jsonl
//
// Modes (the "engine" of the line):
//   relief            BatchEvaluator on profiles read before the timer
//   relief-jsonl      each line read with JsonLinesReader::ReadLine inside the timer
//   relief-explained  BatchEvaluator::Explain: the file explained by blocks,
//                     every explanation kept; statuses and amounts read
//                     through its views (from each firm's record: the rest
//                     of an explanation is built when first read)
//   relief-explained-read
//                     the same, and each measure's reasons and missing
//                     facts read: every firm's detail built from its record
//   relief-explained-each
//                     RulePack::Explain, one firm at a time: every
//                     explanation built in full (conditions and their
//                     operands, cases, options, reasons, missing facts,
//                     questions), then read as above
//   relief-evaluated  RulePack::Evaluate: the same copied into an Evaluation
//   relief-traced     BatchEvaluator::Record of the whole file, in blocks:
//                     each profile's trace kept, from which Trace::Explain
//                     gives RulePack::Evaluate's result
// Profiles read before the timer are read with JsonLinesReader too.
// --threads N: in mode relief, relief::ParallelBatch::ForEach on N threads
// (each thread tallies its profiles); in the other modes, N contiguous
// ranges, one std::thread each. The timer covers the
// start and join of the threads.
//
// load_ms is the time to load, check and compile the pack. Exit status: 0, or
// 1 when a profile does not read or a measure ends in an error or
// undetermined status (the line is not printed then), 2 on bad arguments.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "bench12_tally.hpp"
#include "relief/batch_evaluator.hpp"
#include "relief/explanation.hpp"
#include "relief/json_lines.hpp"
#include "relief/parallel_batch.hpp"
#include "relief/rule_pack.hpp"
#include "relief/trace.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

enum class Mode { kBatch, kJsonLines, kExplained, kExplainedRead, kExplainedEach, kEvaluated, kTraced };

// Each mode with its "engine" name.
constexpr std::pair<Mode, std::string_view> kModes[] = {
    {Mode::kBatch, "relief"},
    {Mode::kJsonLines, "relief-jsonl"},
    {Mode::kExplained, "relief-explained"},
    {Mode::kExplainedRead, "relief-explained-read"},
    {Mode::kExplainedEach, "relief-explained-each"},
    {Mode::kEvaluated, "relief-evaluated"},
    {Mode::kTraced, "relief-traced"},
};

struct Options {
  Mode mode = Mode::kBatch;
  int threads = 1;
  std::string pack = RELIEF_BENCH12_PACK;
  std::string profiles;
};

std::string_view EngineName(Mode mode) {
  for (const auto& [m, name] : kModes) {
    if (m == mode) return name;
  }
  return "?";
}

std::optional<Options> ParseArgs(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--mode" && has_value) {
      const std::string_view name = argv[++i];
      const auto* found =
          std::find_if(std::begin(kModes), std::end(kModes), [&](const auto& m) { return m.second == name; });
      if (found == std::end(kModes)) return std::nullopt;
      o.mode = found->first;
    } else if (arg == "--threads" && has_value) {
      o.threads = std::atoi(argv[++i]);
      if (o.threads < 1 || o.threads > 256) return std::nullopt;
    } else if (arg == "--pack" && has_value) {
      o.pack = argv[++i];
    } else if (!arg.starts_with("--") && o.profiles.empty()) {
      o.profiles = arg;
    } else {
      return std::nullopt;
    }
  }
  if (o.profiles.empty()) return std::nullopt;
  return o;
}

// The whole file and its non-empty lines (views into `text`).
struct Lines {
  std::string path;
  std::string text;
  std::vector<std::string_view> lines;
};

std::optional<Lines> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Lines l;
  l.path = path;
  l.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::string_view rest = l.text;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    if (!line.empty()) l.lines.push_back(line);
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return l;
}

// The pack and, for each of its measures in pack order, the index of the
// bench-12 measure (-1 for a measure bench-12 does not know).
struct Bench12Pack {
  relief::RulePack pack;
  std::vector<int> spec_index;
};

std::optional<Bench12Pack> LoadPack(const std::string& dir) {
  relief::LoadResult loaded = relief::RulePack::Load(dir);
  if (!loaded.ok()) {
    std::cerr << relief::FormatDiagnostics(loaded.diagnostics);
    return std::nullopt;
  }
  Bench12Pack b{*loaded.pack, {}};
  std::vector<bool> seen(bench12::kMeasureIds.size(), false);
  for (const std::string& id : b.pack.MeasureIds()) {
    int index = -1;
    for (std::size_t k = 0; k < bench12::kMeasureIds.size(); ++k) {
      if (bench12::kMeasureIds[k] == id) index = static_cast<int>(k);
    }
    if (index >= 0) seen[static_cast<std::size_t>(index)] = true;
    b.spec_index.push_back(index);
  }
  for (std::size_t k = 0; k < seen.size(); ++k) {
    if (!seen[k]) {
      std::cerr << "bench12_runner: the pack " << dir << " has no measure " << bench12::kMeasureIds[k] << "\n";
      return std::nullopt;
    }
  }
  return b;
}

// What one thread computes over its range of profiles.
struct Partial {
  bench12::Tally tally;
  std::string error;  // the first problem met, if any
};

// Counts one measure of one profile; false (with `error` set) when the
// status is neither eligible nor ineligible/not applicable, or an eligible
// measure has no amount.
bool Count(int spec_index, relief::Status status, bool has_amount, std::int64_t cents, Partial& out) {
  if (status == relief::Status::kEligible && has_amount && spec_index >= 0) {
    out.tally.Add(spec_index, cents);
    return true;
  }
  if (status == relief::Status::kIneligible || status == relief::Status::kNotApplicable) return true;
  if (status == relief::Status::kEligible && spec_index < 0) return true;
  out.error = std::string("a measure ended ") + relief::StatusName(status) +
              (status == relief::Status::kEligible ? " without an amount in cents" : "");
  return false;
}

// Counts the outcomes of a block of profiles; false, counting nothing, when one of
// them may be a problem for Count. Without a branch on the statuses, which
// vary from profile to profile: a mispredicted branch per eligible pair
// would cost more than the count. Sums are kept by pack measure, then given
// to the spec's (the amount column is 0 where there is no amount). A
// measure at a time, over the block's profiles: the sums stay in registers,
// and the inner loop is the long one.
bool CountBlock(const std::vector<int>& spec_index, const relief::OutcomeColumns& c, Partial& out) {
  const std::size_t measures = spec_index.size(), size = c.status.size();
  std::array<std::int64_t, 64> eligible{}, cents{};
  if (measures > eligible.size()) return false;
  bool fine = true;
  for (std::size_t m = 0; m < measures; ++m) {
    std::int64_t pairs = 0, sum = 0;
    for (std::size_t k = m; k < size; k += measures) {
      const relief::Status status = c.status[k];
      const bool is_eligible = status == relief::Status::kEligible;
      const bool refused = status == relief::Status::kIneligible || status == relief::Status::kNotApplicable;
      // Bitwise, not logical, operators: && and || would be branches.
      fine &= (is_eligible & (c.has_amount[k] != 0)) | refused;
      pairs += is_eligible;
      sum += c.cents[k];
    }
    eligible[m] = pairs;
    cents[m] = sum;
  }
  if (!fine) return false;
  for (std::size_t m = 0; m < measures; ++m) {
    if (spec_index[m] < 0) continue;
    out.tally.per_measure[static_cast<std::size_t>(spec_index[m])] += eligible[m];
    out.tally.pairs += eligible[m];
    out.tally.amount_sum_cents += cents[m];
  }
  return true;
}

// The same for an outcome of the explained or the per-profile path.
bool Count(int spec_index, relief::Status status, const std::optional<relief::Decimal>& amount, Partial& out) {
  const std::optional<std::int64_t> cents = amount ? amount->Cents() : std::nullopt;
  return Count(spec_index, status, cents.has_value(), cents.value_or(0), out);
}

void AtLine(std::size_t index, Partial& out) { out.error = "line " + std::to_string(index + 1) + ": " + out.error; }

// The profiles read before the timer (every mode but relief-jsonl).
std::optional<std::vector<relief::Profile>> ReadAll(const relief::RulePack& pack, const Lines& lines) {
  relief::JsonLinesReader reader(pack);
  relief::JsonLinesResult r = reader.Read(lines.text, lines.path);
  if (!r.ok()) {
    std::cerr << "bench12_runner: " << relief::FormatDiagnostics(r.diagnostics);
    return std::nullopt;
  }
  return std::move(r.profiles);
}

struct Work {
  const Bench12Pack* pack;
  const Lines* lines;
  const std::vector<relief::Profile>* profiles;  // null in relief-jsonl mode
  Mode mode;
  relief::Date date;
};

// The profiles [first, first + n): those read before the timer, or the
// lines read now into `read`. False (and out.error set) on a bad line.
bool BlockOf(const Work& w, std::size_t first, std::size_t n, relief::JsonLinesReader& reader,
             std::vector<relief::Profile>& read, std::span<const relief::Profile>& block, Partial& out) {
  if (w.profiles) {
    block = {w.profiles->data() + first, n};
    return true;
  }
  read.clear();
  for (std::size_t i = first; i < first + n; ++i) {
    relief::ProfileResult r = reader.ReadLine(w.lines->lines[i], static_cast<int>(i + 1), w.lines->path);
    if (!r.ok()) {
      out.error = "line " + std::to_string(i + 1) + ":\n" + relief::FormatDiagnostics(r.diagnostics);
      return false;
    }
    read.push_back(std::move(*r.profile));
  }
  block = read;
  return true;
}

// Counts the outcomes of a block whose first profile is `first`: by CountBlock, or,
// when it finds a problem, one by one to name the problem's line. False on a
// problem.
bool CountColumns(const std::vector<int>& spec_index, const relief::OutcomeColumns& c, std::size_t first,
                  Partial& out) {
  const std::size_t measures = spec_index.size(), n = c.status.size() / measures;
  if (CountBlock(spec_index, c, out)) return true;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t m = 0; m < measures; ++m) {
      const std::size_t k = i * measures + m;
      if (!Count(spec_index[m], c.status[k], c.has_amount[k] != 0, c.cents[k], out)) {
        AtLine(first + i, out);
        return false;
      }
    }
  }
  return true;
}

// The batch path, through BatchEvaluator's columns API (amounts in cents), a
// block of profiles at a time.
void RunBatch(const Work& w, std::size_t begin, std::size_t end, Partial& out) {
  constexpr std::size_t kBlock = 256;
  relief::BatchEvaluator batch(w.pack->pack);
  relief::JsonLinesReader reader(w.pack->pack);
  std::vector<relief::Profile> read;
  relief::OutcomeColumns outcomes;
  for (std::size_t first = begin; first < end; first += kBlock) {
    const std::size_t n = std::min(kBlock, end - first);
    std::span<const relief::Profile> block;
    if (!BlockOf(w, first, n, reader, read, block, out)) return;
    batch.Evaluate(block, w.date, outcomes);
    if (!CountColumns(w.pack->spec_index, outcomes, first, out)) return;
  }
}

// The file explained by blocks (BatchEvaluator::Explain), every explanation
// kept; statuses and amounts read through its views. With `read_detail`
// (relief-explained-read), each measure's reasons and missing facts are read
// too, which builds every firm's detail from its record.
void RunExplained(const Work& w, std::size_t begin, std::size_t end, bool read_detail, Partial& out) {
  relief::BatchEvaluator batch(w.pack->pack);
  const std::span<const relief::Profile> profiles(w.profiles->data() + begin, end - begin);
  std::vector<relief::Explanation> explained(profiles.size());
  batch.Explain(profiles, w.date, explained);
  std::size_t detail = 0;
  for (std::size_t i = 0; i < explained.size(); ++i) {
    for (std::size_t m = 0; m < explained[i].measure_count(); ++m) {
      const relief::MeasureView view = explained[i].measure(m);
      if (!Count(w.pack->spec_index[m], view.status(), view.amount(), out)) return AtLine(begin + i, out);
      if (read_detail) detail += view.reasons().size() + view.missing().size();
    }
  }
  // Every measure has a reason: a detail that was not read would show here.
  if (read_detail && detail < explained.size() * w.pack->spec_index.size()) out.error = "explanations without reasons";
}

// One firm at a time (RulePack::Explain): each explanation built in full.
void RunExplainedEach(const Work& w, std::size_t begin, std::size_t end, Partial& out) {
  for (std::size_t i = begin; i < end; ++i) {
    const relief::Explanation e = w.pack->pack.Explain((*w.profiles)[i], w.date);
    for (std::size_t m = 0; m < e.measure_count(); ++m) {
      const relief::MeasureView view = e.measure(m);
      if (!Count(w.pack->spec_index[m], view.status(), view.amount(), out)) return AtLine(i, out);
    }
  }
}

void RunEvaluated(const Work& w, std::size_t begin, std::size_t end, Partial& out) {
  for (std::size_t i = begin; i < end; ++i) {
    const relief::Evaluation e = w.pack->pack.Evaluate((*w.profiles)[i], w.date);
    for (std::size_t m = 0; m < e.measures.size(); ++m) {
      if (!Count(w.pack->spec_index[m], e.measures[m].status, e.measures[m].amount, out)) return AtLine(i, out);
    }
  }
}

// Each profile's trace recorded, a block at a time, and kept
// (relief/trace.hpp), to be explained later; its outcomes counted.
void RunTraced(const Work& w, std::size_t begin, std::size_t end, Partial& out) {
  relief::BatchEvaluator batch(w.pack->pack);
  const std::span<const relief::Profile> profiles(w.profiles->data() + begin, end - begin);
  std::vector<relief::Trace> traces(profiles.size());
  batch.Record(profiles, w.date, traces);
  for (std::size_t i = 0; i < traces.size(); ++i) {
    for (std::size_t m = 0; m < traces[i].measure_count(); ++m) {
      const relief::MeasureOutcome o = traces[i].outcome(m);
      if (!Count(w.pack->spec_index[m], o.status, o.amount, out)) return AtLine(begin + i, out);
    }
  }
}

void RunRange(const Work& w, std::size_t begin, std::size_t end, Partial& out) {
  if (w.mode == Mode::kExplained || w.mode == Mode::kExplainedRead) {
    RunExplained(w, begin, end, w.mode == Mode::kExplainedRead, out);
  } else if (w.mode == Mode::kExplainedEach) {
    RunExplainedEach(w, begin, end, out);
  } else if (w.mode == Mode::kEvaluated) {
    RunEvaluated(w, begin, end, out);
  } else if (w.mode == Mode::kTraced) {
    RunTraced(w, begin, end, out);
  } else {
    RunBatch(w, begin, end, out);
  }
}

// Mode relief on several threads: the library's ParallelBatch, each block
// of profiles tallied, as columns, on the thread that computed it.
std::vector<Partial> RunParallel(const Work& w, int threads) {
  relief::ParallelBatch batch(w.pack->pack, static_cast<unsigned>(threads));
  std::vector<Partial> parts(batch.threads());
  batch.ForEachBlock(*w.profiles, w.date, [&](unsigned thread, std::size_t first, const relief::OutcomeColumns& block) {
    Partial& out = parts[thread];
    if (out.error.empty()) CountColumns(w.pack->spec_index, block, first, out);
  });
  return parts;
}

// Runs the work over `n` profiles on `threads` threads; the partial results
// in thread order.
std::vector<Partial> RunThreads(const Work& w, std::size_t n, int threads) {
  std::vector<Partial> parts(static_cast<std::size_t>(threads));
  if (threads > 1 && w.mode == Mode::kBatch) return RunParallel(w, threads);
  if (threads == 1) {
    RunRange(w, 0, n, parts[0]);
    return parts;
  }
  std::vector<std::thread> pool;
  const std::size_t t = parts.size();
  for (std::size_t k = 0; k < t; ++k) {
    pool.emplace_back(RunRange, std::cref(w), n * k / t, n * (k + 1) / t, std::ref(parts[k]));
  }
  for (std::thread& thread : pool) thread.join();
  return parts;
}

int Run(const Options& o) {
  std::optional<Lines> lines = ReadLines(o.profiles);
  if (!lines) {
    std::cerr << "bench12_runner: cannot read " << o.profiles << "\n";
    return 1;
  }
  const Clock::time_point load_start = Clock::now();
  std::optional<Bench12Pack> pack = LoadPack(o.pack);
  if (!pack) return 1;
  bench12::Timing timing{lines->lines.size(), MillisSince(load_start), 0, o.threads};
  std::optional<std::vector<relief::Profile>> profiles;
  if (o.mode != Mode::kJsonLines && !(profiles = ReadAll(pack->pack, *lines))) return 1;
  const Work work{&*pack, &*lines, profiles ? &*profiles : nullptr, o.mode, *relief::Date::Parse("2020-11-30")};

  const Clock::time_point eval_start = Clock::now();
  std::vector<Partial> parts = RunThreads(work, timing.profiles, o.threads);
  timing.eval_ms = MillisSince(eval_start);

  bench12::Tally total;
  for (const Partial& p : parts) {
    if (!p.error.empty()) {
      std::cerr << "bench12_runner: " << p.error << "\n";
      return 1;
    }
    total.Merge(p.tally);
  }
  bench12::PrintLine(EngineName(o.mode), timing, total);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<Options> options = ParseArgs(argc, argv);
  if (!options) {
    std::cerr << "usage: bench12_runner [--mode relief|relief-jsonl|relief-explained|relief-explained-read|"
                 "relief-explained-each|relief-evaluated|"
                 "relief-traced] "
                 "[--threads N] "
                 "[--pack DIR] "
                 "PROFILES.jsonl\n";
    return 2;
  }
  return Run(*options);
}
