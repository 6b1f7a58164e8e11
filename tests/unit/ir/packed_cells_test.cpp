#include "ir/packed_cells.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace relief::internal {
namespace {

std::vector<Cell> RoundTrip(const std::vector<Cell>& cells, PackedCells& packed) {
  packed.Pack(cells.size(), [&](std::size_t k) -> const Cell& { return cells[k]; });
  std::vector<Cell> out;
  packed.Unpack(out);
  return out;
}

// Fixed values come back as they were, over more than one mask word; the
// rest (unknown, error, a rational) comes back unknown, for the evaluator
// to compute.
TEST(PackedCells, KeepsFixedValuesAndForgetsTheRest) {
  std::vector<Cell> cells;
  for (std::int64_t k = 0; k < 70; ++k) cells.push_back(Cell::Integer(k * 1'000'003 - 35'000'000));
  cells[3] = Cell::Unknown();
  cells[64] = Cell::Error();
  cells[65] = Cell{2, 3};  // 2/3
  cells[66] = Cell::Bool(false);
  PackedCells packed;
  const std::vector<Cell> out = RoundTrip(cells, packed);
  ASSERT_EQ(out.size(), cells.size());
  EXPECT_EQ(packed.size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const bool fixed = k != 3 && k != 64 && k != 65;
    EXPECT_TRUE(out[k] == (fixed ? cells[k] : Cell::Unknown())) << k;
  }
}

// Packed again with fewer cells, nothing of the earlier cells is left.
TEST(PackedCells, APackReplacesTheLastOne) {
  PackedCells packed;
  RoundTrip(std::vector<Cell>(10, Cell::Integer(7)), packed);
  const std::vector<Cell> out = RoundTrip({Cell::Unknown(), Cell::Integer(-1)}, packed);
  ASSERT_EQ(out.size(), 2U);
  EXPECT_TRUE(out[0] == Cell::Unknown());
  EXPECT_TRUE(out[1] == Cell::Integer(-1));
}

}  // namespace
}  // namespace relief::internal
