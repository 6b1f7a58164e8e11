// Stage 4: finds the calls of built-ins on one string fact and constants
// (`starts_with(naf, "47")`) that a profile can answer when it is read
// (Program::string_tests), so that the batch machines load their result as a
// cell rather than reading the fact's text at every evaluation.
#ifndef RELIEF_COMPILE_STRING_TESTS_HPP_
#define RELIEF_COMPILE_STRING_TESTS_HPP_

#include "ir/program.hpp"

namespace relief::internal {

void FindStringTests(Program& program);

}  // namespace relief::internal

#endif  // RELIEF_COMPILE_STRING_TESTS_HPP_
