// Broken rule files and profiles, made by mutating valid ones at random:
// loading never crashes, never reports an internal error, and always says
// where the problem is or loads cleanly.
#include <gtest/gtest.h>
#include <unistd.h>

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
  const fs::path source = fs::path(RELIEF_TEST_DIR) / "golden" / "profiles" / "pack";
  // A directory of this process's own: test runs may go on side by side.
  const fs::path work = fs::temp_directory_path() / ("relief-mutated-pack-" + std::to_string(::getpid()));
  Mutator mutator(7);
  for (int i = 0; i < 300; ++i) {
    fs::remove_all(work);
    fs::copy(source, work, fs::copy_options::recursive);
    for (const auto& entry : fs::directory_iterator(work)) {
      if (entry.path().filename() == "pack.yaml" && i % 10 != 0) continue;  // mostly mutate the rules
      const std::string text = Read(entry.path());
      std::ofstream(entry.path(), std::ios::trunc) << mutator.Mutate(text);
    }
    LoadResult loaded = RulePack::Load(work.string());
    ExpectLocatedOrClean(loaded.diagnostics, "variant " + std::to_string(i));
  }
  fs::remove_all(work);
}

TEST(MutatedProfile, ReadingNeverCrashes) {
  const fs::path dir = fs::path(RELIEF_TEST_DIR) / "golden" / "profiles";
  RulePack pack = RulePack::LoadOrThrow((dir / "pack").string());
  std::vector<std::string> profiles;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".json") profiles.push_back(Read(entry.path()));
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
