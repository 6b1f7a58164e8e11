// A range of bytes inside an expression's text.
#ifndef RELIEF_CORE_TEXT_SPAN_HPP_
#define RELIEF_CORE_TEXT_SPAN_HPP_

#include <cstdint>

namespace relief {

// Byte offsets [begin, end) inside the expression text.
struct TextSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

}  // namespace relief

#endif  // RELIEF_CORE_TEXT_SPAN_HPP_
