// "Did you mean" suggestions for misspelt names and keys.
#ifndef RELIEF_CORE_SUGGEST_HPP_
#define RELIEF_CORE_SUGGEST_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace relief {

// The candidate closest to `word` by edit distance, if close enough to be a
// plausible typo (at most a third of the word's length); empty otherwise,
// and empty for a word longer than 64 bytes (a name is shorter; the cost of
// the search stays bounded whatever the input).
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" or "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace relief

#endif  // RELIEF_CORE_SUGGEST_HPP_
