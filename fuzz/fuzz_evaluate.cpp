// Fuzzes the evaluation of the bundled pack with fuzzed profiles: every
// profile that reads without error is evaluated at two dates, and both
// reports are written. An internal error would abort.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"
#include "relief/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  relief::ProfileResult profile = BundledPack().ReadProfile(text, "profile.yaml");
  if (!profile.ok()) return 0;
  for (const char* day : {"2020-11-30", "2021-03-31"}) {
    relief::Evaluation e = BundledPack().Evaluate(*profile.profile, *relief::Date::Parse(day));
    relief::ToText(e);
    relief::ToJson(e);
  }
  return 0;
}
