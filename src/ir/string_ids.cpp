#include "ir/string_ids.hpp"

#include <cstring>

namespace relief::internal {

std::uint64_t StringIds::Hash(std::string_view text) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15;
  std::uint64_t h = text.size() * kMul;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof(word));
    h = (h ^ word) * kMul;
    h ^= h >> 32;
  }
  std::uint64_t tail = 0;
  for (std::size_t k = 0; i + k < text.size(); ++k)
    tail |= std::uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
  h = (h ^ tail) * kMul;
  return h ^ (h >> 29);
}

std::int32_t StringIds::Find(std::string_view text) const {
  if (slots_.empty()) return 0;
  const std::uint64_t h = Hash(text);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == 0) return 0;
    if (slot.hash == h && slot.text == text) return slot.id;
  }
}

std::int32_t StringIds::Intern(std::string_view text) {
  if (const std::int32_t id = Find(text)) return id;
  if (2 * (count_ + 1) > slots_.size()) Grow();
  const std::uint64_t h = Hash(text);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != 0) i = (i + 1) & mask;
  slots_[i] = {h, text, static_cast<std::int32_t>(++count_)};
  return slots_[i].id;
}

void StringIds::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : 2 * old.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.id == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].id != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace relief::internal
