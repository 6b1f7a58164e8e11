// Stages 2 and 3 of the pipeline: parses every expression of a PackAst,
// resolves names and checks types. All problems are reported in one pass.
// The result is lowered by compile/.
#ifndef RELIEF_CHECK_CHECKER_HPP_
#define RELIEF_CHECK_CHECKER_HPP_

#include "check/checked_pack.hpp"
#include "load/pack_ast.hpp"

namespace relief::internal {

// The checked pack; incomplete when `sink` received errors.
CheckedPack Check(const load::PackAst& ast, DiagnosticSink& sink);

}  // namespace relief::internal

#endif  // RELIEF_CHECK_CHECKER_HPP_
