// The bundled pack, loaded once per fuzzing process.
#ifndef RELIEF_FUZZ_FUZZ_COMMON_HPP_
#define RELIEF_FUZZ_FUZZ_COMMON_HPP_

#include <cstdio>
#include <cstdlib>

#include "relief/rule_pack.hpp"

inline const relief::RulePack& BundledPack() {
  static const relief::RulePack pack = [] {
    relief::LoadResult loaded = relief::RulePack::Load(RELIEF_RULES_DIR "/occitanie");
    if (!loaded.ok()) {
      std::fputs(relief::FormatDiagnostics(loaded.diagnostics).c_str(), stderr);
      std::abort();
    }
    return *loaded.pack;
  }();
  return pack;
}

#endif  // RELIEF_FUZZ_FUZZ_COMMON_HPP_
