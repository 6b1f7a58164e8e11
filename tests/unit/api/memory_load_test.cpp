// RulePack::Load from files in memory: same pack, same digest as on disk;
// errors located in the in-memory file names.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "relief/rule_pack.hpp"
#include "unit/api/memory_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

// Every file of the rules directory, keyed as RulePack::Load(PackFiles) wants.
PackFiles ReadTree(const fs::path& root) {
  PackFiles files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    files[fs::relative(entry.path(), root).generic_string()] = text.str();
  }
  return files;
}

TEST(MemoryLoad, BundledPackFromMemoryEqualsFromDisk) {
  const fs::path rules = fs::path(RELIEF_TEST_DIR).parent_path() / "rules";
  LoadResult disk = RulePack::Load((rules / "occitanie").string());
  LoadResult memory = RulePack::Load(ReadTree(rules), "occitanie");
  ASSERT_TRUE(disk.ok()) << FormatDiagnostics(disk.diagnostics);
  ASSERT_TRUE(memory.ok()) << FormatDiagnostics(memory.diagnostics);
  EXPECT_EQ(memory.value().info().digest, disk.value().info().digest);
  EXPECT_EQ(memory.value().MeasureIds(), disk.value().MeasureIds());
  EXPECT_EQ(memory.value().Facts().size(), disk.value().Facts().size());
}

TEST(MemoryLoad, ImportsSiblingsAndSkipsTests) {
  LoadResult loaded = RulePack::Load(testing::MemoryPackFiles(), "essai/");
  ASSERT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.value().info().name, "essai");
  EXPECT_EQ(loaded.value().info().version, "2.1.0");
  bool has_effectif = false;  // from the imported pack
  for (const FactDescription& f : loaded.value().Facts()) has_effectif = has_effectif || f.name == "effectif";
  EXPECT_TRUE(has_effectif);
}

TEST(MemoryLoad, ErrorsNameTheFileInMemory) {
  PackFiles files = testing::MemoryPackFiles();
  files["essai/regles/faux.yaml"] = "facts:\n  x:\n    type: monney\n";
  LoadResult loaded = RulePack::Load(files, "essai");
  ASSERT_FALSE(loaded.ok());
  const std::string text = FormatDiagnostics(loaded.diagnostics);
  EXPECT_NE(text.find("essai/regles/faux.yaml:3:"), std::string::npos) << text;
}

// The files of a pack are parsed in parallel (load::ReadRuleFiles) but read
// in order: the diagnostics of several broken files come file by file, in
// the order of their paths, whatever thread parsed which.
TEST(MemoryLoad, ErrorsOfSeveralFilesComeInFileOrder) {
  PackFiles files = testing::MemoryPackFiles();
  for (char c = 'a'; c <= 'h'; ++c) {
    files[std::string("essai/regles/z") + c + ".yaml"] =
        c % 2 == 0 ? "facts: [oops\n" : "facts:\n  x_" + std::string(1, c) + ":\n    type: monney\n";
  }
  for (int run = 0; run < 20; ++run) {
    LoadResult loaded = RulePack::Load(files, "essai");
    ASSERT_FALSE(loaded.ok());
    std::vector<std::string> order;
    for (const Diagnostic& d : loaded.diagnostics) {
      if (d.location.file.find("/z") != std::string::npos) order.push_back(d.location.file);
    }
    ASSERT_EQ(std::set<std::string>(order.begin(), order.end()).size(), 8u) << FormatDiagnostics(loaded.diagnostics);
    EXPECT_TRUE(std::is_sorted(order.begin(), order.end())) << FormatDiagnostics(loaded.diagnostics);
  }
}

TEST(MemoryLoad, MissingPackOrManifest) {
  LoadResult none = RulePack::Load(testing::MemoryPackFiles(), "absent");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(FormatDiagnostics(none.diagnostics).find("absent: error: not a rule pack directory"), std::string::npos);
  PackFiles files = testing::MemoryPackFiles();
  files.erase("base/pack.yaml");
  LoadResult broken = RulePack::Load(files, "essai");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(FormatDiagnostics(broken.diagnostics).find("import: base: no pack manifest"), std::string::npos)
      << FormatDiagnostics(broken.diagnostics);
}

}  // namespace
}  // namespace relief
