// The loader resolves imports from the canonical directory (#7 defect 5),
// refuses an import through a symbolic link (defect 7), reports what it
// used to ignore (defect 8), reads the rule files under a broken manifest
// (defect 9), and bounds what it reads (docs/reliability.md).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "relief/rule_pack.hpp"

namespace relief {
namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(RELIEF_TEST_DIR).parent_path() / "rules";

class TempTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("relief-loader-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    fs::current_path(cwd_);
    fs::remove_all(root_);
  }
  void Write(const fs::path& relative, const std::string& text) {
    fs::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }
  std::string Diagnostics(const fs::path& dir) {
    LoadResult loaded = RulePack::Load(dir.string());
    std::string out = FormatDiagnostics(loaded.diagnostics);
    // Paths relative to the tree, so that the expected texts are fixed.
    for (std::size_t at; (at = out.find(root_.string() + "/")) != std::string::npos;) {
      out.erase(at, root_.string().size() + 1);
    }
    return out;
  }
  void Pack(const fs::path& dir, const std::string& imports = "") {
    Write(dir / "pack.yaml", "pack:\n  name: p\n  version: 0.1.0\n  title: T\n" + imports);
  }

  fs::path root_;
  fs::path cwd_ = fs::current_path();
};

TEST_F(TempTree, TrailingSlashAndDotImportTheSameSiblings) {
  for (const std::string& path : {(kRules / "occitanie").string() + "/", (kRules / "occitanie/.").string()}) {
    LoadResult loaded = RulePack::Load(path);
    EXPECT_TRUE(loaded.ok()) << path << "\n" << FormatDiagnostics(loaded.diagnostics);
  }
  fs::current_path(kRules / "occitanie");
  LoadResult loaded = RulePack::Load(".");
  EXPECT_TRUE(loaded.ok()) << FormatDiagnostics(loaded.diagnostics);
  EXPECT_EQ(loaded.diagnostics.size(), 0u);
}

TEST_F(TempTree, AnImportThroughASymbolicLinkIsRefused) {
  Pack("rules/main", "  imports: [other]\n");
  Pack("outside/other");
  Write("outside/other/facts.yaml", "facts: {}\n");
  fs::create_directory_symlink(root_ / "outside/other", root_ / "rules/other");
  EXPECT_EQ(Diagnostics(root_ / "rules/main"),
            "rules/main/pack.yaml:5:13: error: import 'other': rules/other is a symbolic link; an import names a "
            "sibling directory, links are not followed\n"
            "  imports: [other]\n"
            "            ^\n");
}

TEST_F(TempTree, ABrokenManifestDoesNotHideTheRuleFiles) {
  Write("p/pack.yaml", "name: p\nversion: 0.1.0\ntitle: T\n");
  Write("p/rules.yaml", "facts:\n  a:\n    type: integer\n    lable: x\n");
  const std::string out = Diagnostics(root_ / "p");
  EXPECT_NE(out.find("p/pack.yaml:1:1: error: pack manifest: nest its keys under 'pack:'"), std::string::npos) << out;
  EXPECT_NE(out.find("p/rules.yaml:4:5: error: fact 'a': unknown key 'lable'; did you mean 'label'?"),
            std::string::npos)
      << out;
}

TEST_F(TempTree, ManifestErrorsAreNotRepeated) {
  Write("p/pack.yaml", "pack:\n  name: p\n  versoin: 1\n  title: T\n");
  const std::string out = Diagnostics(root_ / "p");
  EXPECT_EQ(out, "p/pack.yaml:3:3: error: pack: unknown key 'versoin'; did you mean 'version'?\n  versoin: 1\n  ^\n");
}

TEST_F(TempTree, ASecondYamlDocumentIsAnError) {
  Pack("p");
  Write("p/rules.yaml", "facts: {}\n---\nfacts:\n  a: {type: integer, label: a, question: a}\n");
  EXPECT_EQ(Diagnostics(root_ / "p"),
            "p/rules.yaml:2:1: error: a second YAML document (after '---') would be ignored; a file holds one "
            "document\n---\n^\n");
}

TEST_F(TempTree, AYmlFileIsAnErrorNotSkipped) {
  Pack("p");
  Write("p/rules.yml", "facts: {}\n");
  EXPECT_EQ(Diagnostics(root_ / "p"),
            "p/rules.yml: error: rule files end in .yaml; rename this .yml file (it was not read)\n");
}

TEST_F(TempTree, EmptyVersionsIsAnError) {
  Pack("p");
  Write("p/rules.yaml",
        "measures:\n  m:\n    title: M\n    issuer: État\n    kind: grant\n    per: once\n"
        "    territory: {label: France}\n    apply: x\n    sources: [x]\n    versions: []\n");
  EXPECT_EQ(Diagnostics(root_ / "p"),
            "p/rules.yaml:10:15: error: measure 'm': 'versions' is empty; a measure needs at least one version\n"
            "    versions: []\n              ^\n");
}

TEST_F(TempTree, NamesMustBeIdentifiers) {
  Pack("p");
  Write("p/rules.yaml",
        "facts:\n  '': {type: integer, label: a, question: a}\n  and: {type: integer, label: a, question: a}\n"
        "  a b: {type: integer, label: a, question: a}\n  \xd0\xb5"
        "ffectif: {type: integer, label: a, question: a}\n");
  const std::string out = Diagnostics(root_ / "p");
  for (const char* name : {"''", "'and'", "'a b'",
                           "'\xd0\xb5"
                           "ffectif'"}) {
    EXPECT_NE(out.find(std::string("facts: ") + name + " is not a valid name"), std::string::npos) << name << "\n"
                                                                                                   << out;
  }
}

TEST_F(TempTree, InvalidUtf8IsLocated) {
  Pack("p");
  Write("p/rules.yaml", "facts:\n  a: {type: integer, label: \"caf\xe9\", question: a?}\n");
  EXPECT_EQ(Diagnostics(root_ / "p"),
            "p/rules.yaml:2:33: error: the file is not valid UTF-8 text (save it as UTF-8)\n"
            "  a: {type: integer, label: \"caf\\xe9\", question: a?}\n"
            "                                ^\n");
}

TEST_F(TempTree, YamlDepthAndAliasesAreBounded) {
  Pack("p");
  Write("p/deep.yaml", "facts: " + std::string(5000, '[') + std::string(5000, ']') + "\n");
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  Write("p/laughs.yaml", bomb);
  const std::string out = Diagnostics(root_ / "p");
  EXPECT_NE(out.find("p/deep.yaml:1:71: error: YAML too large: nested more than 64 levels deep"), std::string::npos)
      << out;
  EXPECT_NE(out.find("error: YAML too large: more than 500000 YAML nodes once aliases are expanded"), std::string::npos)
      << out;
}

TEST_F(TempTree, FileSizeAndFileCountAreBounded) {
  Pack("p");
  Write("p/big.yaml", "# " + std::string(5 << 20, 'x') + "\n");
  EXPECT_EQ(Diagnostics(root_ / "p"), "p/big.yaml: error: file too large: 5242883 bytes, at most 4194304 are read\n");
  Pack("q");
  for (int i = 0; i < 2001; ++i) Write("q/many/f" + std::to_string(i) + ".txt", "");
  EXPECT_EQ(Diagnostics(root_ / "q"),
            "q: error: too many files: more than 2000 entries in the pack directory; the rest are not read\n");
}

}  // namespace
}  // namespace relief
