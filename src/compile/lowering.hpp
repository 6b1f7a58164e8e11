// Stage 4: compiles a checked pack into the program the evaluator runs.
#ifndef RELIEF_COMPILE_LOWERING_HPP_
#define RELIEF_COMPILE_LOWERING_HPP_

#include <memory>

#include "check/checked_pack.hpp"
#include "ir/program.hpp"

namespace relief::internal {

// Lowers every checked expression of `pack`: the program has the pack's
// symbols and, for each expression kept, its instructions and root.
std::unique_ptr<Program> Compile(CheckedPack pack);

// Appends the instructions of `checked` to `program` and returns its root.
InstrId Lower(const CheckedExpr& checked, Program& program);

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_LOWERING_HPP_
