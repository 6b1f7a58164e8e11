// Fuzzes the JSON-lines profile reader (simdjson) against the bundled pack:
// a buffer of lines, each read as a profile or refused with located errors.
// Each line is also read with simdjson's path alone: the one-pass reader of
// flat lines (profile/flat_json_line.hpp) must read what it accepts exactly
// as that path does, and leave it everything else (same messages).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "api/access.hpp"
#include "fuzz_common.hpp"
#include "profile/json_profile_reader.hpp"
#include "relief/diagnostic.hpp"
#include "relief/json_lines.hpp"

namespace {

void Check(bool same) {
  if (!same) std::abort();
}

// The line read by both paths, from a padded copy (the flat reader reads
// past the line's end).
void CompareFlatPath(std::string_view line) {
  using relief::internal::JsonProfileReader;
  static JsonProfileReader flat(relief::internal::Access::shared_program(BundledPack()));
  static JsonProfileReader simdjson = [] {
    JsonProfileReader r(relief::internal::Access::shared_program(BundledPack()));
    r.set_flat_path(false);
    return r;
  }();
  relief::DiagnosticSink flat_sink, simdjson_sink;
  auto read = flat.Read(line, line.size(), 1, "firms.jsonl", flat_sink);
  auto expected = simdjson.Read(line, line.size(), 1, "firms.jsonl", simdjson_sink);
  Check((read == nullptr) == (expected == nullptr));
  Check(relief::FormatDiagnostics(flat_sink.Take()) == relief::FormatDiagnostics(simdjson_sink.Take()));
  if (read) Check(read->scalars == expected->scalars && read->cells == expected->cells);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static relief::JsonLinesReader reader(BundledPack());
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::JsonLinesResult result = reader.Read(text, "firms.jsonl");
  relief::FormatDiagnostics(result.diagnostics);
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    CompareFlatPath(text.substr(start, end - start));
    start = end + 1;
  }
  return 0;
}
