// libyaml reads rule files into the same tree as yaml-cpp, the reference
// (src/load/libyaml_events.hpp): same kinds, tags, texts and marks, on every
// YAML file of the repository and on the corners of the syntax; what it
// does not answer for, or cannot parse, is left to yaml-cpp.
#include "load/libyaml_events.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "load/bounded_yaml.hpp"
#include "support/yaml_tree_dump.hpp"

namespace relief::load {
namespace {

namespace fs = std::filesystem;

const fs::path kRepository = fs::path(RELIEF_TEST_DIR).parent_path();

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Whether libyaml took the text; fails the test when its tree differs from
// yaml-cpp's, or when it took a text yaml-cpp refuses.
bool SameAsYamlCpp(const std::string& text, const std::string& what) {
  const std::optional<BoundedYaml> fast = LoadWithLibyaml(text);
  if (!fast) return false;
  try {
    EXPECT_EQ(testing::DumpYamlTree(*fast), testing::DumpYamlTree(LoadBoundedYamlWithYamlCpp(text))) << what;
  } catch (const YAML::ParserException& e) {
    ADD_FAILURE() << what << ": libyaml read a text yaml-cpp refuses: " << e.what();
  }
  return true;
}

TEST(LibyamlEvents, EveryYamlFileOfTheRepositoryReadsAsWithYamlCpp) {
  int files = 0, fast = 0;
  for (const char* dir : {"rules", "examples", "tests", "bench", "fuzz"}) {
    if (!fs::is_directory(kRepository / dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(kRepository / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
      ++files;
      fast += SameAsYamlCpp(ReadAll(entry.path()), entry.path().string());
    }
  }
  EXPECT_GT(files, 100);
  EXPECT_GT(fast, files / 2);
}

// The speed of a first load depends on it: no bundled rule file falls back.
TEST(LibyamlEvents, EveryBundledRuleFileIsReadByLibyaml) {
  for (const auto& entry : fs::recursive_directory_iterator(kRepository / "rules")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml") {
      EXPECT_TRUE(LoadWithLibyaml(ReadAll(entry.path())).has_value()) << entry.path();
    }
  }
}

TEST(LibyamlEvents, CornersOfTheSyntaxReadAsWithYamlCpp) {
  const std::vector<std::string> texts = {
      "a: 1\nb: deux mots\n",
      "été: « crédit d'impôt »\nclé: \"\\u00e9t\\u00e9 \\\"x\\\"\"\nc: 'l''été'\n",
      "plain: une ligne\n  qui continue\n\n  après un blanc\nnext: x\n",
      "folded: >\n  un\n  deux\n\n  trois\nliteral: |\n  a\n   b\nstrip: |-\n  x\nkeep: |+\n  y\n\nz: 1\n",
      "seq:\n- a\n- b: 1\n  c: 2\n-   - nested\n    - again\nafter: [x, 'y', {k: v}]\n",
      "flow: {a: 1, b: [2, 3], c: \"q\"}\nlist: [ a , b ]\n",
      "base: &b\n  x: 1\n  y: deux\nuse: *b\nagain: &b [1]\nlast: *b\n",
      "n1: ~\nn2: null\nn3: Null\nn4: NULL\nnot: nul\n'quoted null': 'null'\n",
      "# a comment\nkey: value # trailing\nhash: a#b\nurl: http://x.fr/a:b\n",
      "deep:\n  deeper:\n    deepest:\n      - é\n      - \"à\"\n",
      "dates: 2020-07-01\nnum: 1 234,56\npct: 50 %\n",
      "s: &s scalar\nt: *s\n",
      "- a\n- b\n",
      "\"key with: colon\": 1\n? explicit\n: value\n",
      "text: \"ligne\\nsuivante\\ttab\"\n",
      "dq: \"un\n  deux \\\n  trois\"\nsq: 'un\n\n  deux'\n",
      "ind: |2\n    indenté\n  moins\nend: |+\n  garde\n\n\n",
      "a: 1\n\n# entre\n\nb:   2   \nc: \"x # pas un commentaire\"\n",
      "base: &base {a: 1}\nderived:\n  <<: *base\n  b: 2\n",
      "key  : spaced\n",
      "",
      "# only a comment\n",
  };
  for (const std::string& text : texts) EXPECT_TRUE(SameAsYamlCpp(text, text)) << "left to yaml-cpp: " << text;
}

TEST(LibyamlEvents, LeavesToYamlCppWhatItDoesNotAnswerFor) {
  for (const char* text : {
           "---\na: 1\n",             // explicit document
           "a: 1\n---\nb: 2\n",       // a second document
           "a: 1\n...\n",             // explicit end
           "%YAML 1.2\n---\na: 1\n",  // directive
           "a: !tag x\n",             // tag
           "a:\nb: 1\n",              // empty value
           "a: *unknown\n",           // alias to no anchor
           "a: 1\r\nb: 2\r\n",        // carriage returns
           "\xEF\xBB\xBF"
           "a: 1\n",  // byte order mark
           "a: un\xE2\x80\xA8"
           "deux\n",  // LINE SEPARATOR, a line break for libyaml only
           "a: un\xC2\x85"
           "deux\n",         // NEL, likewise
           "a: [b: 1]\n",    // map inside a flow sequence
           "a: {b: c ?}\n",  // '?' in a flow collection, which yaml-cpp refuses
           "a: {?b: 1}\n",   // '?' right before a node of a flow collection: an explicit key
           "a: [x, ?y]\n",   // for libyaml, refused by yaml-cpp (found by fuzzing)
           "a: {?\"b\": 1}\n",
           "a: [?[b]]\n",
           "a: {c: 1, ?{b: 2}: 3}\n",
           "a: 'unclosed\n",  // syntax errors
           "a: b: c\n",
           "key: x\n- not: here\n",
           "a:\n  - x\n  y: 1\n",
       }) {
    EXPECT_FALSE(LoadWithLibyaml(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace relief::load
