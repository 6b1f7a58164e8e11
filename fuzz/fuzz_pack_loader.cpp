// Fuzzes one rule file through the whole load pipeline: YAML bounds and
// parsing, the rule-file reader, expression parsing, checking and
// compiling. The input is the text of the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/checker.hpp"
#include "compile/lowering.hpp"
#include "core/source_file.hpp"
#include "load/pack_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  relief::load::PackAst ast;
  ast.packs.push_back({"fuzz", "0.1.0", "Fuzz", "fuzz", {}, {}});
  ast.files.push_back(
      std::make_unique<relief::SourceFile>("rules.yaml", std::string(reinterpret_cast<const char*>(data), size)));
  relief::DiagnosticSink sink;
  relief::load::ReadRuleFile(*ast.files.back(), ast, sink);
  if (!sink.has_errors()) {
    relief::internal::CheckedPack checked = relief::internal::Check(ast, sink);
    if (!sink.has_errors()) relief::internal::Compile(std::move(checked));
  }
  for (const relief::Diagnostic& d : sink.Take()) relief::FormatDiagnostic(d);
  return 0;
}
