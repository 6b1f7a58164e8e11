// The build id of the binary relief's code runs in (the executable, or the
// shared object relief is linked into): a hash of its linked contents, which
// changes whenever the code does, unlike relief's version between releases.
#ifndef RELIEF_LOAD_BUILD_ID_HPP_
#define RELIEF_LOAD_BUILD_ID_HPP_

#include <string>

namespace relief::load {

// In hexadecimal; empty when the binary has none (linked without
// --build-id).
const std::string& BuildId();

}  // namespace relief::load

#endif  // RELIEF_LOAD_BUILD_ID_HPP_
