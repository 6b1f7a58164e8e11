// Fuzzes the expression parser and its dump.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "expr/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  relief::expr::ParseResult result = relief::expr::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (result.tree) relief::expr::Dump(*result.tree);
  if (result.error && result.error->offset > size) __builtin_trap();  // an error points into the text
  return 0;
}
