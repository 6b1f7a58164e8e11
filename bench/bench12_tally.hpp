// The answer every bench-12 runner prints (bench/bench12/BENCH-SPEC.md,
// "What a runner prints"): eligible pairs, per-measure counts and the sum of
// the amounts in cents, with the timings, as one JSON line. Shared by the
// relief runner and the hand-written floor so that both print the same line.
#ifndef RELIEF_BENCH_BENCH12_TALLY_HPP_
#define RELIEF_BENCH_BENCH12_TALLY_HPP_

#include <array>
#include <cstdint>
#include <cstdio>
#include <string_view>

namespace bench12 {

// The twelve measures in the order of the spec and of ref.mjs.
inline constexpr std::array<std::string_view, 12> kMeasureIds = {
    "fonds_solidarite_v1",   "fonds_solidarite_nov2020", "pge",
    "activite_partielle",    "cheque_numerique",         "aide_embauche_jeunes",
    "occal_loyers",          "exoneration_cotisations",  "credit_impot_renovation",
    "pret_rebond_occitanie", "aide_artisans_cma",        "aide_couts_fixes"};

struct Tally {
  std::array<std::int64_t, 12> per_measure{};
  std::int64_t pairs = 0;
  std::int64_t amount_sum_cents = 0;

  void Add(int measure, std::int64_t cents) {
    ++per_measure[measure];
    ++pairs;
    amount_sum_cents += cents;
  }
  void Merge(const Tally& other) {
    for (std::size_t i = 0; i < per_measure.size(); ++i) per_measure[i] += other.per_measure[i];
    pairs += other.pairs;
    amount_sum_cents += other.amount_sum_cents;
  }
};

struct Timing {
  std::size_t profiles = 0;
  double load_ms = 0;
  double eval_ms = 0;
  int threads = 1;
};

inline void PrintLine(std::string_view engine, const Timing& t, const Tally& tally) {
  const double per_s = t.eval_ms > 0 ? static_cast<double>(t.profiles) / (t.eval_ms / 1000.0) : 0.0;
  std::printf("{\"engine\":\"%.*s\",\"profiles\":%zu,\"load_ms\":%.2f,\"eval_ms\":%.2f,\"profiles_per_s\":%.0f,",
              static_cast<int>(engine.size()), engine.data(), t.profiles, t.load_ms, t.eval_ms, per_s);
  std::printf("\"eligible_pairs\":%lld,\"per_measure\":{", static_cast<long long>(tally.pairs));
  for (std::size_t i = 0; i < kMeasureIds.size(); ++i) {
    std::printf("%s\"%.*s\":%lld", i ? "," : "", static_cast<int>(kMeasureIds[i].size()), kMeasureIds[i].data(),
                static_cast<long long>(tally.per_measure[i]));
  }
  std::printf("},\"amount_sum_cents\":%lld,\"threads\":%d}\n", static_cast<long long>(tally.amount_sum_cents),
              t.threads);
  std::fflush(stdout);
}

}  // namespace bench12

#endif  // RELIEF_BENCH_BENCH12_TALLY_HPP_
