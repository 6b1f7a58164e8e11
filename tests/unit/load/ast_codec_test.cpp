// The encoding of a rule file's declarations (src/load/ast_codec.hpp): every
// file of the bundled rules decodes to what was encoded, with its places in
// the file it is decoded against; no damaged encoding is accepted unless it
// is itself a canonical encoding of declarations within the file.
#include "load/ast_codec.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/pack_loader.hpp"

namespace relief::load {
namespace {

namespace fs = std::filesystem;

const fs::path kRules = fs::path(RELIEF_TEST_DIR).parent_path() / "rules";

std::vector<fs::path> RuleFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kRules)) {
    const std::string path = entry.path().generic_string();
    if (entry.path().extension() == ".yaml" && entry.path().filename() != "pack.yaml" &&
        path.find("/tests/") == std::string::npos)
      files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  return files;
}

SourceFile Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return SourceFile(path.string(), text.str());
}

// The declarations of one file, read without any diagnostic.
PackAst Declarations(const SourceFile& file) {
  PackAst ast;
  DiagnosticSink sink;
  ReadRuleFile(file, ast, sink);
  EXPECT_EQ(sink.size(), 0u) << file.path();
  return ast;
}

TEST(AstCodec, EveryBundledFileDecodesToWhatWasEncoded) {
  const std::vector<fs::path> files = RuleFiles();
  ASSERT_GT(files.size(), 20u);
  for (const fs::path& path : files) {
    const SourceFile file = Read(path);
    const PackAst ast = Declarations(file);
    const std::string bytes = EncodeDecls(ast, file);
    ASSERT_FALSE(bytes.empty()) << path;
    const SourceFile again(file.path(), file.text());  // a later load reads the file again
    PackAst decoded;
    ASSERT_TRUE(DecodeDecls(bytes, again, decoded)) << path;
    EXPECT_EQ(EncodeDecls(decoded, again), bytes) << path;
    EXPECT_EQ(decoded.facts.size(), ast.facts.size());
    EXPECT_EQ(decoded.measures.size(), ast.measures.size());
    for (std::size_t i = 0; i < ast.measures.size(); ++i) {
      EXPECT_EQ(decoded.measures[i].ref.file, &again);
      EXPECT_EQ(decoded.measures[i].ref.offset, ast.measures[i].ref.offset);
      EXPECT_EQ(decoded.measures[i].title.value, ast.measures[i].title.value);
    }
  }
}

// A place outside the file cannot be encoded, nor decoded.
TEST(AstCodec, PlacesStayInTheirFile) {
  const SourceFile file = Read(kRules / "national/fonds_solidarite/volet1.yaml");
  const PackAst ast = Declarations(file);
  const std::string bytes = EncodeDecls(ast, file);
  const SourceFile other("other.yaml", file.text());
  EXPECT_EQ(EncodeDecls(ast, other), "");
  const SourceFile shorter(file.path(), file.text().substr(0, file.text().size() / 2));
  PackAst decoded;
  EXPECT_FALSE(DecodeDecls(bytes, shorter, decoded));
  EXPECT_TRUE(decoded.measures.empty() && decoded.facts.empty());
}

// Every prefix, the whole with a byte more, and every byte flipped (two ways):
// each is refused, or is the canonical encoding of declarations within the
// file (re-encoding gives it back). Under the sanitizers, this is also a
// check that no byte sequence reads out of bounds.
TEST(AstCodec, DamagedEncodingsAreRefusedOrCanonical) {
  const SourceFile file = Read(kRules / "national/pack.yaml");
  const SourceFile rules = Read(kRules / "national/france_relance/tremplin_transition_ecologique.yaml");
  const std::string bytes = EncodeDecls(Declarations(rules), rules);
  ASSERT_GT(bytes.size(), 1000u);
  std::size_t accepted = 0;
  auto check = [&](const std::string& damaged, const SourceFile& against) {
    PackAst decoded;
    if (!DecodeDecls(damaged, against, decoded)) return;
    ++accepted;
    EXPECT_EQ(EncodeDecls(decoded, against), damaged);
  };
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    PackAst decoded;
    EXPECT_FALSE(DecodeDecls(bytes.substr(0, n), rules, decoded)) << n;
  }
  PackAst longer;
  EXPECT_FALSE(DecodeDecls(bytes + '\0', rules, longer));
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    for (char mask : {'\x01', '\x80'}) {
      std::string damaged = bytes;
      damaged[i] = static_cast<char>(damaged[i] ^ mask);
      check(damaged, rules);
      check(damaged, file);
    }
  }
  EXPECT_GT(accepted, 0u);  // flipped text bytes, for one, are still valid declarations
}

}  // namespace
}  // namespace relief::load
