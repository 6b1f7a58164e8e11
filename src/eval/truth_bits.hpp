// The four states of a boolean cell (error, unknown, false, true) for a
// block of lanes as masks, a bit a lane: what Decide's folds over a block
// (decision.cpp) and the block machine's `and` / `or` / `not`
// (lane_machine.cpp) read. The boolean steps that run on every lane keep
// their masks; any other column of conditions is read into masks here.
//
// A column is read four lanes at a time with SSE2 (every x86-64 has it):
// the vector path reads the low 32 bits of `a` and `den`, which is exact
// for a boolean cell: `a` is 0 or 1, `den` 0 (known), -1 (unknown) or -2
// (error).
#ifndef RELIEF_EVAL_TRUTH_BITS_HPP_
#define RELIEF_EVAL_TRUTH_BITS_HPP_

#include <array>
#include <cstdint>
#include <cstring>

#include "ir/cell.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace relief::internal {

// A column of booleans as three words, bit i for lane i (a block has at
// most 64 lanes): where it is true, unknown, an error; the block's other
// lanes are false. Folding a condition for a block is then three word
// operations instead of a pass over its lanes.
struct TruthMasks {
  std::uint64_t is_true = 0;
  std::uint64_t unknown = 0;
  std::uint64_t error = 0;
  constexpr std::uint64_t is_false(std::uint64_t lanes) const { return lanes & ~(is_true | unknown | error); }
};

// The mask of the first n lanes (n <= 64).
constexpr std::uint64_t LanesMask(std::size_t n) { return n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1; }

// The masks of column[0, n) (n <= 64), four lanes at a time.
inline TruthMasks MasksOfColumn(const Cell* column, std::size_t n) {
  TruthMasks m;
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128(), minus_one = _mm_set1_epi32(-1), minus_two = _mm_set1_epi32(-2);
  auto cell = [column](std::size_t k) {
    return _mm_castsi128_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(column + k)));
  };
  auto bits = [](__m128i lanes) { return static_cast<std::uint64_t>(_mm_movemask_ps(_mm_castsi128_ps(lanes))); };
  for (; i + 4 <= n; i += 4) {
    // Dwords 0 and 2 of each cell are the low halves of a and den.
    const __m128 first = _mm_shuffle_ps(cell(i), cell(i + 1), _MM_SHUFFLE(2, 0, 2, 0));       // a0 den0 a1 den1
    const __m128 second = _mm_shuffle_ps(cell(i + 2), cell(i + 3), _MM_SHUFFLE(2, 0, 2, 0));  // a2 den2 a3 den3
    const __m128i a = _mm_castps_si128(_mm_shuffle_ps(first, second, _MM_SHUFFLE(2, 0, 2, 0)));
    const __m128i den = _mm_castps_si128(_mm_shuffle_ps(first, second, _MM_SHUFFLE(3, 1, 3, 1)));
    m.is_true |= bits(_mm_andnot_si128(_mm_cmpeq_epi32(a, zero), _mm_cmpeq_epi32(den, zero))) << i;
    m.unknown |= bits(_mm_cmpeq_epi32(den, minus_one)) << i;
    m.error |= bits(_mm_cmpeq_epi32(den, minus_two)) << i;
  }
#endif
  for (; i < n; ++i) {
    m.is_true |= std::uint64_t{column[i].is_true()} << i;
    m.unknown |= std::uint64_t{column[i].unknown()} << i;
    m.error |= std::uint64_t{column[i].is_error()} << i;
  }
  return m;
}

// The eight bytes (0 or 1) of the eight bits of a byte, lowest first.
inline constexpr auto kBytesOfBits = [] {
  std::array<std::uint64_t, 256> table{};
  for (std::size_t bits = 0; bits < 256; ++bits) {
    for (std::size_t j = 0; j < 8; ++j) table[bits] |= std::uint64_t{(bits >> j) & 1} << (8 * j);
  }
  return table;
}();

// A lane's truth as bytes: is_true[i] (0 or 1), and state[i] the Cell::State
// of lane i (0 known, 1 unknown, 2 error), for the 64 lanes of a block.
inline void BytesOfMasks(const TruthMasks& m, std::uint8_t* is_true, std::uint8_t* state) {
  for (std::size_t k = 0; k < 64; k += 8) {
    const std::uint64_t t = kBytesOfBits[(m.is_true >> k) & 0xff];
    const std::uint64_t s = kBytesOfBits[(m.unknown >> k) & 0xff] | kBytesOfBits[(m.error >> k) & 0xff] << 1;
    std::memcpy(is_true + k, &t, sizeof t);
    std::memcpy(state + k, &s, sizeof s);
  }
}

// The mask of 64 bytes, each 0 or 1: bit i is bytes[i].
inline std::uint64_t MaskOfBytes(const std::uint8_t* bytes) {
  std::uint64_t mask = 0;
#if defined(__SSE2__)
  for (std::size_t k = 0; k < 64; k += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + k));
    // Bit 0 of each byte to its bit 7, which movemask gathers.
    mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, 7)))) << k;
  }
#else
  for (std::size_t i = 0; i < 64; ++i) mask |= std::uint64_t{bytes[i]} << i;
#endif
  return mask;
}

}  // namespace relief::internal

#endif  // RELIEF_EVAL_TRUTH_BITS_HPP_
