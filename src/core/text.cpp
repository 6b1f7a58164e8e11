// relief::Text: an owned copy is one allocation (the reference count and
// the characters together), none up to Text::kShort characters.
#include "relief/text.hpp"

#include <algorithm>
#include <iterator>
#include <ostream>

namespace relief {

Text::Text(std::string_view text) : size_(text.size()) {
  if (text.size() <= kShort) {
    std::copy(text.begin(), text.end(), short_);
    return;
  }
  std::shared_ptr<char[]> chars = std::make_shared_for_overwrite<char[]>(text.size());
  char* first = chars.get();
  std::copy(text.begin(), text.end(), first);
  chars_ = std::shared_ptr<const char>(std::move(chars), first);
}

Text& Text::operator=(Text&& other) noexcept {
  if (this == &other) return *this;
  chars_ = std::move(other.chars_);
  size_ = other.size_;
  std::copy(std::begin(other.short_), std::end(other.short_), short_);
  other.chars_ = nullptr;
  other.size_ = 0;
  return *this;
}

std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

bool operator==(const std::vector<Text>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Text& x, const std::string& y) { return x == y; });
}

}  // namespace relief
