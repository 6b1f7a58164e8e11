// The top-level facts of a profile in the order the previous line gave
// them: files written by a program give their keys in one order, so the
// fact of the key at each position is first guessed, and checked by one
// comparison of the raw key, before the key is unescaped and looked up.
#ifndef RELIEF_PROFILE_KEY_ORDER_HPP_
#define RELIEF_PROFILE_KEY_ORDER_HPP_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace relief::internal {

// A fact's name as a JSON key writes it without escapes: the name and the
// closing quote, compared with the line 8 bytes at a time (the line has
// kReadPast readable bytes after its end, so reading up to 7 bytes past
// the key is safe).
class RawKey {
 public:
  static constexpr std::size_t kReadPast = 56;

  explicit RawKey(std::string_view name) {
    const std::string quoted = std::string(name) + '"';
    if (quoted.size() > 8 * words_.size() || name.find_first_of("\"\\") != std::string_view::npos) return;
    count_ = (quoted.size() + 7) / 8;
    size_ = quoted.size();
    std::array<char, sizeof(words_)> text{}, mask{};
    std::memcpy(text.data(), quoted.data(), quoted.size());
    std::memset(mask.data(), 0xFF, quoted.size());
    std::memcpy(words_.data(), text.data(), sizeof(words_));
    std::memcpy(masks_.data(), mask.data(), sizeof(masks_));
  }
  // Whether the key whose text starts at `raw` (after its opening quote) is
  // this name; always false for a name that may need escapes.
  bool Matches(const char* raw) const {
    // The first kWords words compared whatever the name's length, without
    // a branch (the masks of the words past the name are zero): keys of
    // varied lengths would mispredict a loop's exit.
    std::uint64_t differ = 0;
    for (std::size_t i = 0; i < kWords; ++i) differ |= (Word(raw, i) & masks_[i]) ^ words_[i];
    for (std::size_t i = kWords; i < count_; ++i) differ |= (Word(raw, i) & masks_[i]) ^ words_[i];
    return differ == 0 && count_ > 0;
  }
  // The bytes Matches compared: the name and its closing quote.
  std::size_t size() const { return size_; }

 private:
  static std::uint64_t Word(const char* raw, std::size_t i) {
    std::uint64_t word;
    std::memcpy(&word, raw + 8 * i, sizeof(word));
    return word;
  }

  std::array<std::uint64_t, 7> words_{}, masks_{};
  static_assert(sizeof(words_) <= kReadPast);
  static constexpr std::size_t kWords = 4;  // compared for every name: names up to 31 bytes
  std::size_t count_ = 0;
  std::size_t size_ = 0;
};

struct KeyOrder {
  std::vector<std::int32_t> facts;  // by position in the line
  std::vector<RawKey> names;        // by fact

  // The fact the key at `position` of the profile is expected to name, if
  // the raw key (after its opening quote) is its name; else -1.
  std::int32_t Guess(std::size_t position, const char* raw) const {
    if (position >= facts.size()) return -1;
    const std::int32_t fact = facts[position];
    return fact >= 0 && names[static_cast<std::size_t>(fact)].Matches(raw) ? fact : -1;
  }
  // The fact of the key at `position`, guessed for the next line; not past
  // as many positions as there are facts (a longer line has unknown keys or
  // duplicates).
  void Remember(std::size_t position, std::int32_t fact) {
    if (position < facts.size()) {
      facts[position] = fact;
    } else if (position == facts.size() && position < names.size()) {
      facts.push_back(fact);
    }
  }
};

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_KEY_ORDER_HPP_
