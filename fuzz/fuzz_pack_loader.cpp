// Fuzzes one rule file through the whole load pipeline: YAML bounds and
// parsing, the rule-file reader, expression parsing, checking and
// compiling. The input is the text of the file. Also checks that when
// libyaml reads the text it builds yaml-cpp's tree (src/load/libyaml_events.hpp).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "../tests/support/yaml_tree_dump.hpp"
#include "check/checker.hpp"
#include "compile/lowering.hpp"
#include "core/source_file.hpp"
#include "load/libyaml_events.hpp"
#include "load/pack_loader.hpp"

namespace {

// Aborts (a crash for libFuzzer) when libyaml reads the text otherwise than
// yaml-cpp, or reads a text yaml-cpp refuses.
void CompareYamlReaders(const std::string& text) {
  const std::optional<relief::load::BoundedYaml> fast = relief::load::LoadWithLibyaml(text);
  if (!fast) return;
  std::string reference;
  try {
    reference = relief::testing::DumpYamlTree(relief::load::LoadBoundedYamlWithYamlCpp(text));
  } catch (const YAML::Exception& e) {
    std::fprintf(stderr, "libyaml read a text yaml-cpp refuses: %s\n", e.what());
    std::abort();
  }
  const std::string read = relief::testing::DumpYamlTree(*fast);
  if (read != reference) {
    std::fprintf(stderr, "libyaml's tree:\n%s\nyaml-cpp's tree:\n%s\n", read.c_str(), reference.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  relief::load::PackAst ast;
  ast.packs.push_back({"fuzz", "0.1.0", "Fuzz", "fuzz", {}, {}});
  ast.files.push_back(
      std::make_unique<relief::SourceFile>("rules.yaml", std::string(reinterpret_cast<const char*>(data), size)));
  CompareYamlReaders(ast.files.back()->text());
  relief::DiagnosticSink sink;
  relief::load::ReadRuleFile(*ast.files.back(), ast, sink);
  if (!sink.has_errors()) {
    relief::internal::CheckedPack checked = relief::internal::Check(ast, sink);
    if (!sink.has_errors()) relief::internal::Compile(std::move(checked));
  }
  for (const relief::Diagnostic& d : sink.Take()) relief::FormatDiagnostic(d);
  return 0;
}
