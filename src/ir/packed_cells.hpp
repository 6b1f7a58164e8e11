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

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "ir/cell.hpp"

namespace relief::internal {

// The words that `n` packed cells take: a bit a cell (1: fixed), then each
// cell's `a`.
constexpr std::size_t PackedWords(std::size_t n) { return (n + 63) / 64 + n; }

// Packs the cells of `lanes` profiles at once (at most 64): lane i's cells
// are column(0)[i] … column(n - 1)[i], packed into out[i] (PackedWords(n)
// words). Column by column, so that the cells are read in order: read
// lane by lane, a block machine's registers (a column a register) cost a
// cache miss a cell, most of the time of recording a file.
template <class ColumnAt>
void PackColumns(std::size_t n, std::size_t lanes, ColumnAt column, std::span<std::uint64_t* const> out) {
  const std::size_t masks = (n + 63) / 64;
  for (std::size_t w = 0; w < masks; ++w) {
    std::array<std::uint64_t, 64> mask{};  // by lane, built in registers rather than in out
    const std::size_t end = std::min(n, 64 * (w + 1));
    for (std::size_t k = 64 * w; k < end; ++k) {
      const Cell* cells = column(k);
      for (std::size_t i = 0; i < lanes; ++i) {
        mask[i] |= std::uint64_t{cells[i].den == 0} << (k % 64);
        out[i][masks + k] = static_cast<std::uint64_t>(cells[i].a);
      }
    }
    for (std::size_t i = 0; i < lanes; ++i) out[i][w] = mask[i];
  }
}

// Packs cell(0) … cell(n - 1) into `words`, PackedWords(n) of them.
template <class CellAt>
void PackCells(std::size_t n, CellAt cell, std::span<std::uint64_t> words) {
  std::uint64_t* const out = words.data();
  PackColumns(n, 1, [&](std::size_t k) { return &cell(k); }, {&out, 1});
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
