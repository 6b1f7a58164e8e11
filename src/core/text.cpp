// relief::Text: an owned copy is one allocation (the reference count and
// the characters together); an empty text none.
#include "relief/text.hpp"

#include <algorithm>
#include <ostream>

namespace relief {

Text::Text(std::string_view text) : size_(text.size()) {
  if (text.empty()) return;
  std::shared_ptr<char[]> chars = std::make_shared_for_overwrite<char[]>(text.size());
  std::copy(text.begin(), text.end(), chars.get());
  chars_ = std::shared_ptr<const char>(std::move(chars), chars.get());
}

std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

bool operator==(const std::vector<Text>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Text& x, const std::string& y) { return x == y; });
}

}  // namespace relief
