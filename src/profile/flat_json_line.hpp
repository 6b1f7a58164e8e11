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
#include "profile/number_text.hpp"

namespace relief::internal {

// How a fact's value is read in one pass, by fact: a number read as it is
// scanned (ScanPlainNumberAt), another scalar's text given to SetPlain, or
// no value at all (a series, a record: left to simdjson's path).
struct FlatFact {
  enum class Read : std::uint8_t { kNone, kNumber, kText };
  Read read = Read::kNone;
  NumberKind number = NumberKind::kNumber;
};
std::vector<FlatFact> FlatFacts(const Program& program);

struct FlatLineState {
  const std::vector<FlatFact>& facts;
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
