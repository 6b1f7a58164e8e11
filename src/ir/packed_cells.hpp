// Cells kept for later in a few bits or 8 bytes each instead of 16: what a
// trace holds (relief/trace.hpp), for the registers its explanation may
// read, for every profile of a file.
//
// A boolean keeps two bits (known, true); a known cell of another fixed
// value (an integer, a date, a month, an enum, a number in millionths)
// keeps a bit and its `a`; any other cell (unknown, an error, a rational
// such as a loss ratio) reads back as unknown, and a recording evaluator
// computes it again (Evaluator::Reuse reads only known cells anyway). The
// memory, more than the copy, is what keeping every profile's record costs
// (the kernel's first touch of each page).
#ifndef RELIEF_IR_PACKED_CELLS_HPP_
#define RELIEF_IR_PACKED_CELLS_HPP_

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "ir/cell.hpp"

namespace relief::internal {

// How a profile's cells are packed: the first `booleans` cells are
// booleans, the others values. In words: the booleans' known bits, their
// true bits, the values' fixed bits, then each value's `a`.
struct PackedLayout {
  std::size_t booleans = 0;
  std::size_t cells = 0;

  static constexpr std::size_t Masks(std::size_t bits) { return (bits + 63) / 64; }
  std::size_t values() const { return cells - booleans; }
  std::size_t words() const { return 2 * Masks(booleans) + Masks(values()) + values(); }
};

namespace packed_cells {

// Masks of up to 64 lanes, built in registers rather than in the output
// (or-ing each bit into memory made a chain of loads and stores).
using LaneMasks = std::array<std::uint64_t, 64>;

template <class ColumnAt>
void PackBooleans(PackedLayout layout, std::size_t lanes, ColumnAt column, std::span<std::uint64_t* const> out) {
  const std::size_t masks = PackedLayout::Masks(layout.booleans);
  for (std::size_t w = 0; w < masks; ++w) {
    LaneMasks known{}, truth{};
    for (std::size_t k = 64 * w; k < std::min(layout.booleans, 64 * (w + 1)); ++k) {
      const Cell* cells = column(k);
      for (std::size_t i = 0; i < lanes; ++i) {
        const bool bit = cells[i].den == 0 && (cells[i].a & ~std::int64_t{1}) == 0;  // a known 0 or 1
        known[i] |= std::uint64_t{bit} << (k % 64);
        truth[i] |= std::uint64_t{bit && cells[i].a == 1} << (k % 64);
      }
    }
    for (std::size_t i = 0; i < lanes; ++i) {
      out[i][w] = known[i];
      out[i][masks + w] = truth[i];
    }
  }
}

template <class ColumnAt>
void PackValues(PackedLayout layout, std::size_t lanes, ColumnAt column, std::span<std::uint64_t* const> out) {
  const std::size_t first = 2 * PackedLayout::Masks(layout.booleans), masks = PackedLayout::Masks(layout.values());
  for (std::size_t w = 0; w < masks; ++w) {
    LaneMasks fixed{};
    for (std::size_t j = 64 * w; j < std::min(layout.values(), 64 * (w + 1)); ++j) {
      const Cell* cells = column(layout.booleans + j);
      for (std::size_t i = 0; i < lanes; ++i) {
        fixed[i] |= std::uint64_t{cells[i].den == 0} << (j % 64);
        out[i][first + masks + j] = static_cast<std::uint64_t>(cells[i].a);
      }
    }
    for (std::size_t i = 0; i < lanes; ++i) out[i][first + w] = fixed[i];
  }
}

}  // namespace packed_cells

// Packs the cells of `lanes` profiles at once (at most 64): lane i's cells
// are column(0)[i] … column(layout.cells - 1)[i], packed into out[i]
// (layout.words() words). Column by column, so that the cells are read in
// order: read lane by lane, a block machine's registers (a column a
// register) cost a cache miss a cell.
template <class ColumnAt>
void PackColumns(PackedLayout layout, std::size_t lanes, ColumnAt column, std::span<std::uint64_t* const> out) {
  packed_cells::PackBooleans(layout, lanes, column, out);
  packed_cells::PackValues(layout, lanes, column, out);
}

// Packs cell(0) … cell(layout.cells - 1) into `words`.
template <class CellAt>
void PackCells(PackedLayout layout, CellAt cell, std::span<std::uint64_t> words) {
  std::uint64_t* const out = words.data();
  PackColumns(layout, 1, [&](std::size_t k) { return &cell(k); }, {&out, 1});
}

// The cells packed in `words`, into `out` (resized).
inline void UnpackCells(std::span<const std::uint64_t> words, PackedLayout layout, std::vector<Cell>& out) {
  auto bit = [&](std::size_t word, std::size_t k) { return (words[word + k / 64] >> (k % 64) & 1) != 0; };
  out.assign(layout.cells, Cell::Unknown());
  const std::size_t masks = PackedLayout::Masks(layout.booleans);
  for (std::size_t k = 0; k < layout.booleans; ++k) {
    if (bit(0, k)) out[k] = Cell::Bool(bit(masks, k));
  }
  const std::size_t first = 2 * masks, value_masks = PackedLayout::Masks(layout.values());
  for (std::size_t j = 0; j < layout.values(); ++j) {
    if (bit(first, j))
      out[layout.booleans + j] = Cell::Integer(static_cast<std::int64_t>(words[first + value_masks + j]));
  }
}

}  // namespace relief::internal

#endif  // RELIEF_IR_PACKED_CELLS_HPP_
