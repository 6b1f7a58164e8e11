// The profiles a reader has handed out, taken back to write the next ones
// into once nobody else holds them: a reader of many lines whose caller
// lets each block of profiles go before reading the next (bench-12's
// runner, blocks of 256) then allocates nothing per line once warm, and
// writes into memory that is already in the cache.
//
// Ownership says when a profile is free: a Profile (or a copy of it) held
// anywhere keeps its ProfileData's use count above the recycler's one
// reference. A profile kept is simply not reused; a profile let go waits in
// the ring until its turn comes round.
#ifndef RELIEF_PROFILE_PROFILE_RECYCLER_HPP_
#define RELIEF_PROFILE_PROFILE_RECYCLER_HPP_

#include <cstddef>
#include <memory>
#include <vector>

#include "ir/profile_data.hpp"

namespace relief::internal {

class ProfileRecycler {
 public:
  // Profiles handed out are remembered in a ring of this many: at least a
  // block of the batch path (256 profiles), so that a caller reading a block
  // while the previous one is let go finds it free.
  static constexpr std::size_t kRing = 512;

  // The oldest profile handed out, when nobody else holds it any more
  // (to be emptied by the writer); nullptr otherwise.
  std::shared_ptr<ProfileData> Reusable();
  // Remembers a profile handed out, in the place Reusable looked at.
  void HandedOut(const std::shared_ptr<ProfileData>& data);

 private:
  std::vector<std::shared_ptr<ProfileData>> ring_;
  std::size_t next_ = 0;
};

}  // namespace relief::internal

#endif  // RELIEF_PROFILE_PROFILE_RECYCLER_HPP_
