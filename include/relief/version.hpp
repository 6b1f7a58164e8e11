#ifndef RELIEF_VERSION_HPP_
#define RELIEF_VERSION_HPP_

namespace relief {
// The library version, "MAJOR.MINOR.PATCH".
const char* LibraryVersion();
}  // namespace relief

#endif  // RELIEF_VERSION_HPP_
