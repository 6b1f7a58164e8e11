#include "ir/packed_cells.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace relief::internal {
namespace {

std::vector<Cell> RoundTrip(const std::vector<Cell>& cells, std::size_t booleans, std::vector<std::uint64_t>& words) {
  const PackedLayout layout{.booleans = booleans, .cells = cells.size()};
  words.assign(layout.words(), ~std::uint64_t{0});  // what an earlier pack left
  PackCells(
      layout, [&](std::size_t k) -> const Cell& { return cells[k]; }, words);
  std::vector<Cell> out;
  UnpackCells(words, layout, out);
  return out;
}

// Values: fixed ones come back as they were, over more than one mask word;
// the rest (unknown, error, a rational) comes back unknown, for the
// evaluator to compute.
TEST(PackedCells, KeepsFixedValuesAndForgetsTheRest) {
  std::vector<Cell> cells;
  for (std::int64_t k = 0; k < 70; ++k) cells.push_back(Cell::Integer(k * 1'000'003 - 35'000'000));
  cells[3] = Cell::Unknown();
  cells[64] = Cell::Error();
  cells[65] = Cell{2, 3};  // 2/3
  cells[66] = Cell::Bool(false);
  std::vector<std::uint64_t> words;
  const std::vector<Cell> out = RoundTrip(cells, 0, words);
  EXPECT_EQ(words.size(), 2U + 70U);
  ASSERT_EQ(out.size(), cells.size());
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const bool fixed = k != 3 && k != 64 && k != 65;
    EXPECT_TRUE(out[k] == (fixed ? cells[k] : Cell::Unknown())) << k;
  }
}

// Booleans take two bits each; one that is not a known 0 or 1 comes back
// unknown. Values after them keep their place.
TEST(PackedCells, KeepsBooleansInTwoBits) {
  std::vector<Cell> cells;
  for (std::size_t k = 0; k < 100; ++k) cells.push_back(Cell::Bool(k % 3 == 0));
  cells[7] = Cell::Unknown();
  cells[70] = Cell::Error();
  cells[71] = Cell::Integer(2);  // not a boolean's cell: not kept
  cells.push_back(Cell::Integer(-42));
  cells.push_back(Cell::Unknown());
  std::vector<std::uint64_t> words;
  const std::vector<Cell> out = RoundTrip(cells, 100, words);
  EXPECT_EQ(words.size(), 2U * 2U + 1U + 2U);
  ASSERT_EQ(out.size(), cells.size());
  for (std::size_t k = 0; k < 100; ++k) {
    const bool kept = k != 7 && k != 70 && k != 71;
    EXPECT_TRUE(out[k] == (kept ? cells[k] : Cell::Unknown())) << k;
  }
  EXPECT_TRUE(out[100] == Cell::Integer(-42));
  EXPECT_TRUE(out[101] == Cell::Unknown());
}

TEST(PackedCells, NoCellsTakeNoWords) {
  std::vector<std::uint64_t> words;
  EXPECT_TRUE(RoundTrip({}, 0, words).empty());
  EXPECT_EQ(PackedLayout{}.words(), 0U);
}

}  // namespace
}  // namespace relief::internal
