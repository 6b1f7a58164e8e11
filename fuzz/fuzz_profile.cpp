// Fuzzes the profile reader (YAML, and JSON, which it reads as YAML) against
// the bundled pack. The first byte chooses the file name the reader sees.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char* name = data[0] % 2 ? "profile.json" : "profile.yaml";
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  relief::ProfileResult profile = BundledPack().ReadProfile(text, name);
  relief::FormatDiagnostics(profile.diagnostics);
  return 0;
}
