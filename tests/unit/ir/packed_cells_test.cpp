#include "ir/packed_cells.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace relief::internal {
namespace {

std::vector<Cell> RoundTrip(const std::vector<Cell>& cells, std::vector<std::uint64_t>& words) {
  words.assign(PackedWords(cells.size()), ~std::uint64_t{0});  // what an earlier pack left
  PackCells(
      cells.size(), [&](std::size_t k) -> const Cell& { return cells[k]; }, words);
  std::vector<Cell> out;
  UnpackCells(words, cells.size(), out);
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
  std::vector<std::uint64_t> words;
  const std::vector<Cell> out = RoundTrip(cells, words);
  EXPECT_EQ(words.size(), 2U + 70U);
  ASSERT_EQ(out.size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const bool fixed = k != 3 && k != 64 && k != 65;
    EXPECT_TRUE(out[k] == (fixed ? cells[k] : Cell::Unknown())) << k;
  }
}

TEST(PackedCells, NoCellsTakeNoWords) {
  std::vector<std::uint64_t> words;
  EXPECT_TRUE(RoundTrip({}, words).empty());
  EXPECT_EQ(PackedWords(0), 0U);
}

}  // namespace
}  // namespace relief::internal
