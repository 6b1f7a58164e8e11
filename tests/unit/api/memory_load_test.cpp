// RulePack::Load from files in memory: same pack, same digest as on disk;
// errors located in the in-memory file names.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
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
