// Stages 2 to 4 of the pipeline: parses every expression of a PackAst,
// resolves names, checks types, and lowers each checked expression into a
// Program. All problems are reported in one pass.
#ifndef RELIEF_CHECK_CHECKER_HPP_
#define RELIEF_CHECK_CHECKER_HPP_

#include <memory>

#include "compile/program.hpp"
#include "load/pack_ast.hpp"

namespace relief::internal {

// Returns the program (possibly incomplete when `sink` has errors).
std::unique_ptr<Program> CheckAndCompile(const load::PackAst& ast, DiagnosticSink& sink);

}  // namespace relief::internal

#endif  // RELIEF_CHECK_CHECKER_HPP_
