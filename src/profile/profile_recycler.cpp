#include "profile/profile_recycler.hpp"

#include <atomic>

namespace relief::internal {

std::shared_ptr<ProfileData> ProfileRecycler::Reusable() {
  if (next_ >= ring_.size()) return nullptr;
  std::shared_ptr<ProfileData>& slot = ring_[next_];
  if (!slot || slot.use_count() != 1) return nullptr;
  // The last other owner may have let it go on another thread: its reads of
  // the profile happen before the release of its reference, which this
  // fence pairs with (use_count reads the count relaxed).
  std::atomic_thread_fence(std::memory_order_acquire);
  return std::move(slot);
}

void ProfileRecycler::HandedOut(const std::shared_ptr<ProfileData>& data) {
  if (ring_.size() < kRing) {
    ring_.push_back(data);
  } else {
    ring_[next_] = data;
  }
  next_ = (next_ + 1) % kRing;
}

}  // namespace relief::internal
