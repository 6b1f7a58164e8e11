// Cells kept for later at 8 bytes each instead of 16: what a trace holds
// (relief/trace.hpp), one per register its explanation may read, for every
// profile of a file.
//
// A known cell of a fixed value (a boolean, an integer, a date, a month, an
// enum, a number in millionths) keeps its `a`; any other cell (unknown, an
// error, a rational such as a loss ratio) reads back as unknown, and a
// recording evaluator computes it again (Evaluator::Reuse reads only known
// cells anyway): so the record of a file takes half the memory, and the
// memory, more than the copy, is what keeping every profile's record costs.
#ifndef RELIEF_IR_PACKED_CELLS_HPP_
#define RELIEF_IR_PACKED_CELLS_HPP_

#include <cstdint>
#include <vector>

#include "ir/cell.hpp"

namespace relief::internal {

class PackedCells {
 public:
  // Packs cell(0) … cell(n - 1); reuses the memory of an earlier Pack.
  template <class CellAt>
  void Pack(std::size_t n, CellAt cell) {
    const std::size_t masks = (n + 63) / 64;
    words_.assign(masks + n, 0);
    size_ = n;
    for (std::size_t k = 0; k < n; ++k) {
      const Cell& c = cell(k);
      words_[k / 64] |= std::uint64_t{c.den == 0} << (k % 64);
      words_[masks + k] = static_cast<std::uint64_t>(c.a);
    }
  }

  // The cells packed, into `out` (resized).
  void Unpack(std::vector<Cell>& out) const {
    const std::size_t masks = (size_ + 63) / 64;
    out.resize(size_);
    for (std::size_t k = 0; k < size_; ++k) {
      const bool fixed = (words_[k / 64] >> (k % 64) & 1) != 0;
      out[k] = fixed ? Cell::Integer(static_cast<std::int64_t>(words_[masks + k])) : Cell::Unknown();
    }
  }

  std::size_t size() const { return size_; }

 private:
  std::vector<std::uint64_t> words_;  // a bit a cell (1: fixed), then each cell's `a`
  std::size_t size_ = 0;
};

}  // namespace relief::internal

#endif  // RELIEF_IR_PACKED_CELLS_HPP_
