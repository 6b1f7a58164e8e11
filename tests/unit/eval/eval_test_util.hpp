// Helpers shared by the evaluation tests: load a test pack of tests/packs/
// (once), read an inline YAML profile, evaluate it at a date, and look at one
// measure's status, amount and missing facts.
#ifndef RELIEF_TESTS_UNIT_EVAL_EVAL_TEST_UTIL_HPP_
#define RELIEF_TESTS_UNIT_EVAL_EVAL_TEST_UTIL_HPP_

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "relief/diagnostic.hpp"
#include "relief/report.hpp"
#include "relief/result.hpp"
#include "relief/rule_pack.hpp"

namespace relief::testing {

inline std::string PackDir(const std::string& name) { return std::string(RELIEF_TEST_DIR) + "/packs/" + name; }

// Loads tests/packs/<name> once per test binary; throws (so that the test
// fails with the diagnostics) when the pack does not load.
inline const RulePack& Pack(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, RulePack> packs;
  std::lock_guard lock(mutex);
  if (auto it = packs.find(name); it != packs.end()) return it->second;
  LoadResult loaded = RulePack::Load(PackDir(name));
  if (!loaded.ok())
    throw std::runtime_error("pack " + name + " does not load:\n" + FormatDiagnostics(loaded.diagnostics));
  return packs.emplace(name, std::move(*loaded.pack)).first->second;
}

inline Date D(std::string_view text) {
  auto d = Date::Parse(text);
  if (!d) throw std::runtime_error("bad date in test: " + std::string(text));
  return *d;
}

inline Profile ReadOrThrow(const RulePack& pack, std::string_view yaml) {
  ProfileResult p = pack.ReadProfile(yaml, "profile.yaml");
  if (!p.ok()) throw std::runtime_error("profile does not read:\n" + FormatDiagnostics(p.diagnostics));
  return std::move(*p.profile);
}

inline Evaluation Eval(const std::string& pack, std::string_view yaml, std::string_view date) {
  const RulePack& p = Pack(pack);
  return p.Evaluate(ReadOrThrow(p, yaml), D(date));
}

inline const MeasureResult& Measure(const Evaluation& e, std::string_view id) {
  for (const MeasureResult& m : e.measures) {
    if (m.id == id) return m;
  }
  throw std::runtime_error("no measure " + std::string(id));
}

// Evaluates and returns one measure (by value: the evaluation is a temporary).
inline MeasureResult EvalMeasure(const std::string& pack, std::string_view id, std::string_view yaml,
                                 std::string_view date) {
  return Measure(Eval(pack, yaml, date), id);
}

inline std::string Status(const MeasureResult& m) { return StatusName(m.status); }

// The amount to the cent, or "null".
inline std::string Amount(const MeasureResult& m) { return m.amount ? m.amount->ToFixed(2) : "null"; }

inline std::set<std::string> MissingKeys(const MeasureResult& m) {
  std::set<std::string> keys;
  for (const MissingFact& f : m.missing) keys.insert(f.Key());
  return keys;
}

inline std::vector<std::string> Keys(const std::vector<MissingFact>& facts) {
  std::vector<std::string> keys;
  for (const MissingFact& f : facts) keys.push_back(f.Key());
  return keys;
}

inline const ConditionResult& Condition(const MeasureResult& m, std::string_view label) {
  for (const ConditionResult& c : m.conditions) {
    if (c.label == label) return c;
  }
  throw std::runtime_error("no condition " + std::string(label) + " in " + m.id);
}

inline const CaseResult& Case(const MeasureResult& m, std::string_view id) {
  for (const CaseResult& c : m.cases) {
    if (c.id == id) return c;
  }
  throw std::runtime_error("no case " + std::string(id) + " in " + m.id);
}

// Over strings (reason texts) or a result's shared texts (sources, open points).
template <typename Texts>
bool Contains(const Texts& texts, std::string_view needle) {
  for (std::string_view t : texts) {
    if (t.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

template <typename Texts>
std::string Join(const Texts& texts) {
  std::string out;
  for (std::string_view t : texts) out.append(out.empty() ? "" : " | ").append(t);
  return out;
}

// "file:line:column" of the first occurrence of `text` in a pack file, as the
// engine locates an expression (1-based line and column, in characters).
inline std::string LocationOf(const std::string& file, std::string_view text) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (auto col = line.find(text); col != std::string::npos) {
      int chars = 1;
      for (std::size_t i = 0; i < col; ++i) chars += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
      return file + ":" + std::to_string(n) + ":" + std::to_string(chars);
    }
  }
  throw std::runtime_error("'" + std::string(text) + "' not found in " + file);
}

}  // namespace relief::testing

#endif  // RELIEF_TESTS_UNIT_EVAL_EVAL_TEST_UTIL_HPP_
