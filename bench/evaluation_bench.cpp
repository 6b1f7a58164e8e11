// How fast the bundled Occitanie pack (21 measures) evaluates the example
// firms: the batch path (statuses and amounts) and the explained path
// (reasons, conditions, missing facts). Build with -DRELIEF_BUILD_BENCH=ON,
// run build/<preset>/bench/relief_bench.
#include <benchmark/benchmark.h>

#include "relief/batch_evaluator.hpp"
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

void BM_LoadPack(benchmark::State& state) {
  for (auto _ : state) {
    LoadResult loaded = RulePack::Load(std::string(RELIEF_TEST_DIR) + "/../rules/occitanie");
    benchmark::DoNotOptimize(loaded.pack);
  }
}
BENCHMARK(BM_LoadPack)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace relief
