// bench-12 written by hand in C++ over an array of structs: the floor a rules
// engine is compared against (bench/bench12/BENCH-SPEC.md). Built with -O2.
//
//   bench12_floor PROFILES.jsonl
//
// The profiles are parsed (nlohmann/json) into plain structs before the
// timer: money in integer cents, dates as YYYYMMDD integers, codes packed into
// integers. Inside the timer, the twelve measures are decided with integer
// arithmetic only, exact to the cent like ref.mjs: each amount is rounded half
// up from its exact value. List membership is a binary search over the sorted
// packed NAF codes, as a careful hand-written program would do it.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bench12_tally.hpp"

namespace {

struct FirmProfile {
  std::uint64_t naf = 0;  // the code's characters, packed
  std::uint32_t region = 0;
  std::uint32_t departement = 0;
  std::int32_t date_creation = 0;  // YYYYMMDD
  std::int32_t effectif = 0;
  std::int32_t embauches_jeunes_26 = 0;
  std::int64_t ca_2019 = 0;  // money: cents
  std::int64_t ca_ref_mois = 0;
  std::int64_t ca_mois = 0;
  std::int64_t masse_salariale_2019 = 0;
  std::int64_t depenses_numerique = 0;
  std::int64_t depenses_renovation = 0;
  std::int64_t loyer_mensuel = 0;
  bool fermeture_administrative = false;
  bool artisan = false;
  bool procedure_collective = false;
  bool proprietaire_locaux = false;
};

constexpr std::uint64_t Pack(std::string_view s) {
  std::uint64_t v = 0;
  for (char c : s) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

template <std::size_t N>
constexpr std::array<std::uint64_t, N> SortedCodes(const std::array<std::string_view, N>& codes) {
  std::array<std::uint64_t, N> packed{};
  for (std::size_t i = 0; i < N; ++i) packed[i] = Pack(codes[i]);
  std::sort(packed.begin(), packed.end());
  return packed;
}

constexpr auto kS1 = SortedCodes(std::array<std::string_view, 39>{
    "55.10Z", "55.20Z", "55.30Z", "56.10A", "56.10B", "56.10C", "56.21Z", "56.30Z", "79.11Z", "79.12Z",
    "79.90Z", "82.30Z", "90.01Z", "90.02Z", "90.03A", "90.04Z", "91.02Z", "91.03Z", "93.11Z", "93.12Z",
    "93.13Z", "93.19Z", "93.21Z", "93.29Z", "59.14Z", "59.11A", "59.11B", "59.12Z", "49.39B", "50.10Z",
    "50.30Z", "77.21Z", "85.51Z", "85.52Z", "74.20Z", "01.49Z", "49.32Z", "82.99Z", "90.03B"});
constexpr auto kS1bis = SortedCodes(
    std::array<std::string_view, 24>{"01.21Z", "11.02A", "11.02B", "10.71C", "10.13B", "10.51C", "46.34Z", "46.17A",
                                     "46.17B", "46.38B", "47.81Z", "47.82Z", "47.89Z", "18.12Z", "13.92Z", "14.13Z",
                                     "32.12Z", "32.13Z", "46.48Z", "10.52Z", "49.10Z", "52.21Z", "74.10Z", "43.32A"});
constexpr auto kOccitanie = SortedCodes(
    std::array<std::string_view, 13>{"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"});

template <std::size_t N>
bool In(const std::array<std::uint64_t, N>& sorted, std::uint64_t code) {
  return std::binary_search(sorted.begin(), sorted.end(), code);
}

// Half up, for num >= 0 (as ref.mjs's div).
std::int64_t DivRound(std::int64_t num, std::int64_t den) { return (2 * num + den) / (2 * den); }

// One profile, all twelve measures; the measure numbers are those of
// bench12::kMeasureIds.
void Decide(const FirmProfile& p, bench12::Tally& t) {
  const std::int64_t perte = p.ca_ref_mois - p.ca_mois, pos = std::max<std::int64_t>(perte, 0);
  const bool pct50 = p.ca_ref_mois > 0 && 2 * perte >= p.ca_ref_mois;
  const bool pct20 = p.ca_ref_mois > 0 && 5 * perte >= p.ca_ref_mois;
  const bool s1 = In(kS1, p.naf), s1bis = In(kS1bis, p.naf), closed = p.fermeture_administrative;
  const bool occitanie = p.region == Pack("76"), pc = p.procedure_collective;
  if (p.date_creation < 20200201 && p.effectif <= 10 && p.ca_2019 < 100000000 && !pc && (closed || pct50))
    t.Add(0, std::min<std::int64_t>(pos, 150000));
  if (p.date_creation < 20200930 && !pc && (closed || (p.effectif <= 50 && pct50)))
    t.Add(1, std::min<std::int64_t>(pos, closed || s1 || s1bis ? 1000000 : 150000));
  if (!pc && p.ca_2019 > 0) t.Add(2, DivRound(p.ca_2019, 4));
  if (p.effectif >= 1 && (closed || pct20)) t.Add(3, 0);
  if (p.effectif <= 10 && closed && p.date_creation < 20201030 && p.depenses_numerique >= 50000) t.Add(4, 50000);
  if (p.embauches_jeunes_26 >= 1) t.Add(5, 400000 * std::int64_t{p.embauches_jeunes_26});
  if (occitanie && p.effectif <= 20 && (s1 || p.artisan || (p.naf >> 32) == Pack("47")) && p.loyer_mensuel > 0)
    t.Add(6, std::min<std::int64_t>(2 * p.loyer_mensuel, 500000));
  if (p.effectif < 250 && (s1 || s1bis) && pct50) t.Add(7, DivRound(p.masse_salariale_2019, 60));
  if (p.effectif < 250 && p.ca_2019 < 5000000000 && p.proprietaire_locaux && p.depenses_renovation > 0)
    t.Add(8, std::min<std::int64_t>(DivRound(3 * p.depenses_renovation, 10), 2500000));
  if (occitanie && p.effectif <= 250 && p.date_creation < 20191231 && !pc)
    t.Add(9, std::clamp<std::int64_t>(DivRound(p.ca_2019, 10), 1000000, 30000000));
  if (p.artisan && p.effectif <= 10 && In(kOccitanie, p.departement)) t.Add(10, 0);
  if ((s1 || s1bis || closed) && 12 * p.ca_ref_mois > 100000000 && pct50) t.Add(11, DivRound(21 * pos, 100));
}

// Cents of a JSON number written with at most two decimals (as ref.mjs's
// Math.round(x * 100): the nearest integer of the product).
std::int64_t Cents(const nlohmann::json& v) { return std::llround(v.get<double>() * 100.0); }

std::int32_t Ymd(const std::string& date) {
  return std::stoi(date.substr(0, 4)) * 10000 + std::stoi(date.substr(5, 2)) * 100 + std::stoi(date.substr(8, 2));
}

FirmProfile FromJson(const nlohmann::json& j) {
  FirmProfile p;
  p.naf = Pack(j.at("naf").get<std::string>());
  p.region = static_cast<std::uint32_t>(Pack(j.at("region").get<std::string>()));
  p.departement = static_cast<std::uint32_t>(Pack(j.at("departement").get<std::string>()));
  p.date_creation = Ymd(j.at("date_creation").get<std::string>());
  p.effectif = j.at("effectif").get<std::int32_t>();
  p.embauches_jeunes_26 = j.at("embauches_jeunes_26").get<std::int32_t>();
  p.ca_2019 = Cents(j.at("ca_2019"));
  p.ca_ref_mois = Cents(j.at("ca_ref_mois"));
  p.ca_mois = Cents(j.at("ca_mois"));
  p.masse_salariale_2019 = Cents(j.at("masse_salariale_2019"));
  p.depenses_numerique = Cents(j.at("depenses_numerique"));
  p.depenses_renovation = Cents(j.at("depenses_renovation"));
  p.loyer_mensuel = Cents(j.at("loyer_mensuel"));
  p.fermeture_administrative = j.at("fermeture_administrative").get<bool>();
  p.artisan = j.at("artisan").get<bool>();
  p.procedure_collective = j.at("procedure_collective").get<bool>();
  p.proprietaire_locaux = j.at("proprietaire_locaux").get<bool>();
  return p;
}

std::optional<std::vector<FirmProfile>> ReadProfiles(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::vector<FirmProfile> profiles;
  std::string line;
  for (std::size_t n = 1; std::getline(in, line); ++n) {
    if (line.empty()) continue;
    try {
      profiles.push_back(FromJson(nlohmann::json::parse(line)));
    } catch (const std::exception& e) {
      std::cerr << path << ":" << n << ": " << e.what() << "\n";
      return std::nullopt;
    }
  }
  return profiles;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bench12_floor PROFILES.jsonl\n";
    return 2;
  }
  const std::optional<std::vector<FirmProfile>> profiles = ReadProfiles(argv[1]);
  if (!profiles) return 1;
  const auto start = std::chrono::steady_clock::now();
  bench12::Tally tally;
  for (const FirmProfile& p : *profiles) Decide(p, tally);
  const double eval_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  bench12::PrintLine("cpp-floor", bench12::Timing{profiles->size(), 0, eval_ms, 1}, tally);
  return 0;
}
