// The vector path of BitsOfColumn gives every lane the bits of BitsOf, in
// every position of a block and for every length (the tail is scalar).
#include "eval/truth_bits.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace relief::internal {
namespace {

TEST(TruthBits, EachStateGetsItsBits) {
  constexpr TruthBits kBits{1, 4, 2, 8};
  EXPECT_EQ(BitsOf(Cell::Error(), kBits), 1);
  EXPECT_EQ(BitsOf(Cell::Unknown(), kBits), 4);
  EXPECT_EQ(BitsOf(Cell::Bool(false), kBits), 2);
  EXPECT_EQ(BitsOf(Cell::Bool(true), kBits), 8);
}

TEST(TruthBits, ColumnsAgreeWithOneCellAtATime) {
  const std::array<Cell, 4> states = {Cell::Error(), Cell::Unknown(), Cell::Bool(false), Cell::Bool(true)};
  constexpr TruthBits kBits{0x81, 0x42, 0x24, 0x18};  // high bits too: the packing must keep them
  for (std::size_t n = 0; n <= 67; ++n) {
    // Every state at every position, in a pattern that changes with n.
    std::vector<Cell> column(n);
    for (std::size_t i = 0; i < n; ++i) column[i] = states[(i * 7 + n) % states.size()];
    std::vector<std::uint8_t> out(n + 1, 0xee);
    BitsOfColumn(column.data(), n, kBits, out.data());
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(out[i], BitsOf(column[i], kBits)) << "n " << n << ", lane " << i;
    EXPECT_EQ(out[n], 0xee) << "written past the column, n " << n;
  }
}

}  // namespace
}  // namespace relief::internal
