// How fast the bundled Occitanie pack (21 measures) evaluates the example
// firms: the batch path (statuses and amounts), a profile at a time, by
// blocks, and on all cores (ParallelBatch), and the explained path (reasons,
// conditions, missing facts); how fast the pack loads, with and without the
// cache of read rule files; how fast a bench-12 profile is read from
// a JSON line. Build with -DRELIEF_BUILD_BENCH=ON, run
// build/<preset>/bench/relief_bench.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

#include "relief/batch_evaluator.hpp"
#include "relief/explanation.hpp"
#include "relief/json_lines.hpp"
#include "relief/parallel_batch.hpp"
#include "relief/report.hpp"
#include "relief/trace.hpp"
#include "support/example_profiles.hpp"

namespace relief {
namespace {

struct Fixture {
  RulePack pack = testing::BundledPack();
  std::vector<Profile> profiles;
  Fixture() {
    for (const std::string& text : testing::ExampleProfiles())
      profiles.push_back(*pack.ReadProfile(text, "example").profile);
  }
};

const Fixture& Data() {
  static const Fixture fixture;
  return fixture;
}

void BM_BatchEvaluate(benchmark::State& state) {
  const Fixture& f = Data();
  BatchEvaluator batch(f.pack);
  std::vector<MeasureOutcome> out;
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    batch.Evaluate(f.profiles[i++ % f.profiles.size()], date, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_BatchEvaluate);

// The same profiles by blocks (BatchEvaluator's span APIs): 256 profiles,
// the example firms repeated, per call of `run(batch, profiles, date)`.
template <class Run>
void BlocksOf(benchmark::State& state, const RulePack& pack, const std::vector<Profile>& some, Run run) {
  std::vector<Profile> profiles;
  for (std::size_t i = 0; i < 256; ++i) profiles.push_back(some[i % some.size()]);
  BatchEvaluator batch(pack);
  const Date date = *Date::Parse("2020-11-30");
  for (auto _ : state) run(batch, profiles, date);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(profiles.size()));
  state.SetLabel("profiles");
}

void BlocksOf(benchmark::State& state, const RulePack& pack, const std::vector<Profile>& some) {
  std::vector<MeasureOutcome> out;
  BlocksOf(state, pack, some, [&](BatchEvaluator& batch, const std::vector<Profile>& profiles, Date date) {
    out.resize(profiles.size() * batch.measure_count());
    batch.Evaluate(profiles, date, out);
    benchmark::DoNotOptimize(out.data());
  });
}

// The traces of blocks of profiles (BatchEvaluator::Record's span API),
// recorded into the same traces at every call: what recording costs
// without the memory that keeping every trace takes (bench12_runner's
// relief-traced mode counts that too).
void RecordBlocksOf(benchmark::State& state, const RulePack& pack, const std::vector<Profile>& some) {
  std::vector<Trace> traces;
  BlocksOf(state, pack, some, [&](BatchEvaluator& batch, const std::vector<Profile>& profiles, Date date) {
    traces.resize(profiles.size());
    batch.Record(profiles, date, traces);
    benchmark::DoNotOptimize(traces.data());
  });
}

void BM_BatchEvaluateBlocks(benchmark::State& state) { BlocksOf(state, Data().pack, Data().profiles); }
BENCHMARK(BM_BatchEvaluateBlocks);

void BM_ExplainedEvaluate(benchmark::State& state) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    Evaluation e = f.pack.Evaluate(f.profiles[i++ % f.profiles.size()], date);
    benchmark::DoNotOptimize(e.measures.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ExplainedEvaluate);

// The explanation as views (relief/explanation.hpp): everything an
// explanation shows computed, ready to read, no text built.
void BM_Explain(benchmark::State& state) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    Explanation e = f.pack.Explain(f.profiles[i++ % f.profiles.size()], date);
    benchmark::DoNotOptimize(e.measure_count());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_Explain);

// One firm month after month, as `relief timeline` explains it: each
// explanation at another date than the previous one (the batch plan that
// RulePack::Explain runs is made for a date).
void BM_ExplainMonthByMonth(benchmark::State& state) {
  const Fixture& f = Data();
  std::vector<Date> dates;
  for (Month m = *Month::Parse("2020-03"); m <= *Month::Parse("2021-12"); m = *m.Add(1)) dates.push_back(m.LastDay());
  std::size_t i = 0;
  for (auto _ : state) {
    Explanation e = f.pack.Explain(f.profiles[(i / dates.size()) % f.profiles.size()], dates[i % dates.size()]);
    benchmark::DoNotOptimize(e.measure_count());
    ++i;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ExplainMonthByMonth);

// What reading an explanation touches, summed so that nothing is skipped.
struct ReadSum {
  std::size_t n = 0;
  void Add(std::string_view text) { n += text.size(); }
  void Add(std::size_t x) { n += x; }
  void Values(const UsedValueList& values) {
    for (const UsedValueView v : values) {
      Add(v.label());
      Add(v.source());
      Add(v.name().size());
    }
  }
  void Condition(const ConditionView& c) {
    Add(c.label());
    Add(c.source());
    Add(static_cast<std::size_t>(c.outcome()));
    Add(c.expression());
    Values(c.values());
    for (std::string_view text : c.open_points()) Add(text);
    for (const ConditionView part : c.parts()) Condition(part);
  }
  void Missing(const MissingFactView& m) {
    Add(m.fact());
    Add(m.label());
  }
  void Measure(const MeasureView& m);
};

void ReadSum::Measure(const MeasureView& m) {
  for (std::string_view text : {m.id(), m.title(), m.issuer(), m.territory(), m.apply(), m.version(), m.case_id(),
                                m.case_label(), m.option(), m.amount_formula()}) {
    Add(text);
  }
  Add(static_cast<std::size_t>(m.status()));
  Add(m.amount() ? 1 : 0);
  Values(m.amount_values());
  for (const ReasonView r : m.reasons()) Add(static_cast<std::size_t>(r.code()) + r.operand_count());
  for (const ConditionView c : m.conditions()) Condition(c);
  for (const CaseView c : m.cases()) {
    Add(c.id());
    Add(c.label());
    Add(static_cast<std::size_t>(c.outcome()) + c.chosen());
  }
  for (const OptionView o : m.options()) {
    Add(o.label());
    Add(o.amount() ? 1 : 0);
  }
  for (const MissingFactView f : m.missing()) Missing(f);
  for (auto list : {m.sources(), m.measure_sources(), m.open_points()}) {
    for (std::string_view text : list) Add(text);
  }
}

// Every view of `e` read: texts, outcomes, values read, operands, cases,
// options, reasons' codes, missing facts and questions (not the French
// words, built only when asked).
std::size_t ReadAll(const Explanation& e) {
  ReadSum sum;
  for (const MeasureView m : e.measures()) sum.Measure(m);
  for (const MissingFactView q : e.questions()) sum.Missing(q);
  return sum.n;
}

// The explanation made, then read whole.
void BM_ExplainReadAll(benchmark::State& state) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ReadAll(f.pack.Explain(f.profiles[i++ % f.profiles.size()], date)));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ExplainReadAll);

// Reading alone: each example firm explained once before the timer, then
// read as BM_ExplainReadAll reads.
void BM_ExplanationRead(benchmark::State& state) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  std::vector<Explanation> explained;
  for (const Profile& firm : f.profiles) explained.push_back(f.pack.Explain(firm, date));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(ReadAll(explained[i++ % explained.size()]));
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ExplanationRead);

// The same with its JSON document: every French detail, value and formula in
// words is built (RulePack::Evaluate defers them until read).
void BM_ExplainedEvaluateToJson(benchmark::State& state) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    std::string json = ToJson(f.pack.Evaluate(f.profiles[i++ % f.profiles.size()], date));
    benchmark::DoNotOptimize(json.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ExplainedEvaluateToJson);

// The batch path keeping its record (relief/trace.hpp): outcomes, and the
// registers the explanation reads later.
void RecordOf(benchmark::State& state, const RulePack& pack, const std::vector<Profile>& profiles) {
  const Date date = *Date::Parse("2020-11-30");
  BatchEvaluator batch(pack);
  Trace trace;
  std::size_t i = 0;
  for (auto _ : state) {
    batch.Record(profiles[i++ % profiles.size()], date, trace);
    benchmark::DoNotOptimize(trace.outcome(0));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
void BM_TraceRecord(benchmark::State& state) { RecordOf(state, Data().pack, Data().profiles); }
BENCHMARK(BM_TraceRecord);

void BM_TraceRecordBlocks(benchmark::State& state) { RecordBlocksOf(state, Data().pack, Data().profiles); }
BENCHMARK(BM_TraceRecordBlocks);

// What the example firms' traces give when read: `read(trace)`, each firm
// recorded once at 2020-11-30 before the timer.
template <class Read>
void ReadTraces(benchmark::State& state, Read read) {
  const Fixture& f = Data();
  const Date date = *Date::Parse("2020-11-30");
  BatchEvaluator batch(f.pack);
  std::vector<Trace> traces(f.profiles.size());
  for (std::size_t k = 0; k < traces.size(); ++k) batch.Record(f.profiles[k], date, traces[k]);
  std::size_t i = 0;
  for (auto _ : state) read(traces[i++ % traces.size()]);
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}

// The full explanation of a recorded profile: RulePack::Evaluate's result,
// from the record.
void BM_TraceExplain(benchmark::State& state) {
  ReadTraces(state, [](const Trace& trace) {
    Evaluation e = trace.Explain();
    benchmark::DoNotOptimize(e.measures.data());
  });
}
BENCHMARK(BM_TraceExplain);

// The same as views (relief/explanation.hpp), from the record: made (its
// statuses and amounts only), and made then read whole (which builds its
// detail from the record).
void BM_TraceExplainViews(benchmark::State& state) {
  ReadTraces(state, [](const Trace& trace) {
    Explanation e(trace);
    benchmark::DoNotOptimize(e.measure_count());
  });
}
BENCHMARK(BM_TraceExplainViews);

void BM_TraceExplainViewsReadAll(benchmark::State& state) {
  ReadTraces(state, [](const Trace& trace) { benchmark::DoNotOptimize(ReadAll(Explanation(trace))); });
}
BENCHMARK(BM_TraceExplainViewsReadAll);

// Only the facts each measure still misses (relief batch --questions).
void BM_TraceMissingFacts(benchmark::State& state) {
  ReadTraces(state, [](const Trace& trace) {
    std::vector<std::vector<MissingFact>> missing = trace.MissingFacts();
    benchmark::DoNotOptimize(missing.data());
  });
}
BENCHMARK(BM_TraceMissingFacts);

// The profiles a ParallelBatch call gets: the example firms, repeated.
void BM_ParallelBatch(benchmark::State& state) {
  const Fixture& f = Data();
  std::vector<Profile> profiles;
  for (int i = 0; i < 4000; ++i) profiles.push_back(f.profiles[static_cast<std::size_t>(i) % f.profiles.size()]);
  ParallelBatch batch(f.pack, static_cast<unsigned>(state.range(0)));
  std::vector<MeasureOutcome> out;
  const Date date = *Date::Parse("2020-11-30");
  for (auto _ : state) {
    batch.Evaluate(profiles, date, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(profiles.size()));
  state.SetLabel("profiles");
}
BENCHMARK(BM_ParallelBatch)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Three lines of bench/bench12/gen_profiles.mjs 100000 42.
const char* const kBench12Lines[] = {
    R"({"siren":"376301362","naf":"47.65Z","region":"53","departement":"22","date_creation":"1996-04-24","effectif":0,"ca_2019":114969.36,"ca_ref_mois":9368.6,"ca_mois":5875.34,"fermeture_administrative":false,"artisan":false,"forme_juridique":"MICRO","procedure_collective":false,"masse_salariale_2019":0,"embauches_jeunes_26":0,"depenses_numerique":0,"depenses_renovation":40776.44,"proprietaire_locaux":true,"loyer_mensuel":4766.22})",
    R"({"siren":"637056561","naf":"43.22A","region":"76","departement":"66","date_creation":"1997-11-05","effectif":2,"ca_2019":235006.23,"ca_ref_mois":12336.87,"ca_mois":13430.9,"fermeture_administrative":true,"artisan":true,"forme_juridique":"SA","procedure_collective":false,"masse_salariale_2019":67367.83,"embauches_jeunes_26":0,"depenses_numerique":1606.36,"depenses_renovation":99319.11,"proprietaire_locaux":false,"loyer_mensuel":0})",
    R"({"siren":"747638213","naf":"43.91A","region":"75","departement":"86","date_creation":"2019-11-30","effectif":0,"ca_2019":41901.15,"ca_ref_mois":3440.71,"ca_mois":3307.24,"fermeture_administrative":false,"artisan":true,"forme_juridique":"SA","procedure_collective":false,"masse_salariale_2019":0,"embauches_jeunes_26":0,"depenses_numerique":0,"depenses_renovation":0,"proprietaire_locaux":false,"loyer_mensuel":3698.56})",
};

const RulePack& Bench12Pack() {
  static const RulePack pack = RulePack::LoadOrThrow(RELIEF_BENCH12_PACK);
  return pack;
}

// A bench-12 profile read from its JSON line: JsonLinesReader (simdjson) ...
void BM_ReadJsonLine(benchmark::State& state) {
  JsonLinesReader reader(Bench12Pack());
  std::size_t i = 0;
  for (auto _ : state) {
    ProfileResult r = reader.ReadLine(kBench12Lines[i++ % 3]);
    benchmark::DoNotOptimize(r.profile);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ReadJsonLine);

// ... and RulePack::ReadProfile (yaml-cpp), for comparison.
void BM_ReadProfileJson(benchmark::State& state) {
  const RulePack& pack = Bench12Pack();
  std::size_t i = 0;
  for (auto _ : state) {
    ProfileResult r = pack.ReadProfile(kBench12Lines[i++ % 3]);
    benchmark::DoNotOptimize(r.profile);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_ReadProfileJson);

// bench-12's three profiles above, on the fast path and on the explained
// path: the ratio of the two is issue #9's "within 5x" target, in CPU time.
std::vector<Profile> Bench12Profiles() {
  JsonLinesReader reader(Bench12Pack());
  std::vector<Profile> profiles;
  for (const char* line : kBench12Lines) profiles.push_back(*reader.ReadLine(line).profile);
  return profiles;
}

void BM_Bench12Batch(benchmark::State& state) {
  const std::vector<Profile> profiles = Bench12Profiles();
  BatchEvaluator batch(Bench12Pack());
  std::vector<MeasureOutcome> out;
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    batch.Evaluate(profiles[i++ % profiles.size()], date, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_Bench12Batch);

void BM_Bench12Blocks(benchmark::State& state) { BlocksOf(state, Bench12Pack(), Bench12Profiles()); }
BENCHMARK(BM_Bench12Blocks);

void BM_Bench12Explained(benchmark::State& state) {
  const std::vector<Profile> profiles = Bench12Profiles();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    Evaluation e = Bench12Pack().Evaluate(profiles[i++ % profiles.size()], date);
    benchmark::DoNotOptimize(e.measures.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_Bench12Explained);

// The explanation as views (RulePack::Explain), as bench-12's
// relief-explained row makes it.
void BM_Bench12Explain(benchmark::State& state) {
  const std::vector<Profile> profiles = Bench12Profiles();
  const Date date = *Date::Parse("2020-11-30");
  std::size_t i = 0;
  for (auto _ : state) {
    Explanation e = Bench12Pack().Explain(profiles[i++ % profiles.size()], date);
    benchmark::DoNotOptimize(e.measure_count());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel("profiles");
}
BENCHMARK(BM_Bench12Explain);

// A block of firms explained (BatchEvaluator::Explain), as bench-12's
// relief-explained row: statuses and amounts read from each firm's record.
// With `read_detail`, each firm's reasons and missing facts are read too,
// which builds its detail from the record.
void ExplainBlocksOf(benchmark::State& state, bool read_detail) {
  std::vector<Explanation> explained;
  BlocksOf(state, Bench12Pack(), Bench12Profiles(),
           [&](BatchEvaluator& batch, const std::vector<Profile>& profiles, Date date) {
             explained.resize(profiles.size());
             batch.Explain(profiles, date, explained);
             std::size_t read = 0;
             for (const Explanation& e : explained) {
               for (const MeasureView m : e.measures()) {
                 read += static_cast<std::size_t>(m.status()) + m.amount().has_value();
                 if (read_detail) read += m.reasons().size() + m.missing().size();
               }
             }
             benchmark::DoNotOptimize(read);
           });
}

void BM_Bench12ExplainBlocks(benchmark::State& state) { ExplainBlocksOf(state, false); }
BENCHMARK(BM_Bench12ExplainBlocks);

void BM_Bench12ExplainBlocksReadDetail(benchmark::State& state) { ExplainBlocksOf(state, true); }
BENCHMARK(BM_Bench12ExplainBlocksReadDetail);

void BM_Bench12Record(benchmark::State& state) { RecordOf(state, Bench12Pack(), Bench12Profiles()); }
BENCHMARK(BM_Bench12Record);

void BM_Bench12RecordBlocks(benchmark::State& state) { RecordBlocksOf(state, Bench12Pack(), Bench12Profiles()); }
BENCHMARK(BM_Bench12RecordBlocks);

// Loading, checking and compiling the bundled pack (rules/occitanie and the
// national pack it imports): with the cache of read rule files filled by an
// earlier load (every load after the first), with an empty cache (the first
// load: every file parsed, and written to the cache), and without the cache.
// The CPU time is the process's: the rule files are read on every core.
const std::string kBundledPack = std::string(RELIEF_TEST_DIR) + "/../rules/occitanie";

std::string BenchCacheDirectory(const char* name) {
  return (std::filesystem::temp_directory_path() / fmt::format("relief-bench-{}-{}", name, ::getpid())).string();
}

void BM_LoadPack(benchmark::State& state) {
  const LoadOptions options{true, BenchCacheDirectory("warm-cache")};
  RulePack::Load(kBundledPack, options);
  for (auto _ : state) {
    LoadResult loaded = RulePack::Load(kBundledPack, options);
    benchmark::DoNotOptimize(loaded.pack);
  }
  std::filesystem::remove_all(options.cache_directory);
}
BENCHMARK(BM_LoadPack)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_LoadPackColdCache(benchmark::State& state) {
  const LoadOptions options{true, BenchCacheDirectory("cold-cache")};
  for (auto _ : state) {
    state.PauseTiming();
    std::filesystem::remove_all(options.cache_directory);
    state.ResumeTiming();
    LoadResult loaded = RulePack::Load(kBundledPack, options);
    benchmark::DoNotOptimize(loaded.pack);
  }
  std::filesystem::remove_all(options.cache_directory);
}
BENCHMARK(BM_LoadPackColdCache)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

void BM_LoadPackNoCache(benchmark::State& state) {
  for (auto _ : state) {
    LoadResult loaded = RulePack::Load(kBundledPack, LoadOptions{false, ""});
    benchmark::DoNotOptimize(loaded.pack);
  }
}
BENCHMARK(BM_LoadPackNoCache)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
}  // namespace relief
