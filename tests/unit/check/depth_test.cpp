// Evaluation depth is bounded when the pack is checked (issue #7, defect 3:
// `relief check` accepted a chain of 17 500 values or 50 000 fact defaults,
// and evaluation then overflowed the stack). The defaults chain here has
// 20 000 links: far past the bound, and quick to load in every build.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

// A pack whose measure reads v0, where v_i = v_{i+1} + 1 and v_n = x (or,
// with `defaults`, facts f_i defaulting to f_{i+1} + 1).
std::string ChainPack(int n, bool defaults) {
  const fs::path dir = fs::temp_directory_path() / ("relief-chain-" + std::to_string(::getpid()) + "-" +
                                                    std::to_string(n) + (defaults ? "d" : "v"));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "pack.yaml") << "pack: {name: chain, version: 1.0.0, title: Chaîne}\n";
  std::ofstream rules(dir / "rules.yaml");
  rules << "facts:\n  x: {type: integer, label: x, question: x}\n";
  if (defaults) {
    for (int i = 0; i < n; ++i) {
      rules << "  f" << i << ": {type: integer, label: f, question: f, default: \""
            << (i + 1 < n ? "f" + std::to_string(i + 1) : "x") << " + 1\"}\n";
    }
  } else {
    rules << "values:\n";
    for (int i = 0; i < n; ++i) {
      rules << "  v" << i << ": {label: v, formula: \"" << (i + 1 < n ? "v" + std::to_string(i + 1) : "x")
            << " + 1\"}\n";
    }
  }
  rules << "measures:\n  m:\n    title: M\n    issuer: T\n    kind: grant\n    per: once\n"
           "    territory: {label: France}\n    apply: a\n    sources: [s]\n    versions:\n"
           "      - months: 2020-01\n        source: s\n        require:\n          - label: c\n            when: "
        << (defaults ? "f0" : "v0") << " > 0\n        amount: 1 €\n";
  return dir.string();
}

TEST(EvaluationDepth, ALongChainOfValuesIsRefusedAtCheck) {
  const std::string dir = ChainPack(17500, false);
  LoadResult loaded = RulePack::Load(dir);
  EXPECT_FALSE(loaded.ok());
  ASSERT_FALSE(loaded.diagnostics.empty());
  EXPECT_NE(FormatDiagnostics(loaded.diagnostics).find("too deep to evaluate"), std::string::npos)
      << FormatDiagnostics(loaded.diagnostics).substr(0, 2000);
  fs::remove_all(dir);
}

TEST(EvaluationDepth, ALongChainOfFactDefaultsIsRefusedAtCheck) {
  const std::string dir = ChainPack(20000, true);
  LoadResult loaded = RulePack::Load(dir);
  EXPECT_FALSE(loaded.ok());
  EXPECT_NE(FormatDiagnostics(loaded.diagnostics).find("too deep to evaluate"), std::string::npos);
  fs::remove_all(dir);
}

TEST(EvaluationDepth, AChainWithinTheBoundEvaluates) {
  const std::string dir = ChainPack(300, false);
  LoadResult loaded = RulePack::Load(dir);
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  ProfileResult p = loaded.pack->ReadProfile("x: 1\n");
  ASSERT_TRUE(p.ok());
  Evaluation e = loaded.pack->Evaluate(*p.profile, *Date::Parse("2020-01-31"));
  EXPECT_EQ(e.measures.at(0).status, Status::kEligible);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace relief
