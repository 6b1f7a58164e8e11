#include "core/suggest.hpp"

#include <algorithm>
#include <array>

namespace relief {
namespace {

// Names and keys are short; a longer word is not a typo of one, and
// comparing it would cost time for nothing.
constexpr std::size_t kMaxSuggestLength = 64;

// Optimal string alignment distance: insertions, deletions, substitutions
// and swaps of two neighbouring letters ("lable" → "label") cost one each.
// Both words are at most kMaxSuggestLength bytes, so the three rows live on
// the stack. Returns `limit` as soon as the distance cannot be below it.
std::size_t EditDistance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap >= limit) return limit;
  using Row = std::array<std::size_t, kMaxSuggestLength + 1>;
  Row rows[3];
  Row* before = &rows[0];
  Row* previous = &rows[1];
  Row* current = &rows[2];
  for (std::size_t j = 0; j <= b.size(); ++j) (*previous)[j] = j;
  std::size_t previous_min = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    Row& cur = *current;
    const Row& prev = *previous;
    cur[0] = i;
    std::size_t row_min = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], (*before)[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    // Every later cell is at least the minimum of this row or, through a
    // swap, of the one before.
    if (row_min >= limit && previous_min >= limit) return limit;
    previous_min = row_min;
    std::swap(before, previous);  // rotate: before ← previous ← current
    std::swap(previous, current);
  }
  return std::min((*previous)[b.size()], limit);
}

}  // namespace

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty() || word.size() > kMaxSuggestLength) return {};
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    if (c.size() > kMaxSuggestLength) continue;
    std::size_t d = EditDistance(word, c, best_distance);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best = ClosestMatch(word, candidates);
  return best.empty() ? std::string() : "; did you mean '" + best + "'?";
}

}  // namespace relief
