// Broken rule files and profiles, made by mutating valid ones at random:
// loading never crashes, never reports an internal error, and always says
// where the problem is or loads cleanly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class Mutator {
 public:
  explicit Mutator(std::uint64_t seed) : state_(seed) {}

  // Deletes a line, duplicates one, deletes a character or inserts one.
  std::string Mutate(const std::string& text) {
    static const std::string kInserts = ":-[]{}#\"' \n\tx0é";
    std::string out = text;
    const std::size_t at = Next() % (out.size() + 1);
    switch (Next() % 4) {
      case 0: {
        std::size_t start = out.rfind('\n', at == 0 ? 0 : at - 1);
        start = start == std::string::npos ? 0 : start + 1;
        std::size_t end = out.find('\n', at);
        out.erase(start, end == std::string::npos ? std::string::npos : end - start + 1);
        break;
      }
      case 1: {
        std::size_t start = out.rfind('\n', at == 0 ? 0 : at - 1);
        start = start == std::string::npos ? 0 : start + 1;
        std::size_t end = out.find('\n', at);
        out.insert(start, out.substr(start, end == std::string::npos ? std::string::npos : end - start + 1));
        break;
      }
      case 2:
        if (at < out.size()) out.erase(at, 1);
        break;
      default:
        out.insert(at, 1, kInserts[Next() % kInserts.size()]);
        break;
    }
    return out;
  }

 private:
  std::size_t Next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state_ >> 33);
  }
  std::uint64_t state_;
};

void ExpectLocatedOrClean(const std::vector<Diagnostic>& diagnostics, const std::string& what) {
  for (const Diagnostic& d : diagnostics) {
    EXPECT_EQ(d.message.find("internal error"), std::string::npos) << what << "\n" << FormatDiagnostic(d);
    if (d.is_error()) {
      EXPECT_FALSE(d.location.file.empty()) << what << "\n" << FormatDiagnostic(d);
    }
  }
}

TEST(MutatedPack, LoadingNeverCrashes) {
  // In memory (RulePack::Load from PackFiles): no file written, so that
  // concurrent runs of this test cannot disturb each other.
  const fs::path source = fs::path(RELIEF_TEST_DIR) / "golden" / "profiles" / "pack";
  PackFiles original;
  for (const auto& entry : fs::recursive_directory_iterator(source)) {
    if (entry.is_regular_file())
      original["pack/" + fs::relative(entry.path(), source).generic_string()] = Read(entry.path());
  }
  ASSERT_FALSE(original.empty());
  Mutator mutator(7);
  for (int i = 0; i < 300; ++i) {
    PackFiles files = original;
    for (auto& [name, text] : files) {
      if (name.find('/', 5) != std::string::npos) continue;   // only the pack's top-level files
      if (name == "pack/pack.yaml" && i % 10 != 0) continue;  // mostly mutate the rules
      text = mutator.Mutate(text);
    }
    LoadResult loaded = RulePack::Load(files, "pack");
    ExpectLocatedOrClean(loaded.diagnostics, "variant " + std::to_string(i));
  }
}

TEST(MutatedProfile, ReadingNeverCrashes) {
  const fs::path dir = fs::path(RELIEF_TEST_DIR) / "golden" / "profiles";
  RulePack pack = RulePack::LoadOrThrow((dir / "pack").string());
  std::vector<std::string> profiles;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".json")
      profiles.push_back(Read(entry.path()));
  }
  ASSERT_FALSE(profiles.empty());
  Mutator mutator(11);
  for (int i = 0; i < 2000; ++i) {
    std::string text = mutator.Mutate(profiles[static_cast<std::size_t>(i) % profiles.size()]);
    ProfileResult p = pack.ReadProfile(text, "mutated.yaml");
    ExpectLocatedOrClean(p.diagnostics, text);
    if (p.ok()) (void)pack.Evaluate(*p.profile, *Date::Parse("2020-11-15"));
  }
}

}  // namespace
}  // namespace relief
