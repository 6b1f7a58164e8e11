// Fuzzes the JSON-lines profile reader (simdjson) against the bundled pack:
// a buffer of lines, each read as a profile or refused with located errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "relief/diagnostic.hpp"
#include "relief/json_lines.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static relief::JsonLinesReader reader(BundledPack());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::JsonLinesResult result = reader.Read(text, "firms.jsonl");
  relief::FormatDiagnostics(result.diagnostics);
  return 0;
}
