// Fuzzes the decoder of the cache of read rule files (src/load/ast_codec.hpp),
// past the checksum that guards it on disk: whatever the bytes, decoding
// must neither crash nor read out of bounds, and what it accepts must be the
// canonical encoding of declarations placed within the file (re-encoding
// gives the same bytes back).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "load/ast_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The file the places point into: as long as the largest bundled rule file.
  static const relief::SourceFile file("rules.yaml", std::string(100000, '\n'));
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  relief::load::PackAst decls;
  if (relief::load::DecodeDecls(bytes, file, decls) && relief::load::EncodeDecls(decls, file) != bytes) std::abort();
  return 0;
}
