// Loads the installed rule pack and evaluates an empty profile: every measure
// must come back, and nothing may be eligible without facts. The same
// profile read from a JSON line (simdjson) and evaluated by ParallelBatch
// (threads) proves that the library's private dependencies link.
#include <iostream>
#include <relief/json_lines.hpp>
#include <relief/parallel_batch.hpp>
#include <relief/report.hpp>
#include <relief/rule_pack.hpp>

int main(int argc, char** argv) {
  const std::string pack_dir = argc > 1 ? argv[1] : relief::DefaultPackDirectory();
  relief::LoadResult loaded = relief::RulePack::Load(pack_dir);
  if (!loaded.ok()) {
    std::cerr << relief::FormatDiagnostics(loaded.diagnostics);
    return 1;
  }
  relief::ProfileResult profile = loaded.pack->ReadProfile("{}", "empty");
  relief::Evaluation result = loaded.pack->Evaluate(profile.value(), *relief::Date::Parse("2020-11-15"));
  for (const relief::MeasureResult& m : result.measures) {
    if (m.status == relief::Status::kEligible) {
      std::cerr << m.id << " is eligible without any fact\n";
      return 1;
    }
  }
  relief::JsonLinesResult lines = relief::JsonLinesReader(*loaded.pack).Read("{}\n{\"effectif\": null}\n");
  std::vector<relief::MeasureOutcome> outcomes;
  relief::ParallelBatch(*loaded.pack, 2).Evaluate(lines.profiles, *relief::Date::Parse("2020-11-15"), outcomes);
  if (!lines.ok() || outcomes.size() != 2 * result.measures.size()) {
    std::cerr << "JSON lines or ParallelBatch: " << relief::FormatDiagnostics(lines.diagnostics);
    return 1;
  }
  std::cout << loaded.pack->info().name << ": " << result.measures.size() << " measures evaluated\n";
  return result.measures.empty() ? 1 : 0;
}
