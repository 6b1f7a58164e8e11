// The vector paths of truth_bits.hpp against one lane at a time: a column's
// masks in every position of a block and for every length (the tail is
// scalar), and the bytes and masks of every lane.
#include "eval/truth_bits.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace relief::internal {
namespace {

TEST(TruthBits, ColumnsGiveTheMasksOfEachCell) {
  const std::array<Cell, 4> states = {Cell::Error(), Cell::Unknown(), Cell::Bool(false), Cell::Bool(true)};
  for (std::size_t n = 0; n <= 64; ++n) {
    // Every state at every position, in a pattern that changes with n.
    std::vector<Cell> column(n + 1, Cell::Bool(true));  // one more: not to be read
    for (std::size_t i = 0; i < n; ++i) column[i] = states[(i * 7 + n) % states.size()];
    const TruthMasks m = MasksOfColumn(column.data(), n);
    for (std::size_t i = 0; i < 64; ++i) {
      const bool in = i < n;
      ASSERT_EQ((m.is_true >> i) & 1, in && column[i].is_true()) << "n " << n << ", lane " << i;
      ASSERT_EQ((m.unknown >> i) & 1, in && column[i].unknown()) << "n " << n << ", lane " << i;
      ASSERT_EQ((m.error >> i) & 1, in && column[i].is_error()) << "n " << n << ", lane " << i;
      ASSERT_EQ((m.is_false(LanesMask(n)) >> i) & 1, in && column[i].is_false()) << "n " << n << ", lane " << i;
    }
  }
}

TEST(TruthBits, BytesAndMasksAgree) {
  // Disjoint masks with every lane in some state, changing with the lane.
  const TruthMasks m{.is_true = 0x9249249249249249, .unknown = 0x2492492492492492, .error = 0x4924924924924924};
  std::array<std::uint8_t, 64> is_true{}, state{};
  BytesOfMasks(m, is_true.data(), state.data());
  for (std::size_t i = 0; i < 64; ++i) {
    ASSERT_EQ(is_true[i], (m.is_true >> i) & 1) << "lane " << i;
    ASSERT_EQ(state[i], ((m.unknown >> i) & 1) | ((m.error >> i) & 1) << 1) << "lane " << i;
  }
  EXPECT_EQ(MaskOfBytes(is_true.data()), m.is_true);
  EXPECT_EQ(LanesMask(0), 0U);
  EXPECT_EQ(LanesMask(3), 7U);
  EXPECT_EQ(LanesMask(64), ~std::uint64_t{0});
}

}  // namespace
}  // namespace relief::internal
