// Lays out, once per pack, what an explanation of each version of each
// measure shows (ir/explain_layout.hpp): Program::explain_layouts.
#ifndef RELIEF_COMPILE_EXPLAIN_LAYOUT_HPP_
#define RELIEF_COMPILE_EXPLAIN_LAYOUT_HPP_

#include "ir/program.hpp"

namespace relief::internal {

// Fills program.explain_layouts from its measures and instructions.
void LayOutExplanations(Program& program);

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_EXPLAIN_LAYOUT_HPP_
