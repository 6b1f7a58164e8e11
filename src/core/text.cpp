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

std::string_view DeferredText::Get() const {
  const std::string* built = built_.load(std::memory_order_acquire);
  if (built != nullptr) return *built;
  const auto* fresh = new std::string(builder_.Build(kind_, arg_));
  // Two threads may build it at once: the first to publish wins.
  if (built_.compare_exchange_strong(built, fresh, std::memory_order_acq_rel, std::memory_order_acquire)) return *fresh;
  delete fresh;
  return *built;
}

std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.view(); }

bool operator==(const std::vector<Text>& a, const std::vector<std::string>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Text& x, const std::string& y) { return x == y; });
}

}  // namespace relief
