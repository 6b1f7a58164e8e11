// The four states of a boolean cell (error, unknown, false, true) as bits
// chosen by the reader: what Decide's folds over a block (decision.cpp) and
// the block machine's `and` / `or` (lane_machine.cpp) read from a column of
// conditions.
//
// A column is read four lanes at a time with SSE2 (every x86-64 has it):
// in a block, conditions vary from lane to lane, so the work is arithmetic
// rather than branches, and doing it on four lanes at once halves it. The
// vector path reads the low 32 bits of `a` and `den`, which is exact for a
// boolean cell: `a` is 0 or 1, `den` 0 (known), -1 (unknown) or -2 (error).
#ifndef RELIEF_EVAL_TRUTH_BITS_HPP_
#define RELIEF_EVAL_TRUTH_BITS_HPP_

#include <cstdint>
#include <cstring>

#include "ir/cell.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace relief::internal {

// The bits to give a cell in each state.
struct TruthBits {
  std::uint8_t error = 0;
  std::uint8_t unknown = 0;
  std::uint8_t if_false = 0;
  std::uint8_t if_true = 0;
};

// The bits of one boolean cell, without a branch: (den + 2) * 2 + (a != 0)
// numbers its four states 0, 2, 4 and 5, which pick a byte of a word
// holding the answers.
constexpr std::uint8_t BitsOf(const Cell& c, TruthBits b) {
  const std::uint64_t answers = std::uint64_t{b.error} | std::uint64_t{b.unknown} << 16 |
                                std::uint64_t{b.if_false} << 32 | std::uint64_t{b.if_true} << 40;
  const auto index = static_cast<unsigned>(((c.den + 2) << 1) | static_cast<std::int64_t>(c.a != 0));
  return static_cast<std::uint8_t>(answers >> ((index & 7) * 8));
}

// out[i] = BitsOf(column[i], b) for every i < n.
inline void BitsOfColumn(const Cell* column, std::size_t n, TruthBits b, std::uint8_t* out) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i error = _mm_set1_epi32(b.error), unknown = _mm_set1_epi32(b.unknown);
  const __m128i if_false = _mm_set1_epi32(b.if_false), if_true = _mm_set1_epi32(b.if_true);
  const __m128i zero = _mm_setzero_si128(), minus_one = _mm_set1_epi32(-1), minus_two = _mm_set1_epi32(-2);
  auto cell = [column](std::size_t k) {
    return _mm_castsi128_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(column + k)));
  };
  for (; i + 4 <= n; i += 4) {
    // Dwords 0 and 2 of each cell are the low halves of a and den.
    const __m128 first = _mm_shuffle_ps(cell(i), cell(i + 1), _MM_SHUFFLE(2, 0, 2, 0));       // a0 den0 a1 den1
    const __m128 second = _mm_shuffle_ps(cell(i + 2), cell(i + 3), _MM_SHUFFLE(2, 0, 2, 0));  // a2 den2 a3 den3
    const __m128i a = _mm_castps_si128(_mm_shuffle_ps(first, second, _MM_SHUFFLE(2, 0, 2, 0)));
    const __m128i den = _mm_castps_si128(_mm_shuffle_ps(first, second, _MM_SHUFFLE(3, 1, 3, 1)));
    const __m128i known = _mm_cmpeq_epi32(den, zero), a_zero = _mm_cmpeq_epi32(a, zero);
    __m128i bits = _mm_or_si128(_mm_and_si128(_mm_cmpeq_epi32(den, minus_two), error),
                                _mm_and_si128(_mm_cmpeq_epi32(den, minus_one), unknown));
    bits = _mm_or_si128(bits, _mm_and_si128(_mm_and_si128(known, a_zero), if_false));
    bits = _mm_or_si128(bits, _mm_and_si128(_mm_andnot_si128(a_zero, known), if_true));
    bits = _mm_packs_epi32(bits, bits);   // each below 256: the packs keep it
    bits = _mm_packus_epi16(bits, bits);  // four bytes
    const auto four = static_cast<std::uint32_t>(_mm_cvtsi128_si32(bits));
    std::memcpy(out + i, &four, sizeof four);
  }
#endif
  for (; i < n; ++i) out[i] = BitsOf(column[i], b);
}

}  // namespace relief::internal

#endif  // RELIEF_EVAL_TRUTH_BITS_HPP_
