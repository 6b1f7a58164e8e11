// Cells kept for later at 8 bytes each instead of 16: what a trace holds
// (relief/trace.hpp), one per register its explanation may read, for every
// profile of a file.
//
// A known cell of a fixed value (a boolean, an integer, a date, a month, an
// enum, a number in millionths) keeps its `a`; any other cell (unknown, an
// error, a rational such as a loss ratio) reads back as unknown, and a
// recording evaluator computes it again (Evaluator::Reuse reads only known
// cells anyway). The memory, more than the copy, is what keeping every
// profile's record costs (the kernel's first touch of each page).
#ifndef RELIEF_IR_PACKED_CELLS_HPP_
#define RELIEF_IR_PACKED_CELLS_HPP_

#include <cstdint>
#include <span>
#include <vector>

#include "ir/cell.hpp"

namespace relief::internal {

// The words that `n` packed cells take: a bit a cell (1: fixed), then each
// cell's `a`.
constexpr std::size_t PackedWords(std::size_t n) { return (n + 63) / 64 + n; }

// Packs cell(0) … cell(n - 1) into `words`, PackedWords(n) of them.
template <class CellAt>
void PackCells(std::size_t n, CellAt cell, std::span<std::uint64_t> words) {
  const std::size_t masks = (n + 63) / 64;
  for (std::size_t w = 0; w < masks; ++w) words[w] = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Cell& c = cell(k);
    words[k / 64] |= std::uint64_t{c.den == 0} << (k % 64);
    words[masks + k] = static_cast<std::uint64_t>(c.a);
  }
}

// The `n` cells packed in `words`, into `out` (resized).
inline void UnpackCells(std::span<const std::uint64_t> words, std::size_t n, std::vector<Cell>& out) {
  const std::size_t masks = (n + 63) / 64;
  out.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const bool fixed = (words[k / 64] >> (k % 64) & 1) != 0;
    out[k] = fixed ? Cell::Integer(static_cast<std::int64_t>(words[masks + k])) : Cell::Unknown();
  }
}

}  // namespace relief::internal

#endif  // RELIEF_IR_PACKED_CELLS_HPP_
