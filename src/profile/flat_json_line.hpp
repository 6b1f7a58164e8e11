// The common JSON line read in one pass, before simdjson: a single object
// whose keys name scalar facts and whose values are numbers, true, false,
// null or ASCII strings without escapes, each written plainly
// (FactWriter::SetPlain), as a program writes a profile (bench-12's
// generator, an export). It is a fast path only: anything else (an escape,
// a non-ASCII byte, a nested object, a list, an unknown or repeated key, a
// value SetPlain does not take, a syntax error) makes it give up, and the
// line is read again by JsonProfileReader's simdjson path, which reads it
// or says what is wrong. So what it accepts is read exactly as that path
// reads it, and every message comes from that path.
#ifndef RELIEF_PROFILE_FLAT_JSON_LINE_HPP_
#define RELIEF_PROFILE_FLAT_JSON_LINE_HPP_

#include <cstdint>
#include <string_view>
#include <vector>

#include "profile/fact_writer.hpp"
#include "profile/key_order.hpp"

namespace relief::internal {

struct FlatLineState {
  FactWriter& writer;
  KeyOrder& order;
  std::vector<std::uint32_t>& seen;  // by fact: the stamp of the line that gave it
  std::uint32_t stamp;
};

// Whether `line` (with RawKey::kReadPast readable bytes after its end) was
// read whole into the writer; false leaves the writer with part of the line
// (to be cleared) and the stamp used.
bool ReadFlatLine(std::string_view line, FlatLineState state);

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_FLAT_JSON_LINE_HPP_
